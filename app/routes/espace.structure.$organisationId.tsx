import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { requireUser } from '~/.server/auth/session';
import { AppError } from '~/.server/errors';
import { formFailure, throwAsResponse } from '~/.server/http/route-errors';
import { removeMember } from '~/.server/organisations/members';
import { inviteMember } from '~/.server/organisations/register';
import { getStructureSpace } from '~/.server/spaces';
import { Field } from '~/components/field';
import { FormResult } from '~/components/form-result';
import { ItemTable } from '~/components/item-table';
import { TableScroll } from '~/components/table-scroll';
import { formatDate } from '~/lib/labels';

export const meta: MetaFunction = () => [{ title: 'Espace structure — Passerelles' }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireUser(context.services, request);
  try {
    return { organisation: await getStructureSpace(context.services, user, params.organisationId ?? ''), userId: user.id };
  } catch (error) {
    throwAsResponse(error);
  }
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requireUser(context.services, request);
  const id = params.organisationId ?? '';
  const form = await request.formData();
  try {
    const intent = form.get('intent');
    if (intent === 'invite') {
      const { invited } = await inviteMember(context.services, user, id, { email: form.get('email') });
      return { ok: true as const, message: `${invited} fait désormais partie de l’équipe et a reçu une invitation par e-mail.` };
    }
    if (intent === 'remove') {
      const { removed, self } = await removeMember(context.services, user, id, { userId: form.get('userId') });
      // Whoever leaves no longer has access to this space.
      if (self) return redirect('/compte');
      return { ok: true as const, message: `${removed} ne fait plus partie de l’équipe.` };
    }
    throw new AppError('VALIDATION', 'Action inconnue.');
  } catch (error) {
    return formFailure(error);
  }
}

export default function StructureSpace() {
  const { organisation, userId } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== 'idle';
  const errors = result && !result.ok ? result : null;
  const { eligibility, members, mayManageMembers } = organisation;
  return (
    <>
      <h1>{organisation.name}</h1>
      <p className="meta">
        {organisation.commune?.name ?? ''}
        {organisation.siret ? ` · SIRET ${organisation.siret}` : ''}
      </p>
      <p>
        <Link to={`/publier/besoin-competences?organisation=${organisation.id}`}>Publier un besoin de compétences</Link> ·{' '}
        <Link to={`/publier/besoin-lieu?organisation=${organisation.id}`}>Publier un besoin de lieu</Link> ·{' '}
        <Link to={`/publier/offre-stage?organisation=${organisation.id}`}>Proposer des stages de 3e</Link>
      </p>
      <section aria-labelledby="eligibilite">
        <h2 id="eligibilite">Mécénat de compétences</h2>
        {eligibility.status === 'NONE' ? (
          <p>
            La structure n’a pas déclaré d’éligibilité : les compétences des agents du Département ne lui sont pas proposées.
          </p>
        ) : (
          <>
            <p>{`Éligibilité déclarée : ${eligibility.declared}.`}</p>
            {eligibility.status === 'VERIFIED' ? (
              <p>
                <strong>Vérifiée</strong>
                {` par la Mission ESS le ${formatDate(eligibility.verifiedAt)} : la structure peut recevoir des propositions d’agents du Département.`}
              </p>
            ) : eligibility.status === 'PENDING' ? (
              <p>
                <strong>En attente de vérification</strong>
                {' par la Mission ESS : les compétences des agents seront proposées à la structure une fois l’éligibilité vérifiée.'}
              </p>
            ) : (
              <>
                <p>
                  <strong>Refusée</strong>
                  {` par la Mission ESS le ${formatDate(eligibility.refusedAt)}. Motif :`}
                </p>
                <blockquote>{eligibility.reason}</blockquote>
              </>
            )}
          </>
        )}
      </section>
      <h2>Besoins publiés</h2>
      <ItemTable
        caption="Besoins de la structure : ouvrez-en un pour voir les offres suggérées"
        rows={organisation.needs.map((need) => ({ ...need, href: `/besoins/${need.id}/suggestions` }))}
        empty="Aucun besoin pour le moment."
      />
      <h2>Offres de stage</h2>
      <ItemTable
        caption="Offres de la structure : ouvrez-en une pour voir les besoins suggérés"
        rows={organisation.offers.map((offer) => ({ ...offer, href: `/offres/${offer.id}/suggestions` }))}
        empty="Aucune offre pour le moment."
      />
      <section aria-labelledby="equipe" className="stack">
        <h2 id="equipe">Équipe</h2>
        <FormResult result={result} />
        <TableScroll label="Membres de l’équipe">
          <table>
            <caption>Membres de l’équipe</caption>
            <thead>
              <tr>
                <th scope="col">Membre</th>
                <th scope="col">Membre depuis le</th>
                {mayManageMembers ? (
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {members.map((member) => {
                const self = member.userId === userId;
                const label = member.name ?? member.email;
                return (
                  <tr key={member.userId}>
                    <td>
                      {self ? `${label} (vous)` : label}
                      {member.name ? (
                        <>
                          <br />
                          <span className="meta">{member.email}</span>
                        </>
                      ) : null}
                    </td>
                    <td>{formatDate(member.since)}</td>
                    {mayManageMembers ? (
                      <td>
                        <Form method="post">
                          <input type="hidden" name="intent" value="remove" />
                          <input type="hidden" name="userId" value={member.userId} />
                          <button type="submit" className="button-secondary" disabled={busy}>
                            {self ? (
                              'Quitter l’équipe'
                            ) : (
                              <>
                                Retirer<span className="visually-hidden">{` ${label} de l’équipe`}</span>
                              </>
                            )}
                          </button>
                        </Form>
                      </td>
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
        {mayManageMembers ? (
          <Form method="post" className="stack">
            <input type="hidden" name="intent" value="invite" />
            <Field id="invite-email" label="Inviter un ou une collègue" hint="(son adresse e-mail)" errors={errors?.fieldErrors.email}>
              {(props) => <input {...props} type="email" name="email" autoComplete="off" required />}
            </Field>
            <button type="submit" className="button-secondary" disabled={busy}>
              Inviter
            </button>
          </Form>
        ) : null}
      </section>
    </>
  );
}

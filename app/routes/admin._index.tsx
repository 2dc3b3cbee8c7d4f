import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { verifyEligibility } from '~/.server/admin/eligibility';
import { requireUser } from '~/.server/auth/session';
import { formFailure, throwAsResponse } from '~/.server/http/route-errors';
import { getAdminSpace } from '~/.server/spaces';
import { Field } from '~/components/field';
import { FormResult } from '~/components/form-result';
import { TableScroll } from '~/components/table-scroll';

export const meta: MetaFunction = () => [{ title: 'Mission ESS — Passerelles' }];

const eligibilityLabels = {
  NONE: 'non éligible',
  INTERET_GENERAL: 'organisme d’intérêt général',
  ARUP: 'association reconnue d’utilité publique',
  FONDATION: 'fondation',
} as const;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(context.services, request);
  try {
    return await getAdminSpace(context.services, user);
  } catch (error) {
    throwAsResponse(error);
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(context.services, request);
  const form = await request.formData();
  const organisationId = String(form.get('organisationId') ?? '');
  try {
    const { decision } = await verifyEligibility(context.services, user, organisationId, {
      decision: form.get('decision'),
      reason: form.get('reason'),
    });
    return { ok: true as const, message: decision === 'confirm' ? 'Éligibilité confirmée.' : 'Éligibilité refusée ; le motif est conservé.' };
  } catch (error) {
    return formFailure(error, { organisationId });
  }
}

export default function AdminHome() {
  const { toVerify, totals } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== 'idle';
  return (
    <>
      <h1>Mission ESS</h1>
      <p>{`${totals.users} comptes, ${totals.offers} offres et ${totals.needs} besoins enregistrés.`}</p>
      <p>
        <Link to="/admin/publications">Modérer les offres et les besoins</Link> · <Link to="/conventions">Toutes les conventions</Link> ·{' '}
        <Link to="/mises-en-relation">Toutes les mises en relation</Link> · <Link to="/admin/contenus">Modèles de convention et thésaurus</Link> ·{' '}
        <Link to="/admin/zones">Zones prioritaires (FRR, QPV)</Link> · <Link to="/admin/transparence">Transparence algorithmique</Link> ·{' '}
        <Link to="/admin/tableau-de-bord">Tableau de bord du plan (action 4.4)</Link>
      </p>
      <h2>Éligibilités à vérifier</h2>
      <FormResult result={result} />
      {toVerify.length === 0 ? (
        <p className="empty">Aucune éligibilité en attente de vérification.</p>
      ) : (
        <TableScroll label="Éligibilités à vérifier">
        <table>
          <caption>Structures ayant déclaré une éligibilité au mécénat de compétences</caption>
          <thead>
            <tr>
              <th scope="col">Structure</th>
              <th scope="col">Commune</th>
              <th scope="col">Éligibilité déclarée</th>
              <th scope="col">Vérification</th>
            </tr>
          </thead>
          <tbody>
            {toVerify.map((org) => (
              <tr key={org.id}>
                <td>
                  <Link to={`/espace/structure/${org.id}`}>{org.name}</Link>
                </td>
                <td>{org.commune?.name ?? '—'}</td>
                <td>{eligibilityLabels[org.skillsEligibility]}</td>
                <td>
                  <Form method="post" className="stack">
                    <input type="hidden" name="organisationId" value={org.id} />
                    <button type="submit" name="decision" value="confirm" disabled={busy}>
                      Confirmer<span className="visually-hidden">{` l’éligibilité de ${org.name}`}</span>
                    </button>
                    <Field
                      id={`reason-${org.id}`}
                      label="Motif d’un refus"
                      errors={result && !result.ok && result.organisationId === org.id ? result.fieldErrors.reason : undefined}
                    >
                      {(props) => <input {...props} name="reason" />}
                    </Field>
                    <button type="submit" name="decision" value="reject" className="button-secondary" disabled={busy}>
                      Refuser<span className="visually-hidden">{` l’éligibilité de ${org.name}`}</span>
                    </button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        </TableScroll>
      )}
    </>
  );
}

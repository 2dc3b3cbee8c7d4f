import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { requireUser } from '~/.server/auth/session';
import { formFailure, throwAsResponse } from '~/.server/http/route-errors';
import { inviteMember } from '~/.server/organisations/register';
import { getStructureSpace } from '~/.server/spaces';
import { Field } from '~/components/field';
import { FormResult } from '~/components/form-result';
import { ItemTable } from '~/components/item-table';

export const meta: MetaFunction = () => [{ title: 'Espace structure — Passerelles' }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireUser(context.services, request);
  try {
    return { organisation: await getStructureSpace(context.services, user, params.organisationId ?? '') };
  } catch (error) {
    throwAsResponse(error);
  }
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requireUser(context.services, request);
  const form = await request.formData();
  try {
    const { invited } = await inviteMember(context.services, user, params.organisationId ?? '', { email: form.get('email') });
    return { ok: true as const, message: `${invited} fait désormais partie de l’équipe et a reçu une invitation par e-mail.` };
  } catch (error) {
    return formFailure(error);
  }
}

export default function StructureSpace() {
  const { organisation } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== 'idle';
  const errors = result && !result.ok ? result : null;
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
      <section aria-labelledby="equipe">
        <h2 id="equipe">Équipe</h2>
        <FormResult result={result} />
        <Form method="post" className="stack">
          <Field id="invite-email" label="Inviter un ou une collègue" hint="(son adresse e-mail)" errors={errors?.fieldErrors.email}>
            {(props) => <input {...props} type="email" name="email" autoComplete="off" required />}
          </Field>
          <button type="submit" className="button-secondary" disabled={busy}>
            Inviter
          </button>
        </Form>
      </section>
    </>
  );
}

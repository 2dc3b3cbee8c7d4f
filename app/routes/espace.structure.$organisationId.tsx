import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { requireUser } from '~/.server/auth/session';
import { throwAsResponse } from '~/.server/http/route-errors';
import { getStructureSpace } from '~/.server/spaces';
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

export default function StructureSpace() {
  const { organisation } = useLoaderData<typeof loader>();
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
    </>
  );
}

import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { requireUser } from '~/.server/auth/session';
import { throwAsResponse } from '~/.server/http/route-errors';
import { getCollegeSpace } from '~/.server/spaces';
import { ItemTable } from '~/components/item-table';

export const meta: MetaFunction = () => [{ title: 'Espace collège — Passerelles' }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireUser(context.services, request);
  try {
    return { organisation: await getCollegeSpace(context.services, user, params.organisationId ?? '') };
  } catch (error) {
    throwAsResponse(error);
  }
}

export default function CollegeSpace() {
  const { organisation } = useLoaderData<typeof loader>();
  const flags = [organisation.rep && 'REP', organisation.repPlus && 'REP+', organisation.qpv && 'QPV'].filter(Boolean);
  return (
    <>
      <h1>{organisation.name}</h1>
      <p className="meta">
        {`${organisation.commune?.name ?? ''} · UAI ${organisation.uai ?? '—'}`}
        {flags.length ? ` · ${flags.join(', ')}` : ''}
      </p>
      <h2>Besoins de stages de 3e</h2>
      <ItemTable
        caption="Besoins du collège : ouvrez-en un pour voir les stages suggérés"
        rows={organisation.needs.map((need) => ({ ...need, href: `/besoins/${need.id}/suggestions` }))}
        empty="Aucun besoin de stage pour le moment."
      />
    </>
  );
}

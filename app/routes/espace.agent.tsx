import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { requireUser } from '~/.server/auth/session';
import { throwAsResponse } from '~/.server/http/route-errors';
import { getAgentSpace } from '~/.server/spaces';
import { ItemTable } from '~/components/item-table';

export const meta: MetaFunction = () => [{ title: 'Mes compétences — Passerelles' }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(context.services, request);
  try {
    return { offers: await getAgentSpace(context.services, user) };
  } catch (error) {
    throwAsResponse(error);
  }
}

export default function AgentSpace() {
  const { offers } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Mes propositions de compétences</h1>
      <ItemTable
        caption="Compétences que je propose"
        rows={offers.map((offer) => ({ ...offer, href: `/offres/${offer.id}/suggestions` }))}
        empty="Vous ne proposez encore aucune compétence."
      />
    </>
  );
}

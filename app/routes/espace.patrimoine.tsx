import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { requireUser } from '~/.server/auth/session';
import { throwAsResponse } from '~/.server/http/route-errors';
import { getPropertySpace } from '~/.server/spaces';
import { ItemTable } from '~/components/item-table';

export const meta: MetaFunction = () => [{ title: 'Biens proposés — Passerelles' }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(context.services, request);
  try {
    return { offers: await getPropertySpace(context.services, user) };
  } catch (error) {
    throwAsResponse(error);
  }
}

export default function PropertySpace() {
  const { offers } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Les biens proposés par mon service</h1>
      <p>
        <Link to="/patrimoine/biens/nouveau">Proposer un bien vacant</Link>
      </p>
      <ItemTable
        caption="Biens en appel à occupation"
        rows={offers.map((offer) => ({ ...offer, href: `/offres/${offer.id}/suggestions` }))}
        empty="Votre service ne propose encore aucun bien."
      />
      {offers.length > 0 ? (
        <section aria-labelledby="appels">
          <h2 id="appels">Appels à occupation</h2>
          <p>Pour chaque bien : ouvrez l’appel, suivez les candidatures et enregistrez la décision des élus.</p>
          <ul>
            {offers.map((offer) => (
              <li key={offer.id}>
                <Link to={`/patrimoine/appels/${offer.id}`}>{`Appel à occupation — ${offer.title}`}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

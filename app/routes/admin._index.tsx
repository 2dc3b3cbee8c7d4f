import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { requireUser } from '~/.server/auth/session';
import { throwAsResponse } from '~/.server/http/route-errors';
import { getAdminSpace } from '~/.server/spaces';

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

export default function AdminHome() {
  const { toVerify, totals } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Mission ESS</h1>
      <p>{`${totals.users} comptes, ${totals.offers} offres et ${totals.needs} besoins enregistrés.`}</p>
      <h2>Éligibilités à vérifier</h2>
      {toVerify.length === 0 ? (
        <p className="empty">Aucune éligibilité en attente de vérification.</p>
      ) : (
        <table>
          <caption>Structures ayant déclaré une éligibilité au mécénat de compétences</caption>
          <thead>
            <tr>
              <th scope="col">Structure</th>
              <th scope="col">Commune</th>
              <th scope="col">Éligibilité déclarée</th>
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
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

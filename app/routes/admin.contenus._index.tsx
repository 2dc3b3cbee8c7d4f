import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { requireUser } from '~/.server/auth/session';
import { listContents } from '~/.server/contents/published-contents';
import { throwAsResponse } from '~/.server/http/route-errors';
import { TableScroll } from '~/components/table-scroll';
import { formatDate } from '~/lib/labels';

export const meta: MetaFunction = () => [{ title: 'Modèles et thésaurus — Mission ESS — Passerelles' }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(context.services, request);
  try {
    return { contents: await listContents(context.services, user) };
  } catch (error) {
    throwAsResponse(error);
  }
}

export default function Contents() {
  const { contents } = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <p>
        <Link to="/admin">Mission ESS</Link>
      </p>
      <h1>Modèles de convention et thésaurus</h1>
      <p className="lead">
        Les textes que la Mission ESS modifie en ligne. Chaque publication crée une nouvelle version, qui s’applique aussitôt : aux
        conventions rédigées ensuite pour un modèle, au rapprochement des offres et des besoins pour le thésaurus. La version 0 est le
        fichier livré avec l’application.
      </p>
      <TableScroll label="Contenus modifiables en ligne">
        <table>
          <caption className="visually-hidden">Contenus modifiables en ligne</caption>
          <thead>
            <tr>
              <th scope="col">Contenu</th>
              <th scope="col">Version en vigueur</th>
              <th scope="col">Dernière publication</th>
            </tr>
          </thead>
          <tbody>
            {contents.map((content) => (
              <tr key={`${content.slug}/${content.key}`}>
                <td>
                  <Link to={`/admin/contenus/${content.slug}/${content.key}`}>{content.name}</Link>
                  <br />
                  <span className="meta">{`${content.kindLabel} · ${content.key}`}</span>
                </td>
                <td>{content.version === 0 ? '0 (fichier livré)' : String(content.version)}</td>
                <td>
                  {content.lastPublication ? (
                    <>
                      {`${formatDate(content.lastPublication.at)}, par ${content.lastPublication.by}`}
                      <br />
                      <span className="meta">{content.lastPublication.note}</span>
                    </>
                  ) : (
                    'jamais publié en ligne'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </div>
  );
}

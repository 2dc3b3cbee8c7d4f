import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { requireUser } from '~/.server/auth/session';
import { throwAsResponse } from '~/.server/http/route-errors';
import { listMatches } from '~/.server/matching/match-decisions';
import { Pagination } from '~/components/pagination';
import { kindLabels } from '~/lib/labels';
import { matchStatusLabels } from '~/lib/match-labels';

export const meta: MetaFunction = () => [{ title: 'Mises en relation — Passerelles' }];

const pageSchema = z.coerce.number().int().min(1).catch(1);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(context.services, request);
  const page = pageSchema.parse(new URL(request.url).searchParams.get('page') ?? 1);
  try {
    return { ...(await listMatches(context.services, user, page)), page };
  } catch (error) {
    throwAsResponse(error);
  }
}

export default function Matches() {
  const { items, total, page, pageCount } = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <h1>Mises en relation</h1>
      <p role="status">{`${total} mise${total > 1 ? 's' : ''} en relation`}</p>
      {items.length === 0 ? (
        <p className="empty">
          Aucune mise en relation pour l’instant. Depuis un besoin ou une offre, ouvrez ses suggestions et proposez celle qui
          vous convient : l’autre partie est prévenue par e-mail.
        </p>
      ) : (
        <table>
          <caption className="visually-hidden">Mises en relation</caption>
          <thead>
            <tr>
              <th scope="col">Type</th>
              <th scope="col">Besoin</th>
              <th scope="col">Offre</th>
              <th scope="col">État</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.id}>
                <td>{kindLabels[item.kind].singular}</td>
                <td>
                  <Link to={`/mises-en-relation/${item.id}`}>{item.needTitle}</Link>
                </td>
                <td>{item.offerTitle}</td>
                <td>{item.awaitingMe ? <strong>Attend votre réponse</strong> : matchStatusLabels[item.status]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination page={page} pageCount={pageCount} hrefFor={(p) => `?page=${p}`} />
    </div>
  );
}

import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { conventionStatuses, statusLabels } from '../../matching/conventions/lifecycle';
import { requireUser } from '~/.server/auth/session';
import { listConventions } from '~/.server/conventions/queries';
import { throwAsResponse } from '~/.server/http/route-errors';
import { Pagination } from '~/components/pagination';
import { formatDate, kindLabels } from '~/lib/labels';

export const meta: MetaFunction = () => [{ title: 'Conventions — Passerelles' }];

const filtersSchema = z.object({
  status: z.enum(conventionStatuses).optional().catch(undefined),
  page: z.coerce.number().int().min(1).catch(1).default(1),
});

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(context.services, request);
  const url = new URL(request.url);
  const filters = filtersSchema.parse(Object.fromEntries(url.searchParams));
  try {
    return { ...(await listConventions(context.services, user, filters)), filters };
  } catch (error) {
    throwAsResponse(error);
  }
}

export default function Conventions() {
  const { items, total, pageCount, filters } = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <h1>Conventions</h1>
      <Form method="get" className="filters">
        <label htmlFor="status">État</label>
        <select id="status" name="status" defaultValue={filters.status ?? ''}>
          <option value="">Tous</option>
          {conventionStatuses.map((status) => (
            <option key={status} value={status}>
              {statusLabels[status]}
            </option>
          ))}
        </select>
        <button type="submit">Filtrer</button>
      </Form>
      <p role="status">
        {`${total} convention${total > 1 ? 's' : ''}`}
        {total > 0 ? (
          <>
            {' · '}
            <a href={`/conventions/export.csv${filters.status ? `?status=${filters.status}` : ''}`} download>
              Exporter la liste (CSV)
            </a>
          </>
        ) : null}
      </p>
      {items.length === 0 ? (
        <p className="empty">
          Aucune convention pour l’instant. Une convention est préparée dès qu’une mise en relation est acceptée par les deux parties :
          consultez les <Link to="/offres">offres</Link> et leurs suggestions.
        </p>
      ) : (
        <table>
          <caption className="visually-hidden">Conventions</caption>
          <thead>
            <tr>
              <th scope="col">Référence</th>
              <th scope="col">Type</th>
              <th scope="col">Objet</th>
              <th scope="col">Période</th>
              <th scope="col">État</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.id}>
                <td>
                  <Link to={`/conventions/${item.id}`}>{item.reference}</Link>
                </td>
                <td>{kindLabels[item.kind].singular}</td>
                <td>{item.pupilName ? `${item.offerTitle} — ${item.pupilName}` : `${item.needTitle} / ${item.offerTitle}`}</td>
                <td>{`du ${formatDate(item.start)} au ${formatDate(item.end)}`}</td>
                <td>{item.statusLabel}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination
        page={filters.page}
        pageCount={pageCount}
        hrefFor={(page) => `?${new URLSearchParams({ ...(filters.status ? { status: filters.status } : {}), page: String(page) })}`}
      />
    </div>
  );
}

import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { conventionStatuses, statusLabels } from '../../matching/conventions/lifecycle';
import { requireUser } from '~/.server/auth/session';
import { listCommunes } from '~/.server/catalogue';
import { listConventions, parseConventionFilters } from '~/.server/conventions/queries';
import { throwAsResponse } from '~/.server/http/route-errors';
import { filtersQuery, isFiltered } from '~/.server/list-filters';
import { ListFilterForm } from '~/components/list-filter-form';
import { Pagination } from '~/components/pagination';
import { TableScroll } from '~/components/table-scroll';
import { formatDate, kindLabels } from '~/lib/labels';

export const meta: MetaFunction = () => [{ title: 'Conventions — Passerelles' }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(context.services, request);
  try {
    const { filters, warnings } = await parseConventionFilters(context.services, new URL(request.url).searchParams);
    const [result, communes] = await Promise.all([listConventions(context.services, user, filters), listCommunes(context.services)]);
    return { ...result, filters, warnings, communes, query: filtersQuery(filters), filtered: isFiltered(filters) };
  } catch (error) {
    throwAsResponse(error);
  }
}

const statuses = conventionStatuses.map((status) => ({ value: status, label: statusLabels[status] }));

export default function Conventions() {
  const { items, total, pageCount, filters, warnings, communes, query, filtered } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Conventions</h1>
      <ListFilterForm
        label="Rechercher dans les conventions"
        resetHref="/conventions"
        filters={filters}
        warnings={warnings}
        statuses={statuses}
        communes={communes}
        textHint="(référence, intitulé, structure, collège ou service)"
      />
      <p>
        <span role="status">{`${total} convention${total > 1 ? 's' : ''}`}</span>
        {total > 0 ? (
          <>
            {' · '}
            <a href={`/conventions/export.csv${query ? `?${query}` : ''}`} download>
              Exporter cette liste (CSV)
            </a>
          </>
        ) : null}
      </p>
      {items.length === 0 ? (
        filtered ? (
          <div className="empty">
            <p>Aucune convention ne correspond à ces critères.</p>
            <p>
              Vérifiez la référence, élargissez la période ou retirez un critère, ou <Link to="/conventions">effacez tous les filtres</Link>.
            </p>
          </div>
        ) : (
          <p className="empty">
            Aucune convention pour l’instant. Une convention est préparée dès qu’une mise en relation est acceptée par les deux parties :
            consultez les <Link to="/offres">offres</Link> et leurs suggestions.
          </p>
        )
      ) : (
        <TableScroll label="Tableau des conventions">
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
        </TableScroll>
      )}
      <Pagination page={filters.page} pageCount={pageCount} hrefFor={(page) => `?${query ? `${query}&` : ''}page=${page}`} />
    </>
  );
}

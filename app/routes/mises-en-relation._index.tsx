import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { hasRole } from '~/.server/auth/authorize';
import { requireUser } from '~/.server/auth/session';
import { listCommunes } from '~/.server/catalogue';
import { throwAsResponse } from '~/.server/http/route-errors';
import { filtersQuery, isFiltered } from '~/.server/list-filters';
import { parseMatchFilters, searchMatches } from '~/.server/matching/match-list';
import { ListFilterForm } from '~/components/list-filter-form';
import { Pagination } from '~/components/pagination';
import { TableScroll } from '~/components/table-scroll';
import { formatDate, kindLabels } from '~/lib/labels';
import { matchStatusLabels } from '~/lib/match-labels';

export const meta: MetaFunction = () => [{ title: 'Mises en relation — Passerelles' }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(context.services, request);
  try {
    const { filters, warnings } = await parseMatchFilters(context.services, new URL(request.url).searchParams);
    const [result, communes] = await Promise.all([searchMatches(context.services, user, filters), listCommunes(context.services)]);
    const query = filtersQuery(filters);
    return {
      ...result,
      filters,
      warnings,
      communes,
      query,
      filtered: isFiltered(filters),
      exportHref: hasRole(user, 'MISSION_ESS_ADMIN') ? `/mises-en-relation/export.csv${query ? `?${query}` : ''}` : null,
    };
  } catch (error) {
    throwAsResponse(error);
  }
}

const statuses = Object.entries(matchStatusLabels).map(([value, label]) => ({ value, label }));

export default function Matches() {
  const { items, total, pageCount, filters, warnings, communes, query, filtered, exportHref } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Mises en relation</h1>
      <ListFilterForm
        label="Rechercher dans les mises en relation"
        resetHref="/mises-en-relation"
        filters={filters}
        warnings={warnings}
        statuses={statuses}
        communes={communes}
        textHint="(structure, collège ou service, intitulé, référence de convention)"
      />
      <p>
        <span role="status">{`${total} mise${total > 1 ? 's' : ''} en relation`}</span>
        {exportHref && total > 0 ? (
          <>
            {' · '}
            <a href={exportHref} download>
              Exporter cette liste (CSV)
            </a>
          </>
        ) : null}
      </p>
      {items.length === 0 ? (
        filtered ? (
          <div className="empty">
            <p>Aucune mise en relation ne correspond à ces critères.</p>
            <p>
              Élargissez la période ou retirez un critère, ou <Link to="/mises-en-relation">effacez tous les filtres</Link>.
            </p>
          </div>
        ) : (
          <p className="empty">
            Aucune mise en relation pour l’instant. Depuis un besoin ou une offre, ouvrez ses suggestions et proposez celle qui vous
            convient : l’autre partie est prévenue par e-mail.
          </p>
        )
      ) : (
        <TableScroll label="Tableau des mises en relation">
          <table>
            <caption className="visually-hidden">Mises en relation</caption>
            <thead>
              <tr>
                <th scope="col">Besoin</th>
                <th scope="col">Offre</th>
                <th scope="col">Type</th>
                <th scope="col">Créée le</th>
                <th scope="col">État</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.id}>
                  <td>
                    <Link to={`/mises-en-relation/${item.id}`}>{item.needTitle}</Link>
                    <br />
                    <span className="meta">{item.needOrganisation}</span>
                  </td>
                  <td>
                    {item.offerTitle}
                    {item.offerOrganisation ? (
                      <>
                        <br />
                        <span className="meta">{item.offerOrganisation}</span>
                      </>
                    ) : null}
                  </td>
                  <td>{kindLabels[item.kind].singular}</td>
                  <td>{formatDate(item.createdAt)}</td>
                  <td>{item.awaitingMe ? <strong>Attend votre réponse</strong> : matchStatusLabels[item.status]}</td>
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

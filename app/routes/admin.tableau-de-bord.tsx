import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Fragment } from 'react';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { assertAccess } from '~/.server/auth/authorize';
import { requireUser } from '~/.server/auth/session';
import { throwAsResponse } from '~/.server/http/route-errors';
import {
  FIRST_YEAR,
  TERRITORY_RULE,
  computeIndicators,
  indicatorFiltersQuery,
  readIndicatorFilters,
  reportScope,
  type Breakdown,
  type Indicator,
} from '~/.server/indicators';
import { BarChartFigure } from '~/components/bar-chart-figure';
import { Field } from '~/components/field';
import { TableScroll } from '~/components/table-scroll';
import { formatCell, formatFigure } from '~/lib/indicator-format';
import { INDICATOR_SECTIONS } from '~/lib/indicator-sections';
import { KINDS, kindLabels } from '~/lib/labels';
import { FilterWarnings } from '~/components/filter-warnings';

export const meta: MetaFunction = () => [{ title: 'Tableau de bord du plan ESS — Passerelles' }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(context.services, request);
  try {
    assertAccess(user, { roles: ['MISSION_ESS_ADMIN'] });
    const { filters, warnings, territories } = await readIndicatorFilters(context.services, new URL(request.url).searchParams);
    const report = await computeIndicators(context.services, filters);
    const currentYear = context.services.clock.now().getUTCFullYear();
    return {
      warnings,
      territories,
      years: Array.from({ length: currentYear - FIRST_YEAR + 1 }, (_, index) => currentYear - index),
      values: { year: String(filters.year), territory: filters.territory ? `${filters.territory.level}:${filters.territory.code}` : '', kind: filters.kind ?? '' },
      query: indicatorFiltersQuery(filters),
      scope: reportScope(report),
      territoryRule: TERRITORY_RULE,
      recordCount: report.records.rows.length,
      indicators: report.indicators,
    };
  } catch (error) {
    throwAsResponse(error);
  }
}

/** CSV and XLSX of one table, with the page's filters; the hidden text names the table for screen readers. */
function ExportLinks({ table, title, query }: { table: string; title: string; query: string }) {
  const href = (format: 'csv' | 'xlsx') => `/admin/tableau-de-bord/export?${query}&format=${format}&table=${encodeURIComponent(table)}`;
  return (
    <>
      {'Télécharger : '}
      <a href={href('csv')} download>
        CSV<span className="visually-hidden">{` — ${title}`}</span>
      </a>
      {' · '}
      <a href={href('xlsx')} download>
        XLSX<span className="visually-hidden">{` — ${title}`}</span>
      </a>
    </>
  );
}

function BreakdownView({ breakdown, query }: { breakdown: Breakdown; query: string }) {
  const numeric = breakdown.chart?.series ?? [];
  const hasData = breakdown.rows.some((row) => numeric.some((index) => typeof row[index] === 'number' && row[index] !== 0));
  return (
    <>
      {breakdown.chart && hasData ? (
        <BarChartFigure
          id={`graphique-${breakdown.id}`}
          title={breakdown.title}
          categories={breakdown.rows.map((row) => String(row[0] ?? ''))}
          series={numeric.map((index) => ({
            label: breakdown.columns[index]?.label ?? '',
            values: breakdown.rows.map((row) => (typeof row[index] === 'number' ? row[index] : 0)),
          }))}
          stacked={breakdown.chart.stacked}
        />
      ) : null}
      {breakdown.rows.length === 0 ? (
        <p className="empty">{`${breakdown.title} : aucune donnée pour ces critères.`}</p>
      ) : (
        <TableScroll label={breakdown.title}>
          <table>
            <caption>{breakdown.title}</caption>
            <thead>
              <tr>
                {breakdown.columns.map((column) => (
                  <th key={column.label} scope="col">
                    {column.unit && column.unit !== 'nombre' ? `${column.label} (${column.unit})` : column.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {breakdown.rows.map((row, rowIndex) => (
                <tr key={`${rowIndex}-${String(row[0])}`}>
                  {row.map((cell, index) =>
                    index === 0 ? (
                      <th key={index} scope="row">
                        {formatCell(cell)}
                      </th>
                    ) : (
                      <td key={index}>{formatCell(cell)}</td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <p className="meta">
        <ExportLinks table={breakdown.id} title={breakdown.title} query={query} />
      </p>
    </>
  );
}

function IndicatorView({ indicator, query }: { indicator: Indicator; query: string }) {
  return (
    <article aria-labelledby={`indicateur-${indicator.id}`}>
      <h3 id={`indicateur-${indicator.id}`}>{indicator.label}</h3>
      <p>
        <strong>Définition : </strong>
        {indicator.definition}
      </p>
      <dl className="facts">
        {indicator.figures.map((figure) => (
          <Fragment key={figure.key}>
            <dt>{figure.label}</dt>
            <dd>
              {figure.href ? (
                <Link to={figure.href}>
                  {formatFigure(figure.value, figure.unit)}
                  <span className="visually-hidden"> — voir les enregistrements</span>
                </Link>
              ) : (
                formatFigure(figure.value, figure.unit)
              )}
            </dd>
          </Fragment>
        ))}
      </dl>
      <p className="meta">
        <ExportLinks table={indicator.id} title={indicator.label} query={query} />
      </p>
      {indicator.breakdowns.map((breakdown) => (
        <BreakdownView key={breakdown.id} breakdown={breakdown} query={query} />
      ))}
    </article>
  );
}

export default function Dashboard() {
  const { warnings, territories, years, values, query, scope, territoryRule, recordCount, indicators } = useLoaderData<typeof loader>();
  const shown = INDICATOR_SECTIONS.filter((section) => indicators.some((indicator) => indicator.action === section.action));
  return (
    <>
      <h1>Tableau de bord du plan ESS</h1>
      <p className="lead">
        Indicateurs du plan départemental de l’économie sociale et solidaire 2024-2028 (action 4.4), calculés à partir des données de
        Passerelles : aucun chiffre n’est saisi à la main. Chaque indicateur donne sa définition.
      </p>
      <FilterWarnings warnings={warnings} />
      <Form method="get" className="filters" role="search" aria-label="Choisir la période, le territoire et le type">
        <Field id="year" label="Année">
          {(props) => (
            <select {...props} name="year" defaultValue={values.year}>
              {years.map((year) => (
                <option key={year} value={year}>
                  {year}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="territory" label="Territoire" hint="(arrondissement, intercommunalité ou commune)">
          {(props) => (
            <select {...props} name="territory" defaultValue={values.territory}>
              <option value="">Tout le Gard</option>
              {territories.map((group) => (
                <optgroup key={group.level} label={group.label}>
                  {group.options.map((option) => (
                    <option key={option.value} value={option.value}>
                      {option.label}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          )}
        </Field>
        <Field id="kind" label="Type">
          {(props) => (
            <select {...props} name="kind" defaultValue={values.kind}>
              <option value="">Tous les types</option>
              {KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {`${kindLabels[kind].plural} (${kindLabels[kind].action})`}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="actions">
          <button type="submit">Afficher</button>
          <Link to="/admin/tableau-de-bord">Effacer les filtres</Link>
        </div>
      </Form>
      <dl className="facts">
        {scope.map(([label, value]) => (
          <Fragment key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </Fragment>
        ))}
      </dl>
      <p className="meta">
        {`${territoryRule} Les chiffres mènent aux listes des enregistrements ; ces listes filtrent sur la date de création et, pour un territoire, sur une seule commune (celle du besoin ou de l’offre) : elles peuvent en montrer un peu plus que l’indicateur.`}
      </p>
      <p>
        {`Conventions de la période, anonymisées (${recordCount.toLocaleString('fr-FR')}) : `}
        <ExportLinks table="records" title="conventions de la période, anonymisées" query={query} />
      </p>
      <p>
        <a href={`/admin/tableau-de-bord/bilan.pdf?${query}`}>Bilan annuel (PDF)</a>
        {' : indicateurs, graphiques et définitions pour ces filtres.'}
      </p>
      <nav aria-label="Sections du tableau de bord">
        <ul>
          {shown.map((section) => (
            <li key={section.id}>
              <a href={`#${section.id}`}>{section.title}</a>
            </li>
          ))}
        </ul>
      </nav>
      {shown.map((section) => (
        <section key={section.id} id={section.id} aria-labelledby={`${section.id}-titre`}>
          <h2 id={`${section.id}-titre`}>{section.title}</h2>
          {indicators
            .filter((indicator) => indicator.action === section.action)
            .map((indicator) => (
              <IndicatorView key={indicator.id} indicator={indicator} query={query} />
            ))}
        </section>
      ))}
    </>
  );
}

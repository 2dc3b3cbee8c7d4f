/**
 * Indicators of the Gard's ESS plan (issue #6, action 4.4), computed from the data, never typed in. The dashboard
 * uses this API; an open-data endpoint or the yearly PDF can build on it too.
 *
 * - `computeIndicators(services, { year, territory?, kind? })` → `IndicatorReport`: the period (calendar year), the
 *   situation day (end of the year, or today while it runs), the territory, and `indicators`, each with `id`,
 *   `action` ('1.3' | '2.2' | '2.4' | 'plateforme'), French `label` and `definition`, `figures` (value, unit, link to
 *   the records) and `breakdowns` (tables, with a chart hint). `records` is the table of the conventions behind
 *   them, anonymised. Throws AppError('VALIDATION') for a territory that does not exist.
 * - `indicatorTables(report)` → every indicator's figures (table id = indicator id) and every breakdown (its own id)
 *   as flat tables: `{ id, title, definition, columns, rows }`.
 * - `readIndicatorFilters(services, searchParams)` reads `year`, `territory` (`arrondissement:302`, `epci:<siren>`,
 *   `commune:<insee>`) and `kind`, ignoring bad values with French warnings; `strictIndicatorFilters` refuses them
 *   instead (exports); `indicatorFiltersQuery` writes them back.
 * - `tableCsv`, `tableXlsx`, `xlsxResponse`, `reportScope`: exports of one table.
 * - `reportFromRows(rows, filters, today)`: the pure core, from plain rows (see `IndicatorRows` in types.ts).
 * - `annualReportPdf(report, generatedAt)`: the yearly report (« bilan annuel ») as PDF bytes and a file name.
 */
export { annualReportPdf } from './annual-report-pdf';
export { tableCsv, tableXlsx, xlsxResponse, reportScope } from './export';
export { FIRST_YEAR, indicatorFiltersQuery, strictIndicatorFilters } from './filters';
export { computeIndicators, readIndicatorFilters } from './load';
export { indicatorTables, reportFromRows, type IndicatorFilters, type IndicatorReport, type IndicatorTable } from './report';
export { TERRITORY_RULE } from './conventions';
export type { Breakdown, Cell, Column, Figure, Indicator, Unit } from './types';

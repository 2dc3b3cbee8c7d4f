/**
 * Open data (issue #6, item 4): the plan's indicators as public aggregate figures, with statistical secrecy.
 * - `publishOpenData(services, searchParams)` reads `annee` and `territoire` (`arr:302`, `epci:<siren>`), refuses bad
 *   values in French (AppError('VALIDATION')) and returns the dataset: whitelisted measures (measures.ts), small
 *   counts masked, then secondary suppression (dataset.ts).
 * - `openDataRows`, `openDataCsv`, `openDataSchema`: JSON rows, CSV and Table Schema, all from `OPEN_DATA_FIELDS`.
 */
export { OPEN_DATA_MIN_COUNT, openDataset, type OpenDataCell, type OpenDataset } from './dataset';
export { MEASURES } from './measures';
export {
  OPEN_DATA_FIELDS,
  OPEN_DATA_HEADERS,
  OPEN_DATA_LICENCE,
  OPEN_DATA_SOURCE,
  SUPPRESSION_RULE,
  openDataCsv,
  openDataQueryString,
  openDataRows,
  openDataSchema,
  publishOpenData,
  type OpenDataRow,
} from './publish';

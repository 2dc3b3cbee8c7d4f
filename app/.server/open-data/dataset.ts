import type { IndicatorReport } from '../indicators';
import { ADDITIVE_GROUPS, MEASURES, type MeasureSpec } from './measures';

/**
 * Statistical secrecy: a count of 1 to OPEN_DATA_MIN_COUNT − 1 records is never published, nor a sum, average,
 * share or median computed on that few records. Zero is published: it designates nobody.
 */
export const OPEN_DATA_MIN_COUNT = 5;

/** One published value before it is written out: a measure, its category (breakdowns), its value or null when masked. */
export interface OpenDataCell {
  measure: MeasureSpec;
  category: string | null;
  /** null when masked, or when there was nothing to compute from (an average of no answer). */
  value: number | null;
  suppressed: boolean;
}

export interface OpenDataset {
  year: number;
  /** `dep:30`, `arr:302` or `epci:<siren>`. */
  territoryCode: string;
  territoryName: string;
  referenceDay: string;
  cells: OpenDataCell[];
}

interface WorkCell extends Omit<OpenDataCell, 'value'> {
  raw: number | null;
  base: number | null;
}

const TERRITORY_PREFIX = { arrondissement: 'arr', epci: 'epci', commune: 'commune' } as const;

const isSmall = (count: number | null) => count !== null && count > 0 && count < OPEN_DATA_MIN_COUNT;

/** The cells of one measure read from the report: one for a figure, one per row for a breakdown column. */
function readMeasure(report: IndicatorReport, measure: MeasureSpec): { category: string | null; raw: number | null }[] {
  const indicator = report.indicators.find((candidate) => candidate.id === measure.indicator);
  if (!indicator) throw new Error(`Indicateur ${measure.indicator} absent du rapport`);
  const number = (value: unknown) => (typeof value === 'number' ? value : null);
  if ('figure' in measure.source) {
    const key = measure.source.figure;
    const figure = indicator.figures.find((candidate) => candidate.key === key);
    if (!figure) throw new Error(`Chiffre ${measure.indicator}/${key} absent du rapport`);
    return [{ category: null, raw: figure.value }];
  }
  const { breakdown: id, column } = measure.source;
  const breakdown = indicator.breakdowns.find((candidate) => candidate.id === id);
  if (!breakdown) throw new Error(`Tableau ${id} absent du rapport`);
  return breakdown.rows.map((row) => ({ category: String(row[0] ?? ''), raw: number(row[column]) }));
}

function columnSum(report: IndicatorReport, breakdownId: string, column: number): number {
  const breakdown = report.indicators.flatMap((indicator) => indicator.breakdowns).find((candidate) => candidate.id === breakdownId);
  if (!breakdown) throw new Error(`Tableau ${breakdownId} absent du rapport`);
  return breakdown.rows.reduce((sum, row) => sum + (typeof row[column] === 'number' ? row[column] : 0), 0);
}

/**
 * The public dataset of a report computed for every kind: only the whitelisted measures, small counts and the
 * figures computed on them masked (primary suppression), then as many more as needed so that no masked value can be
 * recovered from a published total (secondary suppression, smallest published part first) or from a share or
 * difference that depends on it.
 */
export function openDataset(report: IndicatorReport): OpenDataset {
  const cells: WorkCell[] = MEASURES.flatMap((measure) =>
    readMeasure(report, measure).map(({ category, raw }) => ({ measure, category, raw, base: null, suppressed: false })),
  );
  const cellsOf = (id: string) => cells.filter((cell) => cell.measure.id === id);
  const counterpart = (id: string, category: string | null) => cellsOf(id).find((cell) => cell.category === category) ?? cellsOf(id).find((cell) => cell.category === null);

  for (const cell of cells) {
    const base = cell.measure.base;
    if (cell.measure.kind === 'effectif') cell.base = cell.raw;
    else if (base && 'measure' in base) cell.base = counterpart(base.measure, cell.category)?.raw ?? null;
    else if (base) cell.base = columnSum(report, base.columnSum.breakdown, base.columnSum.column);
    cell.suppressed = isSmall(cell.base);
  }

  const suppress = (cell: WorkCell) => {
    cell.suppressed = true;
    return true;
  };
  let changed = true;
  while (changed) {
    changed = false;
    for (const cell of cells) {
      if (cell.suppressed || !cell.measure.dependsOn) continue;
      if (cell.measure.dependsOn.some((id) => counterpart(id, cell.category)?.suppressed)) changed = suppress(cell);
    }
    for (const group of ADDITIVE_GROUPS) {
      const total = cellsOf(group.total)[0];
      if (!total || total.suppressed || total.raw === null) continue;
      const parts = group.parts.flatMap(cellsOf);
      if (parts.filter((part) => part.suppressed).length !== 1) continue;
      const next = parts.filter((part) => !part.suppressed).sort((a, b) => (a.raw ?? 0) - (b.raw ?? 0))[0];
      changed = suppress(next ?? total);
    }
  }

  return {
    year: report.filters.year,
    territoryCode: report.territory ? `${TERRITORY_PREFIX[report.territory.level]}:${report.territory.code}` : 'dep:30',
    territoryName: report.territory?.name ?? 'Département du Gard',
    referenceDay: report.referenceDay,
    cells: cells.map(({ measure, category, raw, suppressed }) => ({ measure, category, value: suppressed ? null : raw, suppressed })),
  };
}

import { z } from 'zod';
import { KINDS } from '../../lib/labels';
import { AppError } from '../errors';
import type { IndicatorFilters } from './report';
import { belongs } from './territory';
import type { CommuneRow } from './types';

/** The plan runs from 2024 to 2028; figures exist from its first year to the current one. */
export const FIRST_YEAR = 2024;

export interface ParsedIndicatorFilters {
  filters: IndicatorFilters;
  /** One French sentence per ignored value. */
  warnings: string[];
}

const territorySchema = z
  .string()
  .regex(/^(arrondissement|epci|commune):[0-9A-Za-z]{1,12}$/, { error: 'Le territoire demandé n’est pas reconnu' })
  .transform((value) => {
    const [level, code] = value.split(':') as ['arrondissement' | 'epci' | 'commune', string];
    return { level, code };
  });

/**
 * Reads `year`, `territory` (`arrondissement:302`, `epci:243000643`, `commune:30189`) and `kind` from the address.
 * A bad value is ignored and reported in French; without a year, the current one.
 */
export function parseIndicatorFilters(params: URLSearchParams, communes: readonly CommuneRow[], today: string): ParsedIndicatorFilters {
  const currentYear = Number(today.slice(0, 4));
  const schemas = {
    year: z.coerce
      .number({ error: 'L’année doit être un nombre' })
      .int({ error: 'L’année doit être un nombre entier' })
      .min(FIRST_YEAR, { error: `L’année doit être comprise entre ${FIRST_YEAR} et ${currentYear}` })
      .max(currentYear, { error: `L’année doit être comprise entre ${FIRST_YEAR} et ${currentYear}` }),
    territory: territorySchema,
    kind: z.enum(KINDS, { error: 'Le type demandé n’existe pas' }),
  };
  const warnings: string[] = [];
  const read = <K extends keyof typeof schemas>(key: K): z.output<(typeof schemas)[K]> | undefined => {
    const raw = params.get(key);
    if (raw === null || raw.trim() === '') return undefined;
    const parsed = schemas[key].safeParse(raw.trim());
    if (parsed.success) return parsed.data as z.output<(typeof schemas)[K]>;
    warnings.push(`${parsed.error.issues[0]?.message ?? 'Filtre invalide'} : ce filtre a été ignoré.`);
    return undefined;
  };
  const filters: IndicatorFilters = { year: read('year') ?? currentYear, territory: read('territory'), kind: read('kind') };
  const territory = filters.territory;
  if (territory && !communes.some((commune) => belongs(commune, territory))) {
    warnings.push(`Aucune commune du Gard n’appartient au territoire « ${territory.code} » : ce filtre a été ignoré.`);
    filters.territory = undefined;
  }
  return { filters, warnings };
}

/** For an export, which has no page to show warnings on: a bad value is a refusal, in French. */
export function strictIndicatorFilters({ filters, warnings }: ParsedIndicatorFilters): IndicatorFilters {
  if (warnings.length) throw new AppError('VALIDATION', `Export impossible : ${warnings.join(' ')}`);
  return filters;
}

/** The filters as a query string, for links to exports and back to the page. */
export function indicatorFiltersQuery(filters: IndicatorFilters): string {
  const params = new URLSearchParams({ year: String(filters.year) });
  if (filters.territory) params.set('territory', `${filters.territory.level}:${filters.territory.code}`);
  if (filters.kind) params.set('kind', filters.kind);
  return params.toString();
}

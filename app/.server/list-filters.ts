import { z } from 'zod';
import { KINDS, type Kind } from '../lib/labels';
import { AppError } from './errors';
import type { Services } from './services';

/** The search form shared by the long lists (matches, conventions): every value comes from the address bar. */
export interface ListFilters<Status extends string> {
  /** Words looked for in organisation names, titles and convention references. */
  q?: string;
  kind?: Kind;
  status?: Status;
  /** INSEE code of a Gard commune, on either side. */
  commune?: string;
  /** Creation day, from and to (both included), YYYY-MM-DD. */
  from?: string;
  to?: string;
  page: number;
}

export interface ParsedListFilters<Status extends string> {
  filters: ListFilters<Status>;
  /** One French sentence per ignored value, shown above the list. */
  warnings: string[];
}

const day = (label: string) => z.iso.date({ error: `La date « ${label} » doit être une vraie date au format AAAA-MM-JJ` });

/**
 * Reads the filters; a bad value (unknown status, impossible date, commune outside the Gard…) is ignored and
 * reported in French rather than failing the page.
 */
export async function parseListFilters<Status extends string>(
  services: Services,
  params: URLSearchParams,
  statuses: readonly [Status, ...Status[]],
): Promise<ParsedListFilters<Status>> {
  const schemas = {
    q: z.string().trim().max(100, { error: 'La recherche est limitée à 100 caractères' }),
    kind: z.enum(KINDS, { error: 'Le type demandé n’existe pas' }),
    status: z.enum(statuses, { error: 'L’état demandé n’existe pas' }),
    commune: z.string().regex(/^30\d{3}$/, { error: 'La commune doit être un code INSEE du Gard (30xxx)' }),
    from: day('créée à partir du'),
    to: day('créée jusqu’au'),
    page: z.coerce.number({ error: 'Le numéro de page doit être un nombre entier positif' }).int().min(1).max(10_000),
  };
  const warnings: string[] = [];
  const ignored = (message: string) => warnings.push(`${message} : ce filtre a été ignoré.`);
  const read = <K extends keyof typeof schemas>(key: K): z.output<(typeof schemas)[K]> | undefined => {
    const raw = params.get(key);
    if (raw === null || raw.trim() === '') return undefined;
    const parsed = schemas[key].safeParse(raw.trim());
    if (parsed.success) return parsed.data as z.output<(typeof schemas)[K]>;
    ignored(parsed.error.issues[0]?.message ?? 'Filtre invalide');
    return undefined;
  };
  const filters: ListFilters<Status> = {
    q: read('q'),
    kind: read('kind'),
    status: read('status'),
    commune: read('commune'),
    from: read('from'),
    to: read('to'),
    page: read('page') ?? 1,
  };
  if (filters.commune && !(await services.prisma.commune.findUnique({ where: { code: filters.commune }, select: { code: true } }))) {
    ignored(`La commune ${filters.commune} n’existe pas dans le Gard`);
    filters.commune = undefined;
  }
  if (filters.from && filters.to && filters.from > filters.to) {
    warnings.push('La date de début est après la date de fin : ces deux dates ont été ignorées.');
    filters.from = undefined;
    filters.to = undefined;
  }
  return { filters, warnings };
}

/** For a CSV export, which has no page to show warnings on: a bad value is a refusal, in French. */
export function strictFilters<Status extends string>({ filters, warnings }: ParsedListFilters<Status>): ListFilters<Status> {
  if (warnings.length) throw new AppError('VALIDATION', `Export impossible : ${warnings.join(' ')}`);
  return filters;
}

/** Creation days as a date range, `to` included (days are UTC, as everywhere in Passerelles). */
export function createdBetween(filters: { from?: string; to?: string }): { gte?: Date; lt?: Date } | undefined {
  if (!filters.from && !filters.to) return undefined;
  const dayAfter = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000);
  return {
    ...(filters.from ? { gte: new Date(`${filters.from}T00:00:00Z`) } : {}),
    ...(filters.to ? { lt: dayAfter(filters.to) } : {}),
  };
}

/** The filters as a query string, without the page: for pagination and export links. */
export function filtersQuery(filters: ListFilters<string>): string {
  const params = new URLSearchParams();
  for (const key of ['q', 'kind', 'status', 'commune', 'from', 'to'] as const) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  return params.toString();
}

/** Whether any filter narrows the list (for an empty state that says what to do next). */
export const isFiltered = (filters: ListFilters<string>) => filtersQuery(filters) !== '';

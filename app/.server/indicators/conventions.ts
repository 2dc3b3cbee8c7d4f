import type { ConventionStatus } from '../../../matching/conventions/lifecycle';
import type { Kind } from '../../lib/labels';
import { dayOf, overlaps } from './period';
import type { ConventionRow, IndicatorContext, MatchRow, Period } from './types';

/** Signed, and not cancelled since: the convention is or was carried out. */
const SIGNED_STATUSES: readonly ConventionStatus[] = ['SIGNED', 'IN_PROGRESS', 'COMPLETED'];

export const isSigned = (convention: ConventionRow): boolean => SIGNED_STATUSES.includes(convention.status);

const signedBy = (convention: ConventionRow, day: string) => convention.signedAt !== null && dayOf(convention.signedAt) <= day;

/**
 * Where a record lies, for the territory filter: the property for a place, the collège for a stage, the host
 * structure for a skills placement.
 */
export const TERRITORY_RULE =
  'Territoire : commune du bien pour les lieux, du collège pour les stages, de la structure d’accueil pour les compétences.';

export const recordCommune = (record: { kind: Kind; need: { communeCode: string }; offer: { communeCode: string } }): string =>
  record.kind === 'LIEU' ? record.offer.communeCode : record.need.communeCode;

export const matchCommune = (match: MatchRow): string => (match.kind === 'LIEU' ? match.offerCommuneCode : match.needCommuneCode);

/** A signed convention with the amendments signed on it: the latest one's dates and terms are in force. */
export interface Placement {
  convention: ConventionRow;
  current: ConventionRow;
  signedAmendments: number;
}

/** The convention an amendment belongs to, through amendments of amendments. */
function rootOf(convention: ConventionRow, byId: ReadonlyMap<string, ConventionRow>): ConventionRow {
  let current = convention;
  const seen = new Set<string>();
  while (current.amendsId !== null && !seen.has(current.id)) {
    seen.add(current.id);
    const parent = byId.get(current.amendsId);
    if (!parent) break;
    current = parent;
  }
  return current;
}

/**
 * Placements of a kind as known on a day: original conventions signed by then and not cancelled, each with the
 * latest amendment signed by then.
 */
export function placementsOn(conventions: readonly ConventionRow[], kind: Kind, day: string): Placement[] {
  const ofKind = conventions.filter((convention) => convention.kind === kind);
  const byId = new Map(ofKind.map((convention) => [convention.id, convention]));
  const amendments = new Map<string, ConventionRow[]>();
  for (const convention of ofKind) {
    if (convention.amendsId === null || !isSigned(convention) || !signedBy(convention, day)) continue;
    const root = rootOf(convention, byId);
    amendments.set(root.id, [...(amendments.get(root.id) ?? []), convention]);
  }
  return ofKind
    .filter((convention) => convention.amendsId === null && isSigned(convention) && signedBy(convention, day))
    .map((convention) => {
      const signed = (amendments.get(convention.id) ?? []).sort((a, b) => (a.signedAt?.getTime() ?? 0) - (b.signedAt?.getTime() ?? 0));
      return { convention, current: signed.at(-1) ?? convention, signedAmendments: signed.length };
    });
}

/** Placements in force at some point of the period, in the territory. */
export function placementsDuring(conventions: readonly ConventionRow[], kind: Kind, context: IndicatorContext): Placement[] {
  return placementsOn(conventions, kind, context.referenceDay).filter(
    (placement) => overlaps(placement.current.start, placement.current.end, context.period) && context.inTerritory(recordCommune(placement.convention)),
  );
}

type ListPath = '/conventions' | '/mises-en-relation';

/**
 * A link to a list of records, with the filters that list accepts: kind, state, creation days (the period when
 * `dated`) and commune (only when the territory is a commune: the lists know no arrondissement or EPCI).
 */
export function listHref(path: ListPath, context: { period: Period; territory: IndicatorContext['territory'] }, filters: { kind?: Kind; status?: string; dated?: boolean }): string {
  const params = new URLSearchParams();
  if (filters.kind) params.set('kind', filters.kind);
  if (filters.status) params.set('status', filters.status);
  if (filters.dated) {
    params.set('from', context.period.from);
    params.set('to', context.period.to);
  }
  if (context.territory?.level === 'commune') params.set('commune', context.territory.code);
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

/** The moderation list of the Mission ESS (no date or territory filter there). */
export function publicationsHref(filters: { type: 'offre' | 'besoin'; kind: Kind; status?: 'PUBLISHED' }): string {
  const params = new URLSearchParams({ type: filters.type, kind: filters.kind });
  if (filters.status) params.set('status', filters.status);
  return `/admin/publications?${params.toString()}`;
}

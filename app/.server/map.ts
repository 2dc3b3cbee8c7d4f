import { z } from 'zod';
import type { MapItem } from '../components/map-layers';
import { KINDS, type Kind } from '../lib/labels';
import type { Prisma } from './db/generated/client';
import type { Services } from './services';

/** The map never draws more than this many points; the most recently published win and the page says so. */
export const MAP_ITEM_LIMIT = 2_000;

export const MAP_SIDES = ['tous', 'offres', 'besoins'] as const;
export type MapSideFilter = (typeof MAP_SIDES)[number];

export interface MapFilters {
  /** Which side of the exchange: offers, needs, or both. */
  type: MapSideFilter;
  /** Kinds shown, never empty: all three unless the visitor narrowed them. */
  kinds: Kind[];
}

export const defaultMapFilters: MapFilters = { type: 'tous', kinds: [...KINDS] };

const sideSchema = z.enum(MAP_SIDES, { error: 'Le type de publication demandé n’existe pas' });
// `COMPETENCE` as well as the catalogue's slug `competence`.
const kindSchema = z.string().trim().toUpperCase().pipe(z.enum(KINDS, { error: 'Le domaine demandé n’existe pas' }));

/**
 * Filters come from the address bar (`?type=offres|besoins|tous&kind=COMPETENCE&kind=LIEU`): an invalid value is
 * ignored, the default stands and the page says so in French — never an error page.
 */
export function parseMapFilters(params: URLSearchParams): { filters: MapFilters; warnings: string[] } {
  const warnings: string[] = [];
  let type: MapSideFilter = defaultMapFilters.type;
  const rawType = params.get('type');
  if (rawType !== null && rawType.trim() !== '') {
    const parsed = sideSchema.safeParse(rawType.trim().toLowerCase());
    if (parsed.success) type = parsed.data;
    else warnings.push(`${parsed.error.issues[0]?.message ?? 'Filtre invalide'} : ce filtre a été ignoré.`);
  }
  const kinds = new Set<Kind>();
  for (const raw of params.getAll('kind')) {
    if (raw.trim() === '') continue;
    const parsed = kindSchema.safeParse(raw);
    if (parsed.success) kinds.add(parsed.data);
    else warnings.push(`${parsed.error.issues[0]?.message ?? 'Filtre invalide'} (« ${raw.slice(0, 40)} ») : ce filtre a été ignoré.`);
  }
  return {
    filters: { type, kinds: kinds.size ? KINDS.filter((kind) => kinds.has(kind)) : [...defaultMapFilters.kinds] },
    warnings,
  };
}

/** The query string of a set of filters, defaults left out (for links and the form). */
export function mapFiltersQuery(filters: MapFilters): string {
  const params = new URLSearchParams();
  if (filters.type !== 'tous') params.set('type', filters.type);
  if (filters.kinds.length < KINDS.length) for (const kind of filters.kinds) params.append('kind', kind);
  return params.toString();
}

type CountsByKind = Record<Kind, { offres: number; besoins: number }>;

export interface MapData {
  filters: MapFilters;
  warnings: string[];
  /** Sorted by commune name, then offers before needs, then by kind and title: the list's order. */
  items: MapItem[];
  counts: { total: number; offres: number; besoins: number; byKind: CountsByKind };
  /** True when more items matched than MAP_ITEM_LIMIT: only the most recently published are returned. */
  capped: boolean;
  limit: number;
}

// Public facts only: never the owner, the organisation or any contact detail.
const publicSelect = {
  id: true,
  kind: true,
  title: true,
  publishedAt: true,
  commune: { select: { code: true, name: true, lat: true, lon: true } },
} as const;

interface Row {
  id: string;
  kind: Kind;
  title: string;
  publishedAt: Date | null;
  commune: { code: string; name: string; lat: number; lon: number };
}

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

/** Published offers and needs for the public map, filtered by kind and side. */
export async function mapData(services: Services, input: MapFilters | URLSearchParams = defaultMapFilters): Promise<MapData> {
  const { filters, warnings } = input instanceof URLSearchParams ? parseMapFilters(input) : { filters: input, warnings: [] };
  const kinds = filters.kinds.length ? filters.kinds : [...KINDS];
  const withOffers = filters.type !== 'besoins';
  const withNeeds = filters.type !== 'offres';
  const offerWhere: Prisma.OfferWhereInput = { status: 'PUBLISHED', kind: { in: kinds } };
  const needWhere: Prisma.NeedWhereInput = { status: 'PUBLISHED', kind: { in: kinds } };
  const newestFirst = [{ publishedAt: { sort: 'desc', nulls: 'last' } }, { id: 'asc' }] as const;

  const [offerCounts, needCounts, offers, needs] = await Promise.all([
    withOffers ? services.prisma.offer.groupBy({ by: ['kind'], where: offerWhere, _count: { _all: true } }) : [],
    withNeeds ? services.prisma.need.groupBy({ by: ['kind'], where: needWhere, _count: { _all: true } }) : [],
    withOffers
      ? services.prisma.offer.findMany({ where: offerWhere, select: publicSelect, orderBy: [...newestFirst], take: MAP_ITEM_LIMIT })
      : ([] as Row[]),
    withNeeds
      ? services.prisma.need.findMany({ where: needWhere, select: publicSelect, orderBy: [...newestFirst], take: MAP_ITEM_LIMIT })
      : ([] as Row[]),
  ]);

  const byKind = Object.fromEntries(
    KINDS.map((kind) => [
      kind,
      {
        offres: offerCounts.find((row) => row.kind === kind)?._count._all ?? 0,
        besoins: needCounts.find((row) => row.kind === kind)?._count._all ?? 0,
      },
    ]),
  ) as CountsByKind;
  const offres = KINDS.reduce((sum, kind) => sum + byKind[kind].offres, 0);
  const besoins = KINDS.reduce((sum, kind) => sum + byKind[kind].besoins, 0);
  const total = offres + besoins;

  const tagged = [
    ...offers.map((row) => ({ row: row as Row, side: 'offre' as const })),
    ...needs.map((row) => ({ row: row as Row, side: 'besoin' as const })),
  ];
  const capped = total > MAP_ITEM_LIMIT;
  const kept = capped
    ? tagged
        .sort((a, b) => (b.row.publishedAt?.getTime() ?? 0) - (a.row.publishedAt?.getTime() ?? 0) || a.row.id.localeCompare(b.row.id))
        .slice(0, MAP_ITEM_LIMIT)
    : tagged;

  const items: MapItem[] = kept
    .map(({ row, side }) => ({
      id: row.id,
      side,
      kind: row.kind,
      title: row.title,
      communeCode: row.commune.code,
      communeName: row.commune.name,
      lat: row.commune.lat,
      lon: row.commune.lon,
      href: side === 'offre' ? `/offres/${row.id}` : null,
    }))
    .sort(
      (a, b) =>
        collator.compare(a.communeName, b.communeName) ||
        a.communeCode.localeCompare(b.communeCode) ||
        (a.side === b.side ? 0 : a.side === 'offre' ? -1 : 1) ||
        KINDS.indexOf(a.kind) - KINDS.indexOf(b.kind) ||
        collator.compare(a.title, b.title) ||
        a.id.localeCompare(b.id),
    );

  return { filters, warnings, items, counts: { total, offres, besoins, byKind }, capped, limit: MAP_ITEM_LIMIT };
}

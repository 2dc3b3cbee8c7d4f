import type { Need, Offer } from '../../../matching/types';
import { isoWeekMonday } from '../../../matching/weeks';
import { communesWithin } from '../communes';
import type { EmbeddingModel } from '../db/vector-index';
import { Prisma, type PrismaClient } from '../db/generated/client';

/**
 * Candidate retrieval in SQL: the hard filters PostgreSQL can check, then cosine ordering on the model's HNSW index.
 * pgvector's iterative scan keeps reading the index while filters drop rows, up to a bound; if it still returns
 * fewer rows than asked — heavy filtering — an exact scan of the filtered rows (found through the B-tree indexes on
 * kind, status and commune) answers instead. Heavy filtering never loses a candidate.
 */

export interface Candidate {
  id: string;
  /** Cosine similarity, 1 - cosine distance. */
  similarity: number;
}

const EARTH_RADIUS_KM = 6371.0088;
/** Candidate list size of the HNSW search; recall measured by npm run bench:matching. */
export const HNSW_EF_SEARCH = 100;
const isoDay = (date: Date) => date.toISOString().slice(0, 10);


function distanceSql(lat: number, lon: number): Prisma.Sql {
  return Prisma.sql`(${EARTH_RADIUS_KM}::float8 * 2 * asin(sqrt(
    power(sin(radians(c.lat - ${lat}::float8) / 2), 2) +
    cos(radians(${lat}::float8)) * cos(radians(c.lat)) * power(sin(radians(c.lon - ${lon}::float8) / 2), 2))))`;
}

const dbKind = { competence: 'COMPETENCE', lieu: 'LIEU', stage: 'STAGE' } as const;
const dbPropertyType = { batiment: 'BUILDING', terrain: 'LAND', toiture: 'ROOFTOP' } as const;

/** SQL side of the hard constraints for offers answering a need; the engine re-checks every one of them. */
function offerFilters(need: Need, nearby: string[]): Prisma.Sql {
  const distance = distanceSql(need.place.lat, need.place.lon);
  const filters: Prisma.Sql[] = [Prisma.sql`o.kind = ${dbKind[need.kind]}::"MatchKind"`, Prisma.sql`o.status = 'PUBLISHED'`];
  if (need.kind === 'competence') {
    // The radius differs per agent: the SQL distance only narrows; the engine's exact check has the last word.
    filters.push(Prisma.sql`(so.remote OR (o."communeCode" = ANY(${nearby}::text[]) AND ${distance} <= so."radiusKm" + 0.001))`);
  } else {
    filters.push(Prisma.sql`o."communeCode" = ANY(${nearby}::text[])`);
  }
  if (need.kind !== 'stage') {
    if (need.to) filters.push(Prisma.sql`(o."availableFrom" IS NULL OR o."availableFrom" <= ${need.to}::date)`);
    if (need.from) filters.push(Prisma.sql`(o."availableUntil" IS NULL OR o."availableUntil" >= ${need.from}::date)`);
  }
  if (need.kind === 'lieu') {
    const types = (need.propertyTypes ?? []).map((type) => dbPropertyType[type]);
    filters.push(Prisma.sql`po."propertyType"::text = ANY(${types}::text[])`);
    filters.push(Prisma.sql`po."surfaceM2" >= ${need.minSurfaceM2 ?? 0}`);
    if (need.needsPMR) filters.push(Prisma.sql`po."stepFreeAccess"`);
  }
  if (need.kind === 'stage') {
    filters.push(Prisma.sql`${need.week ? isoDay(isoWeekMonday(need.week)) : null}::date = ANY(io.weeks)`);
    filters.push(
      need.group
        ? Prisma.sql`io."maxGroupSize" >= ${need.pupils ?? 1} AND io."capacityPerWeek" >= ${need.pupils ?? 1}`
        : Prisma.sql`io."capacityPerWeek" >= 1`,
    );
  }
  return Prisma.join(filters, ' AND ');
}

/** `index`: HNSW with the exact fallback (the app's path); `exact`: a full scan, the reference for recall. */
export type SearchMode = 'index' | 'exact';

export async function offerCandidates(
  prisma: PrismaClient,
  need: Need,
  query: { vector: number[]; model: EmbeddingModel },
  limit: number,
  mode: SearchMode = 'index',
): Promise<Candidate[]> {
  const nearby = await communesWithin(prisma, need.place, need.maxDistanceKm);
  // Only the detail table of the need's kind: every join costs a lookup per index tuple the scan visits.
  const joins = {
    competence: Prisma.sql`JOIN "SkillOffer" so ON so."offerId" = o.id JOIN "Commune" c ON c.code = o."communeCode"`,
    lieu: Prisma.sql`JOIN "PropertyOffer" po ON po."offerId" = o.id`,
    stage: Prisma.sql`JOIN "InternshipOffer" io ON io."offerId" = o.id`,
  }[need.kind];
  const from = Prisma.sql`
    FROM "Offer" o ${joins}
    WHERE o."embeddingModel" = ${query.model.key} AND ${offerFilters(need, nearby)}`;
  return search(prisma, { from, alias: Prisma.raw('o'), query, limit, mode });
}

/** SQL side of the hard constraints for needs an offer could serve. */
function needFilters(offer: Offer): Prisma.Sql {
  const distance = distanceSql(offer.place.lat, offer.place.lon);
  const filters: Prisma.Sql[] = [Prisma.sql`n.kind = ${dbKind[offer.kind]}::"MatchKind"`, Prisma.sql`n.status = 'PUBLISHED'`];
  if (offer.kind === 'competence') {
    filters.push(Prisma.sql`org."skillsEligibility" <> 'NONE' AND org."eligibilityVerifiedAt" IS NOT NULL`);
    if (!offer.remote) {
      filters.push(Prisma.sql`${distance} <= n."maxDistanceKm" AND ${distance} <= ${offer.radiusKm ?? 100_000}::float8`);
    }
  } else {
    filters.push(Prisma.sql`${distance} <= n."maxDistanceKm"`);
  }
  if (offer.kind !== 'stage') {
    if (offer.availableTo) filters.push(Prisma.sql`(n."availableFrom" IS NULL OR n."availableFrom" <= ${offer.availableTo}::date)`);
    if (offer.availableFrom) filters.push(Prisma.sql`(n."availableUntil" IS NULL OR n."availableUntil" >= ${offer.availableFrom}::date)`);
  }
  if (offer.kind === 'lieu') {
    const type = offer.propertyType ? dbPropertyType[offer.propertyType] : null;
    filters.push(Prisma.sql`${type}::"PropertyType" = ANY(sn."propertyTypes")`);
    filters.push(Prisma.sql`sn."minSurfaceM2" <= ${offer.surfaceM2 ?? 0}`);
    if (!offer.accessiblePMR) filters.push(Prisma.sql`NOT sn."stepFreeRequired"`);
  }
  if (offer.kind === 'stage') {
    const mondays = (offer.weeks ?? []).map((week) => isoDay(isoWeekMonday(week)));
    filters.push(Prisma.sql`inn.week = ANY(${mondays}::date[])`);
    filters.push(
      (offer.capacity ?? 0) >= 1
        ? Prisma.sql`(inn.mode = 'INDIVIDUAL' OR (inn."pupilCount" <= ${offer.groupMax ?? 1} AND inn."pupilCount" <= ${offer.capacity ?? 0}))`
        : Prisma.sql`FALSE`,
    );
  }
  return Prisma.join(filters, ' AND ');
}

export async function needCandidates(
  prisma: PrismaClient,
  offer: Offer,
  query: { vector: number[]; model: EmbeddingModel },
  limit: number,
  mode: SearchMode = 'index',
): Promise<Candidate[]> {
  const joins = {
    competence: Prisma.sql`JOIN "Organisation" org ON org.id = n."organisationId"`,
    lieu: Prisma.sql`JOIN "SpaceNeed" sn ON sn."needId" = n.id`,
    stage: Prisma.sql`JOIN "InternshipNeed" inn ON inn."needId" = n.id`,
  }[offer.kind];
  const from = Prisma.sql`
    FROM "Need" n JOIN "Commune" c ON c.code = n."communeCode" ${joins}
    WHERE n."embeddingModel" = ${query.model.key} AND ${needFilters(offer)}`;
  return search(prisma, { from, alias: Prisma.raw('n'), query, limit, mode });
}

interface SearchInput {
  from: Prisma.Sql;
  alias: Prisma.Sql;
  query: { vector: number[]; model: EmbeddingModel };
  limit: number;
  mode: SearchMode;
}

async function search(prisma: PrismaClient, { from, alias, query, limit, mode }: SearchInput): Promise<Candidate[]> {
  const dims = Prisma.raw(String(query.model.dimensions));
  const literal = `[${query.vector.join(',')}]`;
  const distance = Prisma.sql`(${alias}.embedding::vector(${dims})) <=> ${literal}::vector(${dims})`;
  const sql = Prisma.sql`SELECT ${alias}.id, 1 - (${distance}) AS similarity ${from} ORDER BY ${distance} LIMIT ${limit}`;
  return mode === 'exact' ? exactSearch(prisma, sql) : searchWithFallback(prisma, sql, limit);
}

async function searchWithFallback(prisma: PrismaClient, sql: Prisma.Sql, limit: number): Promise<Candidate[]> {
  const viaIndex = await prisma.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(`SET LOCAL hnsw.iterative_scan = 'relaxed_order'`);
    await tx.$executeRawUnsafe(`SET LOCAL hnsw.ef_search = ${HNSW_EF_SEARCH}`);
    // The planner underestimates the iterative scan and would rather sort every filtered row: steer it to the
    // ordered index scan (these are cost penalties, not bans); the exact scan below covers what the index misses.
    await tx.$executeRawUnsafe('SET LOCAL enable_sort = off');
    await tx.$executeRawUnsafe('SET LOCAL enable_bitmapscan = off');
    await tx.$executeRawUnsafe('SET LOCAL enable_seqscan = off');
    return tx.$queryRaw<Candidate[]>(sql);
  });
  return viaIndex.length >= limit ? sortBySimilarity(viaIndex) : exactSearch(prisma, sql);
}

async function exactSearch(prisma: PrismaClient, sql: Prisma.Sql): Promise<Candidate[]> {
  const rows = await prisma.$transaction(async (tx) => {
    await tx.$executeRawUnsafe('SET LOCAL enable_indexscan = off');
    return tx.$queryRaw<Candidate[]>(sql);
  });
  return sortBySimilarity(rows);
}

/** relaxed_order may return index order slightly off: restore the exact order on the few rows returned. */
function sortBySimilarity(rows: Candidate[]): Candidate[] {
  return rows
    // A text without any significant word embeds to the zero vector, whose cosine distance is NaN.
    .map((row) => ({ id: row.id, similarity: Number.isFinite(Number(row.similarity)) ? Number(row.similarity) : 0 }))
    .sort((a, b) => b.similarity - a.similarity || (a.id < b.id ? -1 : 1));
}

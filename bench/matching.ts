// npm run bench:matching — synthetic offers at 1k, 10k and 100k on PGlite with pgvector: filtered top-10 latency
// (exact scan and HNSW), HNSW recall@10 against exact, local embedding throughput, and cohort allocation time.
// Prints a table and writes bench/results/matching.json. Not part of npm test. Sizes: BENCH_SIZES=1000,10000
import fs from 'node:fs';
import os from 'node:os';
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { applyPendingMigrations } from '../app/.server/db/migrations';
import { ensureEmbeddingIndexes } from '../app/.server/db/vector-index';
import { offerCandidates, HNSW_EF_SEARCH } from '../app/.server/matching/candidates';
import { allocateCohort } from '../matching/allocation';
import { createLocalEmbedder } from '../matching/local-embedder';
import { seededRandom, syntheticCohort } from '../matching/synthetic';
import type { Kind, Need, Place } from '../matching/types';
import { isoWeekMonday } from '../matching/weeks';
import thesaurus from '../matching/data/thesaurus-fr.json' with { type: 'json' };
import communesFile from '../prisma/data/communes-gard.json' with { type: 'json' };
import { loadCommunes } from '../prisma/seed/communes';
import { pgliteDatabase } from '../tests/support/test-database';

const sizes = (process.env.BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number);
const QUERIES = 200;
const log = (line: string) => process.stderr.write(`${line}\n`);


const groups = thesaurus.groups.map((group) => group.terms);
const places: Place[] = communesFile.map((c) => ({ code: c.code, name: c.name, lat: c.lat, lon: c.lon }));
const kinds: Kind[] = ['competence', 'lieu', 'stage'];
const weeks = ['2027-W03', '2027-W05', '2027-W07', '2027-W10', '2027-W12'];

function syntheticText(random: () => number): string {
  const pick = () => {
    const terms = groups[Math.floor(random() * groups.length)] ?? [];
    return terms[Math.floor(random() * terms.length)] ?? '';
  };
  return `${pick()} et ${pick()} : accompagnement autour de ${pick()}, ${pick()} et ${pick()}`;
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};
const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

async function benchSize(size: number, embedder: ReturnType<typeof createLocalEmbedder>) {
  const random = seededRandom(size);
  const pglite = await PGlite.create({ extensions: { vector } });
  const db = pgliteDatabase(pglite);
  await applyPendingMigrations(db);
  await loadCommunes(db.prisma);
  await pglite.query(`INSERT INTO "User"(id, email) VALUES ('bench', 'bench@passerelles.invalid')`);

  const texts = Array.from({ length: size }, () => syntheticText(random));
  const embedStart = performance.now();
  const vectors = embedder.embed(texts);
  const embedSeconds = (performance.now() - embedStart) / 1000;

  const insertStart = performance.now();
  const batch = 500;
  for (let start = 0; start < size; start += batch) {
    const ids: string[] = [];
    const rows: { id: string; kind: Kind; commune: string }[] = [];
    for (let i = start; i < Math.min(size, start + batch); i++) {
      const kind = kinds[i % 3] as Kind;
      const place = places[Math.floor(random() * places.length)] as Place;
      ids.push(`o${i}`);
      rows.push({ id: `o${i}`, kind, commune: place.code });
    }
    await pglite.query(
      `INSERT INTO "Offer"(id, kind, title, description, status, "ownerId", "communeCode", "updatedAt", "publishedAt", embedding, "embeddingModel")
       SELECT t.id, t.kind::"MatchKind", t.title, t.title, 'PUBLISHED', 'bench', t.commune, now(), now(), t.v::vector, $6
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) AS t(id, kind, title, commune, v)`,
      [
        ids,
        rows.map((r) => r.kind.toUpperCase()),
        ids.map((_, j) => texts[start + j] ?? ''),
        rows.map((r) => r.commune),
        ids.map((_, j) => `[${(vectors[start + j] ?? []).join(',')}]`),
        embedder.model.key,
      ],
    );
  }
  await pglite.exec(`
    INSERT INTO "SkillOffer"("offerId", "agentId", skills, "hoursPerMonth", "radiusKm", remote)
      SELECT id, 'bench', '{}', 8, 20 + (abs(hashtext(id)) % 40), abs(hashtext(id)) % 10 = 0 FROM "Offer" WHERE kind = 'COMPETENCE';
    INSERT INTO "PropertyOffer"("offerId", "propertyType", address, "communeCode", "surfaceM2", "stepFreeAccess", free)
      SELECT id, (ARRAY['BUILDING','LAND','ROOFTOP'])[1 + abs(hashtext(id)) % 3]::"PropertyType", 'adresse', "communeCode",
             50 + abs(hashtext(id)) % 950, abs(hashtext(id)) % 2 = 0, true FROM "Offer" WHERE kind = 'LIEU';
    INSERT INTO "InternshipOffer"("offerId", activities, weeks, "capacityPerWeek", "maxGroupSize", "tutorName")
      SELECT id, '{}', ARRAY[(ARRAY[${weeks.map((w) => `'${isoWeekMonday(w).toISOString().slice(0, 10)}'::date`).join(',')}])[1 + abs(hashtext(id)) % ${weeks.length}]],
             1 + abs(hashtext(id)) % 4, 1 + abs(hashtext(id)) % 3, 'Tuteur' FROM "Offer" WHERE kind = 'STAGE';
    ANALYZE;`);
  const insertSeconds = (performance.now() - insertStart) / 1000;

  const indexStart = performance.now();
  await pglite.exec(`SET maintenance_work_mem = '512MB'`);
  await ensureEmbeddingIndexes(db.prisma, embedder.model);
  const indexSeconds = (performance.now() - indexStart) / 1000;

  const needs: Need[] = Array.from({ length: QUERIES }, (_, i) => {
    const kind = kinds[i % 3] as Kind;
    const base = {
      id: `n${i}`,
      kind,
      title: syntheticText(random),
      description: '',
      place: places[Math.floor(random() * places.length)] as Place,
      maxDistanceKm: 30,
    };
    if (kind === 'competence') return { ...base, requesterEligibleMecenat: true };
    if (kind === 'lieu') return { ...base, propertyTypes: ['batiment', 'terrain'], minSurfaceM2: 100, needsPMR: i % 2 === 0 };
    return { ...base, week: weeks[i % weeks.length], pupils: 1, group: false };
  });
  const queryVectors = embedder.embed(needs.map((need) => need.title));
  const timings = { exact: [] as number[], index: [] as number[] };
  let recallSum = 0;
  let recallCount = 0;
  for (const [i, need] of needs.entries()) {
    const query = { vector: queryVectors[i] ?? [], model: embedder.model };
    let start = performance.now();
    const exact = await offerCandidates(db.prisma, need, query, 10, 'exact');
    timings.exact.push(performance.now() - start);
    start = performance.now();
    const viaIndex = await offerCandidates(db.prisma, need, query, 10, 'index');
    timings.index.push(performance.now() - start);
    if (exact.length) {
      const found = new Set(viaIndex.map((c) => c.id));
      recallSum += exact.filter((c) => found.has(c.id)).length / exact.length;
      recallCount++;
    }
  }
  await db.close();
  return {
    offers: size,
    embeddingsPerSecond: Math.round(size / embedSeconds),
    insertSeconds: round(insertSeconds),
    hnswBuildSeconds: round(indexSeconds),
    exactP50Ms: round(percentile(timings.exact, 50)),
    exactP95Ms: round(percentile(timings.exact, 95)),
    hnswP50Ms: round(percentile(timings.index, 50)),
    hnswP95Ms: round(percentile(timings.index, 95)),
    recallAt10: round(recallSum / Math.max(recallCount, 1), 3),
  };
}

function benchAllocation(pupils: number, offers: number) {
  const cohort = syntheticCohort(7, { pupils, offers, weeks: 10 });
  const start = performance.now();
  const result = allocateCohort(cohort);
  return {
    pupils,
    offers,
    seconds: round((performance.now() - start) / 1000, 2),
    placed: result.stats.placed,
    priorityPlaced: `${result.stats.priorityPlaced}/${result.stats.priorityPupils}`,
  };
}

async function main() {
  const embedder = createLocalEmbedder();
  const retrieval = [];
  for (const size of sizes) {
    log(`… ${size} offres`);
    retrieval.push(await benchSize(size, embedder));
  }
  log('… affectation de cohortes');
  const allocation = [benchAllocation(1_000, 200), benchAllocation(10_000, 2_000)];
  const machine = `${os.cpus()[0]?.model ?? 'CPU'} × ${os.cpus().length}, ${Math.round(os.totalmem() / 2 ** 30)} Gio, Node ${process.version}`;
  const results = { date: new Date().toISOString(), machine, efSearch: HNSW_EF_SEARCH, queriesPerSize: QUERIES, retrieval, allocation };
  fs.mkdirSync('bench/results', { recursive: true });
  fs.writeFileSync('bench/results/matching.json', `${JSON.stringify(results, null, 2)}\n`);
  console.log(`Machine : ${machine} — ${QUERIES} requêtes filtrées top-10 par taille, ef_search ${HNSW_EF_SEARCH}`);
  console.table(retrieval);
  console.table(allocation);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../app/.server/db/connection';
import { ensureEmbeddingIndexes, hnswIndexName } from '../../app/.server/db/vector-index';
import { createAgent, createSkillOffer } from '../../prisma/seed/builders';
import { loadCommunes } from '../../prisma/seed/communes';
import { createTestDatabase } from '../support/test-database';

let db: Database;
const model = { key: 'test:unit-vectors:3', dimensions: 3 };

beforeAll(async () => {
  db = await createTestDatabase();
  await loadCommunes(db.prisma);
});
afterAll(() => db.close());

describe('embedding indexes', () => {
  it('creates one partial HNSW cosine index per table, idempotently, that cosine queries use', async () => {
    const names = await ensureEmbeddingIndexes(db.prisma, model);
    expect(await ensureEmbeddingIndexes(db.prisma, model)).toEqual(names);
    const indexes = await db.prisma.$queryRaw<{ indexname: string; indexdef: string }[]>`
      SELECT indexname, indexdef FROM pg_indexes WHERE indexname LIKE 'hnsw_%' ORDER BY indexname`;
    expect(indexes.map((index) => index.indexname).sort()).toEqual([...names].sort());
    for (const index of indexes) {
      expect(index.indexdef).toContain('USING hnsw');
      expect(index.indexdef).toContain('vector_cosine_ops');
      expect(index.indexdef).toContain(`'${model.key}'`);
    }

    const agent = await createAgent(db.prisma);
    const vectors = ['[1,0,0]', '[0,1,0]', '[0.9,0.1,0]'];
    for (const literal of vectors) {
      const offer = await createSkillOffer(db.prisma, { agentId: agent.id });
      await db.prisma.$executeRaw`UPDATE "Offer" SET embedding = ${literal}::vector, "embeddingModel" = ${model.key} WHERE id = ${offer.id}`;
    }
    const nearest = await db.prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe('SET LOCAL enable_seqscan = off');
      const plan = await tx.$queryRawUnsafe<{ 'QUERY PLAN': string }[]>(
        `EXPLAIN SELECT id FROM "Offer" WHERE "embeddingModel" = '${model.key}'
         ORDER BY (embedding::vector(3)) <=> '[1,0,0]'::vector(3) LIMIT 2`,
      );
      const rows = await tx.$queryRaw<{ literal: string }[]>`
        SELECT embedding::text AS literal FROM "Offer" WHERE "embeddingModel" = ${model.key}
        ORDER BY (embedding::vector(3)) <=> '[1,0,0]'::vector(3) LIMIT 2`;
      return { plan: plan.map((line) => line['QUERY PLAN']).join('\n'), rows };
    });
    expect(nearest.plan).toContain(hnswIndexName('Offer', model));
    expect(nearest.rows.map((row) => row.literal)).toEqual(['[1,0,0]', '[0.9,0.1,0]']);
  });

  it('refuses a model key that could inject SQL', async () => {
    await expect(ensureEmbeddingIndexes(db.prisma, { key: "x'; DROP TABLE \"Offer\"; --", dimensions: 3 })).rejects.toThrow();
    expect(await db.prisma.offer.count()).toBe(3);
  });
});

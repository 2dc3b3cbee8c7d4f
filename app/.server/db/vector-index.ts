import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { PrismaClient } from './generated/client';

/** Identifies the vectors of one provider, model and dimension; stored beside each vector (decision 004). */
export interface EmbeddingModel {
  key: string;
  dimensions: number;
}

const modelSchema = z.object({
  // Model ids such as `BAAI/bge-m3` or `nomic-embed-text@v1.5`; never a quote, since the key goes into DDL.
  key: z.string().regex(/^[A-Za-z0-9:._/@+-]{1,120}$/),
  // pgvector's HNSW index accepts up to 2000 dimensions.
  dimensions: z.number().int().min(1).max(2000),
});

export const EMBEDDING_TABLES = ['Offer', 'Need'] as const;

export function hnswIndexName(table: (typeof EMBEDDING_TABLES)[number], model: EmbeddingModel): string {
  const digest = createHash('sha256').update(`${model.key}|${model.dimensions}`).digest('hex').slice(0, 16);
  return `hnsw_${table.toLowerCase()}_${digest}`;
}

/**
 * Creates, if missing, the cosine HNSW index of each embedding table for one model: a partial expression index,
 * since the columns have no fixed dimension. Queries must use the same cast and predicate to use it.
 */
export async function ensureEmbeddingIndexes(prisma: PrismaClient, model: EmbeddingModel): Promise<string[]> {
  const { key, dimensions } = modelSchema.parse(model);
  const names: string[] = [];
  for (const table of EMBEDDING_TABLES) {
    const name = hnswIndexName(table, model);
    // Identifiers and literals cannot be bound parameters in DDL; both are validated above.
    await prisma.$executeRawUnsafe(
      `CREATE INDEX IF NOT EXISTS "${name}" ON "${table}" USING hnsw ((embedding::vector(${dimensions})) vector_cosine_ops) ` +
        `WHERE "embeddingModel" = '${key}'`,
    );
    names.push(name);
  }
  return names;
}

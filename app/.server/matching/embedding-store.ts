import { matchingText } from '../../../matching/scoring';
import { ensureEmbeddingIndexes, type EmbeddingModel } from '../db/vector-index';
import type { Services } from '../services';
import { needFacts, needFactsInclude, offerFacts, offerFactsInclude } from './facts';

const BATCH_SIZE = 64;
type Table = 'Offer' | 'Need';

async function writeVectors(services: Services, table: Table, ids: string[], vectors: number[][], model: EmbeddingModel) {
  const now = services.clock.now();
  await services.prisma.$transaction(async (tx) => {
    for (const [index, id] of ids.entries()) {
      const literal = `[${(vectors[index] ?? []).join(',')}]`;
      if (table === 'Offer') {
        await tx.$executeRaw`UPDATE "Offer" SET embedding = ${literal}::vector, "embeddingModel" = ${model.key}, "embeddedAt" = ${now} WHERE id = ${id}`;
      } else {
        await tx.$executeRaw`UPDATE "Need" SET embedding = ${literal}::vector, "embeddingModel" = ${model.key}, "embeddedAt" = ${now} WHERE id = ${id}`;
      }
    }
  });
}

async function textsOf(services: Services, table: Table, ids: string[]): Promise<string[]> {
  if (table === 'Offer') {
    const rows = await services.prisma.offer.findMany({ where: { id: { in: ids } }, include: offerFactsInclude });
    const byId = new Map(rows.map((row) => [row.id, matchingText(offerFacts(row))]));
    return ids.map((id) => byId.get(id) ?? '');
  }
  const rows = await services.prisma.need.findMany({ where: { id: { in: ids } }, include: needFactsInclude });
  const byId = new Map(rows.map((row) => [row.id, matchingText(needFacts(row))]));
  return ids.map((id) => byId.get(id) ?? '');
}

async function idsToEmbed(services: Services, table: Table, model: EmbeddingModel, all: boolean): Promise<string[]> {
  const where = all ? {} : { OR: [{ embeddingModel: null }, { embeddingModel: { not: model.key } }] };
  const rows =
    table === 'Offer'
      ? await services.prisma.offer.findMany({ where, select: { id: true }, orderBy: { id: 'asc' } })
      : await services.prisma.need.findMany({ where, select: { id: true }, orderBy: { id: 'asc' } });
  return rows.map((row) => row.id);
}

/**
 * Computes the embeddings of offers and needs that have none for the configured model (or all of them), in
 * batches, reporting progress; then makes sure the model's HNSW indexes exist. Safe to run again at any time.
 */
export async function embedPending(
  services: Services,
  options: {
    all?: boolean;
    progress?: (line: string) => void;
    /** Rows done and to do, offers and needs together, after each batch (a job's progress bar). */
    onBatch?: (done: number, total: number) => Promise<void>;
  } = {},
): Promise<{ model: EmbeddingModel; embedded: number }> {
  const { model } = await services.embeddings.embed([]);
  const pending = {
    Offer: await idsToEmbed(services, 'Offer', model, options.all ?? false),
    Need: await idsToEmbed(services, 'Need', model, options.all ?? false),
  };
  const total = pending.Offer.length + pending.Need.length;
  let embedded = 0;
  for (const table of ['Offer', 'Need'] as const) {
    const ids = pending[table];
    for (let start = 0; start < ids.length; start += BATCH_SIZE) {
      const batch = ids.slice(start, start + BATCH_SIZE);
      const { vectors, model: used } = await services.embeddings.embed(await textsOf(services, table, batch));
      await writeVectors(services, table, batch, vectors, used);
      embedded += batch.length;
      options.progress?.(`${table === 'Offer' ? 'Offres' : 'Besoins'} : ${Math.min(start + BATCH_SIZE, ids.length)}/${ids.length}`);
      await options.onBatch?.(embedded, total);
    }
  }
  await ensureEmbeddingIndexes(services.prisma, model);
  return { model, embedded };
}

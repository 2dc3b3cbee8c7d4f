import { embedPending } from '../matching/embedding-store';
import type { Services } from '../services';
import { enqueueJob, type JobHandler } from './queue';

/** A thesaurus published during a run changes the model again: the job goes over the rows until none is stale. */
const MAX_PASSES = 5;

/**
 * Re-embedding every offer and need after the thesaurus or the provider changed: a background job, so the Mission
 * ESS sees its progress. Only rows whose vector was computed with another model are done again, so a job taken up
 * after a restart carries on where it stopped. A job not yet started serves a second request.
 */
export async function enqueueReembedding(services: Services, actorId: string | null): Promise<{ jobId: string }> {
  const waiting = await services.prisma.job.findFirst({ where: { kind: 'REEMBEDDING', status: 'QUEUED' } });
  if (waiting) return { jobId: waiting.id };
  const job = await enqueueJob(services.prisma, services, { kind: 'REEMBEDDING', createdById: actorId, params: {} });
  return { jobId: job.id };
}

export const reembeddingJob: JobHandler = async ({ services, progress }) => {
  await progress('Recherche des offres et besoins à recalculer', 0, 0);
  let embedded = 0;
  for (let pass = 1; pass <= MAX_PASSES; pass++) {
    const result = await embedPending(services, {
      onBatch: (done, total) => progress('Calcul des vecteurs des offres et des besoins', done, total),
    });
    embedded += result.embedded;
    if (result.embedded === 0) return { model: result.model.key, embedded };
  }
  return { embedded };
};

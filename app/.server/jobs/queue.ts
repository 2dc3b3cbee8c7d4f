import type { CurrentUser } from '../auth/session';
import { hasRole } from '../auth/authorize';
import type { Prisma } from '../db/generated/client';
import type { JobKind } from '../db/generated/enums';
import { AppError, isAppError } from '../errors';
import type { Services } from '../services';

/**
 * Long operations (cohort allocation, re-embedding) run in the background so a page never waits on them: the person
 * who started one follows its progress on /travaux/<id>, may leave and come back, and a job left RUNNING by a stopped
 * server is taken up again once its heartbeat is stale. Every handler must be safe to run again from the start.
 */

export interface JobContext {
  services: Services;
  job: { id: string; params: Prisma.JsonValue; organisationId: string | null; createdById: string | null };
  /** Records what is being done (French, shown as the progress label) and how far; also the job's heartbeat. */
  progress(step: string, done: number, total: number): Promise<void>;
}

export type JobHandler = (context: JobContext) => Promise<Prisma.InputJsonValue>;
export type JobHandlers = Record<JobKind, JobHandler>;

/** A RUNNING job whose heartbeat is older than this belonged to a server that stopped: it is run again. */
export const STALE_JOB_MS = 2 * 60_000;
export const MAX_JOB_ATTEMPTS = 3;

const UNEXPECTED_FAILURE = 'Le traitement a échoué de façon inattendue. Relancez-le ; si l’erreur revient, prévenez la Mission ESS.';

export async function enqueueJob(
  db: Prisma.TransactionClient,
  services: Pick<Services, 'clock'>,
  input: { kind: JobKind; organisationId?: string | null; createdById?: string | null; params: Prisma.InputJsonValue },
) {
  return db.job.create({
    data: {
      kind: input.kind,
      organisationId: input.organisationId ?? null,
      createdById: input.createdById ?? null,
      params: input.params,
      step: 'En attente de démarrage',
      createdAt: services.clock.now(),
    },
  });
}

/**
 * Claims the oldest job that is waiting, or abandoned by a stopped server, and runs it to the end.
 * Returns false when there was nothing to run.
 */
export async function runNextJob(services: Services, handlers: JobHandlers, log: (line: string) => void = () => {}): Promise<boolean> {
  const { prisma, clock } = services;
  const staleBefore = new Date(clock.now().getTime() - STALE_JOB_MS);
  const candidate = await prisma.job.findFirst({
    where: { OR: [{ status: 'QUEUED' }, { status: 'RUNNING', heartbeatAt: { lt: staleBefore } }] },
    orderBy: { createdAt: 'asc' },
  });
  if (!candidate) return false;
  const now = clock.now();
  // Conditional on what was read, so two workers never both claim it.
  const claimed = await prisma.job.updateMany({
    where: { id: candidate.id, status: candidate.status, heartbeatAt: candidate.heartbeatAt, attempts: candidate.attempts },
    data: { status: 'RUNNING', heartbeatAt: now, startedAt: candidate.startedAt ?? now, attempts: { increment: 1 } },
  });
  if (claimed.count === 0) return true;
  if (candidate.attempts >= MAX_JOB_ATTEMPTS) {
    await finish(services, candidate.id, { status: 'FAILED', error: `Le traitement a été interrompu ${MAX_JOB_ATTEMPTS} fois ; relancez-le.` });
    return true;
  }
  const context: JobContext = {
    services,
    job: { id: candidate.id, params: candidate.params, organisationId: candidate.organisationId, createdById: candidate.createdById },
    progress: async (step, done, total) => {
      await prisma.job.update({ where: { id: candidate.id }, data: { step, done, total, heartbeatAt: clock.now() } });
    },
  };
  try {
    const result = await handlers[candidate.kind](context);
    await finish(services, candidate.id, { status: 'SUCCEEDED', result });
  } catch (error) {
    if (!isAppError(error)) log(`Traitement ${candidate.kind} ${candidate.id} en échec : ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    await finish(services, candidate.id, { status: 'FAILED', error: isAppError(error) ? error.message : UNEXPECTED_FAILURE });
  }
  return true;
}

async function finish(
  services: Services,
  id: string,
  outcome: { status: 'SUCCEEDED'; result: Prisma.InputJsonValue } | { status: 'FAILED'; error: string },
) {
  const job = await services.prisma.job.findUniqueOrThrow({ where: { id } });
  await services.prisma.job.update({
    where: { id },
    data: {
      status: outcome.status,
      finishedAt: services.clock.now(),
      heartbeatAt: services.clock.now(),
      step: outcome.status === 'SUCCEEDED' ? 'Terminé' : 'En échec',
      ...(outcome.status === 'SUCCEEDED' ? { result: outcome.result, done: job.total, error: null } : { error: outcome.error }),
    },
  });
}

/** Runs jobs until none is waiting (tests, command line). */
export async function drainJobs(services: Services, handlers: JobHandlers, log?: (line: string) => void): Promise<void> {
  while (await runNextJob(services, handlers, log));
}

/** Polls for jobs in the background; `stop` waits for the job under way to end its current run. */
export function createJobWorker(services: Services, handlers: JobHandlers, log: (line: string) => void) {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running) return;
    running = drainJobs(services, handlers, log)
      .catch((error: unknown) => log(`Traitements en arrière-plan interrompus : ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        running = null;
      });
  };
  return {
    start(intervalMs: number) {
      tick();
      timer = setInterval(tick, intervalMs);
      timer.unref();
      return this;
    },
    async stop() {
      if (timer) clearInterval(timer);
      await running;
    },
  };
}

export type JobStatusView = Awaited<ReturnType<typeof jobView>>;

/** A job's progress, for whoever started it, the members of its organisation and the Mission ESS. */
export async function jobView(services: Services, user: CurrentUser, id: string) {
  const job = await services.prisma.job.findUnique({ where: { id }, include: { allocation: { select: { id: true } } } });
  const allowed =
    job &&
    (job.createdById === user.id ||
      hasRole(user, 'MISSION_ESS_ADMIN') ||
      (job.organisationId !== null && user.roles.some((grant) => grant.organisationId === job.organisationId)));
  if (!job || !allowed) throw new AppError('NOT_FOUND', 'Ce traitement n’existe pas ou ne vous concerne pas.');
  return {
    id: job.id,
    kind: job.kind,
    status: job.status,
    step: job.step,
    done: job.done,
    total: job.total,
    error: job.error,
    createdAt: job.createdAt,
    finishedAt: job.finishedAt,
    allocationId: job.allocation?.id ?? null,
  };
}

import type { Env } from './env';
import { randomTokens, systemClock, type Clock } from './clock';
import { openDatabase, type Database } from './db/connection';
import { applyPendingMigrations } from './db/migrations';
import { createOutboxWorker } from './email/worker';
import { localOutboxTransport, resendTransport } from './email/transports';
import { localFileStorage } from './storage/local-storage';
import { s3FileStorage } from './storage/s3-storage';
import type { FileStorage } from './storage/file-storage';
import { thesaurusInForce } from './contents/published-contents';
import { createEmbeddingProvider } from './embeddings/provider';
import { embedPending } from './matching/embedding-store';
import { purgeExpiredAuthData } from './auth/cleanup';
import { runConventionJobs } from './conventions/jobs';
import { anonymiseInactivePupils, describeRetention } from './retention/anonymise-pupils';
import { jobHandlers } from './jobs/handlers';
import { createJobWorker } from './jobs/queue';
import type { Services } from './services';
import { loadCommunes } from '../../prisma/seed/communes';
import { seedDemoData } from '../../prisma/seed/seed';

/** Background jobs (allocation, re-embedding) are looked for this often: people watch their progress. */
const JOB_POLL_MS = 1_000;
/** Reminders, start and end of execution, surveys: minutes of delay are fine, hours are not. */
const CONVENTION_JOBS_INTERVAL_MS = 10 * 60_000;
/** Pupils' data retention is counted in months: once a day is plenty. */
const RETENTION_INTERVAL_MS = 24 * 3_600_000;

export function createStorage(env: Env): FileStorage {
  return env.storage.kind === 's3' ? s3FileStorage(env.storage) : localFileStorage(env.storage.dir);
}

export function createTransport(env: Env) {
  return env.email.kind === 'resend'
    ? resendTransport({ apiKey: env.email.apiKey, baseUrl: env.email.baseUrl })
    : localOutboxTransport(env.email.dir);
}

export function createServices(env: Env, db: Database, clock: Clock = systemClock): Services {
  return {
    env,
    prisma: db.prisma,
    clock,
    tokens: randomTokens,
    storage: createStorage(env),
    embeddings: createEmbeddingProvider(env.embeddings, () => thesaurusInForce(db.prisma)),
  };
}

export interface RunningApp {
  services: Services;
  shutdown(): Promise<void>;
}

/** Start-up, in order: database (locked), pending migrations, demo data when asked, email worker. */
export async function bootApp(env: Env, log: (line: string) => void): Promise<RunningApp> {
  log(
    env.database.kind === 'pglite'
      ? `Base de données : PGlite (PostgreSQL embarqué) dans ${env.database.dir}`
      : 'Base de données : PostgreSQL (DATABASE_URL)',
  );
  const db = await openDatabase(env.database);
  try {
    const { applied } = await applyPendingMigrations(db, { log });
    log(applied.length ? `Migrations appliquées : ${applied.join(', ')}` : 'Schéma à jour.');
    if (env.demoMode) {
      const result = await seedDemoData(db, { log });
      log(result.created ? 'Données de démonstration créées.' : 'Données de démonstration déjà présentes.');
    } else {
      log(`${await loadCommunes(db.prisma)} communes du Gard à jour.`);
    }
  } catch (error) {
    await db.close();
    throw error;
  }
  const services = createServices(env, db);
  // An unreachable embeddings endpoint must not keep the service down: suggestions wait for the next run.
  try {
    const { model, embedded } = await embedPending(services, { progress: (line) => log(`Plongements ${line}`) });
    if (embedded) log(`${embedded} offres et besoins vectorisés (${model.key}).`);
  } catch (error) {
    log(`Plongements non calculés : ${error instanceof Error ? error.message : String(error)} (npm run embeddings:reembed).`);
  }
  const worker = env.outboxWorker
    ? createOutboxWorker({
        prisma: db.prisma,
        transport: createTransport(env),
        from: env.email.from,
        clock: services.clock,
      }).start(5_000)
    : null;
  log(env.email.kind === 'resend' ? 'Courriels : Resend.' : `Courriels : boîte locale ${env.email.dir} (page /outbox).`);
  const purge = () =>
    purgeExpiredAuthData(db.prisma, services.clock.now()).catch((error: unknown) =>
      log(`Nettoyage des sessions expirées impossible : ${error instanceof Error ? error.message : String(error)}`),
    );
  await purge();
  const purgeTimer = setInterval(() => void purge(), 3_600_000);
  purgeTimer.unref();
  let jobsRunning = false;
  const conventionJobs = async () => {
    if (jobsRunning) return;
    jobsRunning = true;
    try {
      await runConventionJobs(services);
    } catch (error) {
      log(`Tâches des conventions interrompues : ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      jobsRunning = false;
    }
  };
  await conventionJobs();
  const jobsTimer = setInterval(() => void conventionJobs(), CONVENTION_JOBS_INTERVAL_MS);
  jobsTimer.unref();
  // Retention of pupils' data (decision 009), at start then daily, in the background: one transaction per pupil.
  let retentionRun: Promise<void> | undefined;
  const retention = () => {
    retentionRun ??= anonymiseInactivePupils(services, { now: services.clock.now() })
      .then(
        (report) => (report.pupils || report.conventions ? log(describeRetention(report)) : undefined),
        (error: unknown) => log(`Anonymisation des élèves interrompue : ${error instanceof Error ? error.message : String(error)}`),
      )
      .finally(() => (retentionRun = undefined));
  };
  retention();
  const retentionTimer = setInterval(retention, RETENTION_INTERVAL_MS);
  retentionTimer.unref();
  const jobWorker = createJobWorker(services, jobHandlers, log).start(JOB_POLL_MS);
  return {
    services,
    shutdown: async () => {
      clearInterval(purgeTimer);
      clearInterval(jobsTimer);
      clearInterval(retentionTimer);
      await retentionRun;
      await jobWorker.stop();
      await worker?.stop();
      await db.close();
    },
  };
}

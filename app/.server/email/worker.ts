import type { Clock } from '../clock';
import type { PrismaClient } from '../db/generated/client';
import type { EmailTransport } from './transports';

const MINUTE_MS = 60_000;

/** Wait before the next try after `attempts` failed ones: 1 min, 2, 4 … capped at 1 h. */
export function retryDelayMs(attempts: number): number {
  return Math.min(MINUTE_MS * 2 ** Math.max(0, attempts - 1), 60 * MINUTE_MS);
}

export interface OutboxWorkerOptions {
  prisma: PrismaClient;
  transport: EmailTransport;
  from: string;
  clock: Clock;
  batchSize?: number;
  /** How long a claimed row stays invisible to other workers; after it, a crashed worker's rows are retried. */
  lockMs?: number;
  maxAttempts?: number;
  /** Errors of a background run (database unreachable…); per-email failures are stored on the row instead. */
  onError?: (error: unknown) => void;
}

export interface OutboxRunResult {
  sent: number;
  failed: number;
  retried: number;
}

interface ClaimedEmail {
  id: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  attempts: number;
  createdAt: Date;
}

const errorMessage = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 2000);

export function createOutboxWorker({
  prisma,
  transport,
  from,
  clock,
  batchSize = 10,
  lockMs = 5 * MINUTE_MS,
  maxAttempts = 8,
  onError = (error) => console.error('[outbox] envoi des e-mails interrompu :', error),
}: OutboxWorkerOptions) {
  /**
   * One statement, so claiming is atomic: SKIP LOCKED lets concurrent workers take disjoint rows, and the lease
   * (lockedUntil) keeps a claimed row away from them after this statement commits, while it is being sent.
   * Attempts are counted at claim time so a worker that crashes mid-send still uses one up.
   */
  async function claim(): Promise<ClaimedEmail[]> {
    const now = clock.now();
    const lockedUntil = new Date(now.getTime() + lockMs);
    return prisma.$queryRaw<ClaimedEmail[]>`
      UPDATE "OutboxEmail"
      SET "lockedUntil" = ${lockedUntil}, "attempts" = "attempts" + 1
      WHERE "id" IN (
        SELECT "id" FROM "OutboxEmail"
        WHERE "status" = 'PENDING'
          AND "nextAttemptAt" <= ${now}
          AND ("lockedUntil" IS NULL OR "lockedUntil" < ${now})
        ORDER BY "nextAttemptAt"
        LIMIT ${batchSize}
        FOR UPDATE SKIP LOCKED
      )
      RETURNING "id", "to", "subject", "html", "text", "attempts", "createdAt"`;
  }

  async function deliver(email: ClaimedEmail): Promise<keyof OutboxRunResult> {
    const { attempts, ...content } = email;
    let providerMessageId: string;
    try {
      ({ providerMessageId } = await transport.send({ ...content, from }));
    } catch (error) {
      const now = clock.now();
      const giveUp = attempts >= maxAttempts;
      // status = PENDING: never turn back a row that a slower, overlapping run has already marked SENT.
      await prisma.outboxEmail.updateMany({
        where: { id: email.id, status: 'PENDING' },
        data: giveUp
          ? { status: 'FAILED', lastError: errorMessage(error), lockedUntil: null }
          : {
              lastError: errorMessage(error),
              lockedUntil: null,
              nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)),
            },
      });
      return giveUp ? 'failed' : 'retried';
    }
    await prisma.outboxEmail.updateMany({
      where: { id: email.id, status: 'PENDING' },
      data: { status: 'SENT', providerMessageId, sentAt: clock.now(), lockedUntil: null, lastError: null },
    });
    return 'sent';
  }

  async function runOnce(): Promise<OutboxRunResult> {
    const result: OutboxRunResult = { sent: 0, failed: 0, retried: 0 };
    // One at a time: providers rate-limit (Resend: a few requests a second), and the batch is small.
    for (const email of await claim()) result[await deliver(email)] += 1;
    return result;
  }

  function start(intervalMs: number): { stop(): Promise<void> } {
    let inFlight: Promise<void> | undefined;
    // A tick that finds the previous batch still running skips its turn: batches of one instance never overlap.
    const tick = () => {
      inFlight ??= runOnce()
        .then(() => undefined, onError)
        .finally(() => {
          inFlight = undefined;
        });
    };
    const timer = setInterval(tick, intervalMs);
    timer.unref();
    tick();
    return {
      async stop() {
        clearInterval(timer);
        await inFlight;
      },
    };
  }

  return { runOnce, start };
}

export type OutboxWorker = ReturnType<typeof createOutboxWorker>;

import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../tests/support/test-database';
import { fixedClock } from '../clock';
import type { Database } from '../db/connection';
import { enqueueEmail } from './outbox';
import { localOutboxTransport, type EmailTransport, type OutgoingEmail } from './transports';
import { createOutboxWorker, retryDelayMs } from './worker';

const MINUTE = 60_000;
const from = 'Passerelles <passerelles@gard.fr>';

/** Stands in for the provider: records what it is asked to send, and fails on demand. */
function recordingTransport(failures: (attempt: number) => string | null = () => null) {
  const sent: OutgoingEmail[] = [];
  let calls = 0;
  const transport: EmailTransport = {
    async send(email) {
      calls += 1;
      const failure = failures(calls);
      if (failure) throw new Error(failure);
      sent.push(email);
      return { providerMessageId: `fake-${email.id}` };
    },
  };
  return { transport, sent, calls: () => calls };
}

function deferred() {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

async function waitFor(condition: () => boolean) {
  for (let i = 0; i < 200 && !condition(); i += 1) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(condition()).toBe(true);
}

describe('retryDelayMs', () => {
  it('doubles from one minute and stops at one hour', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map(retryDelayMs)).toEqual(
      [1, 2, 4, 8, 16, 32, 60, 60].map((minutes) => minutes * MINUTE),
    );
    expect(retryDelayMs(40)).toBe(60 * MINUTE);
  });
});

describe('outbox on PGlite', () => {
  let db: Database;
  const clock = fixedClock(new Date('2026-11-28T09:00:00.000Z'));
  const start = clock.now();

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.close();
  });
  beforeEach(async () => {
    await db.prisma.outboxEmail.deleteMany();
    await db.prisma.user.deleteMany();
    clock.set(start);
  });

  const request = (n: number | string) => ({
    dedupeKey: `test:${n}`,
    to: `personne${n}@exemple.fr`,
    template: 'magic-link' as const,
    props: { url: `https://passerelles.gard.fr/connexion/verifier?token=t${n}`, expiresInMinutes: 15 },
  });
  const queue = (n: number | string) => db.prisma.$transaction((tx) => enqueueEmail(tx, request(n), clock));
  const row = async () => {
    const rows = await db.prisma.outboxEmail.findMany();
    expect(rows).toHaveLength(1);
    return rows[0]!;
  };

  describe('enqueueEmail', () => {
    it('queues nothing when the transaction that causes the email rolls back', async () => {
      const failing = db.prisma.$transaction(async (tx) => {
        await tx.user.create({ data: { email: 'agent@gard.fr' } });
        await enqueueEmail(tx, request(1), clock);
        throw new Error('la suite de la demande échoue');
      });
      await expect(failing).rejects.toThrow('la suite de la demande échoue');
      expect(await db.prisma.outboxEmail.count()).toBe(0);
      expect(await db.prisma.user.count()).toBe(0);
    });

    it('stores the rendered email with the change when the transaction commits', async () => {
      await db.prisma.$transaction(async (tx) => {
        await tx.user.create({ data: { email: 'agent@gard.fr' } });
        await enqueueEmail(tx, request(1), clock);
      });
      const email = await row();
      expect(email).toMatchObject({
        dedupeKey: 'test:1',
        to: 'personne1@exemple.fr',
        template: 'magic-link',
        subject: 'Votre lien de connexion à Passerelles',
        status: 'PENDING',
        attempts: 0,
        createdAt: start,
        nextAttemptAt: start,
        lockedUntil: null,
      });
      expect(email.html).toContain('https://passerelles.gard.fr/connexion/verifier?token=t1');
      expect(email.text).toContain('https://passerelles.gard.fr/connexion/verifier?token=t1');
    });

    it('ignores a second email with the same dedupeKey without breaking the transaction', async () => {
      expect(await queue(1)).toEqual({ enqueued: true });
      const second = await db.prisma.$transaction(async (tx) => {
        const result = await enqueueEmail(tx, { ...request(1), to: 'autre@exemple.fr' }, clock);
        // A unique violation would have aborted the transaction: this insert proves it is still usable.
        await tx.user.create({ data: { email: 'apres@gard.fr' } });
        return result;
      });
      expect(second).toEqual({ enqueued: false });
      expect((await row()).to).toBe('personne1@exemple.fr');
      expect(await db.prisma.user.count()).toBe(1);
    });

    it('refuses an invalid recipient', async () => {
      await expect(
        db.prisma.$transaction((tx) => enqueueEmail(tx, { ...request(2), to: 'pas-une-adresse' }, clock)),
      ).rejects.toMatchObject({ code: 'VALIDATION' });
      expect(await db.prisma.outboxEmail.count()).toBe(0);
    });
  });

  describe('worker', () => {
    it('sends a queued email once and marks it SENT', async () => {
      await queue(1);
      const provider = recordingTransport();
      const worker = createOutboxWorker({ prisma: db.prisma, transport: provider.transport, from, clock });

      clock.advance(1_000);
      expect(await worker.runOnce()).toEqual({ sent: 1, failed: 0, retried: 0 });
      const email = await row();
      expect(provider.sent).toEqual([
        {
          id: email.id,
          from,
          to: 'personne1@exemple.fr',
          subject: email.subject,
          html: email.html,
          text: email.text,
          createdAt: start,
        },
      ]);
      expect(email).toMatchObject({
        status: 'SENT',
        providerMessageId: `fake-${email.id}`,
        sentAt: clock.now(),
        lockedUntil: null,
        attempts: 1,
        lastError: null,
      });

      clock.advance(24 * 60 * MINUTE);
      expect(await worker.runOnce()).toEqual({ sent: 0, failed: 0, retried: 0 });
      expect(provider.calls()).toBe(1);
    });

    it('retries with backoff on the injected clock, never before nextAttemptAt', async () => {
      await queue(1);
      const provider = recordingTransport((call) => (call <= 2 ? `panne ${call}` : null));
      const worker = createOutboxWorker({ prisma: db.prisma, transport: provider.transport, from, clock });

      expect(await worker.runOnce()).toEqual({ sent: 0, failed: 0, retried: 1 });
      expect(await row()).toMatchObject({
        status: 'PENDING',
        attempts: 1,
        lastError: 'panne 1',
        lockedUntil: null,
        nextAttemptAt: new Date(start.getTime() + MINUTE),
      });

      clock.advance(MINUTE - 1);
      expect(await worker.runOnce()).toEqual({ sent: 0, failed: 0, retried: 0 });
      expect(provider.calls()).toBe(1);

      clock.advance(1);
      expect(await worker.runOnce()).toEqual({ sent: 0, failed: 0, retried: 1 });
      expect(await row()).toMatchObject({
        attempts: 2,
        lastError: 'panne 2',
        nextAttemptAt: new Date(clock.now().getTime() + 2 * MINUTE),
      });

      clock.advance(2 * MINUTE - 1);
      expect(await worker.runOnce()).toEqual({ sent: 0, failed: 0, retried: 0 });
      expect(provider.calls()).toBe(2);

      clock.advance(1);
      expect(await worker.runOnce()).toEqual({ sent: 1, failed: 0, retried: 0 });
      expect(await row()).toMatchObject({ status: 'SENT', attempts: 3, lastError: null });
      expect(provider.sent).toHaveLength(1);
    });

    it('gives up after maxAttempts and keeps the last error', async () => {
      await queue(1);
      const provider = recordingTransport((call) => `refus ${call}`);
      const worker = createOutboxWorker({
        prisma: db.prisma,
        transport: provider.transport,
        from,
        clock,
        maxAttempts: 3,
      });

      expect(await worker.runOnce()).toEqual({ sent: 0, failed: 0, retried: 1 });
      clock.advance(retryDelayMs(1));
      expect(await worker.runOnce()).toEqual({ sent: 0, failed: 0, retried: 1 });
      clock.advance(retryDelayMs(2));
      expect(await worker.runOnce()).toEqual({ sent: 0, failed: 1, retried: 0 });
      expect(await row()).toMatchObject({ status: 'FAILED', attempts: 3, lastError: 'refus 3', lockedUntil: null });

      clock.advance(24 * 60 * MINUTE);
      expect(await worker.runOnce()).toEqual({ sent: 0, failed: 0, retried: 0 });
      expect(provider.calls()).toBe(3);
    });

    it('sends each email exactly once when two workers share the database', async () => {
      for (let n = 0; n < 23; n += 1) await queue(n);
      const provider = recordingTransport();
      const workers = [1, 2].map(() =>
        createOutboxWorker({ prisma: db.prisma, transport: provider.transport, from, clock, batchSize: 4 }),
      );
      const drain = async (worker: (typeof workers)[number]) => {
        let sent = 0;
        for (;;) {
          const result = await worker.runOnce();
          if (result.sent === 0) return sent;
          sent += result.sent;
        }
      };

      const [first = 0, second = 0] = await Promise.all(workers.map(drain));

      expect(first + second).toBe(23);
      expect(first).toBeGreaterThan(0);
      expect(second).toBeGreaterThan(0);
      const ids = provider.sent.map((email) => email.id);
      expect(new Set(ids).size).toBe(23);
      expect(ids).toHaveLength(23);
      expect(await db.prisma.outboxEmail.count({ where: { status: 'SENT', attempts: 1 } })).toBe(23);
    });

    it('lets only one of two simultaneous batches claim a row', async () => {
      for (let n = 0; n < 5; n += 1) await queue(n);
      const provider = recordingTransport();
      const worker = () => createOutboxWorker({ prisma: db.prisma, transport: provider.transport, from, clock });

      const results = await Promise.all([worker().runOnce(), worker().runOnce(), worker().runOnce()]);

      expect(results.reduce((total, result) => total + result.sent, 0)).toBe(5);
      expect(new Set(provider.sent.map((email) => email.id)).size).toBe(5);
      expect(provider.sent).toHaveLength(5);
    });

    describe('after a worker crashed between sending and marking SENT', () => {
      let dir: string;
      beforeEach(async () => {
        dir = await fs.mkdtemp(path.join(os.tmpdir(), 'passerelles-worker-'));
      });
      afterAll(async () => {
        await fs.rm(dir, { recursive: true, force: true });
      });

      it('retries the row once its lock expires, with the same id, and never turns SENT back', async () => {
        await queue(1);
        const local = localOutboxTransport(dir);
        const stuck = deferred();
        const crashed = createOutboxWorker({
          prisma: db.prisma,
          from,
          clock,
          lockMs: 5 * MINUTE,
          transport: {
            async send(email) {
              await local.send(email);
              await stuck.promise;
              throw new Error('jamais atteint');
            },
          },
        });
        const healthy = createOutboxWorker({ prisma: db.prisma, transport: local, from, clock, lockMs: 5 * MINUTE });

        const crashedRun = crashed.runOnce();
        await expect.poll(async () => (await fs.readdir(dir)).filter((name) => name.endsWith('.eml'))).toHaveLength(1);
        expect(await row()).toMatchObject({ status: 'PENDING', attempts: 1, lockedUntil: new Date(start.getTime() + 5 * MINUTE) });

        clock.advance(5 * MINUTE);
        expect(await healthy.runOnce()).toEqual({ sent: 0, failed: 0, retried: 0 });

        clock.advance(1);
        expect(await healthy.runOnce()).toEqual({ sent: 1, failed: 0, retried: 0 });
        const email = await row();
        const files = await fs.readdir(dir);
        expect(files).toEqual([`2026-11-28T09-00-00-${email.id}.eml`]);
        expect(email).toMatchObject({ status: 'SENT', attempts: 2, providerMessageId: `local:${files[0]}` });

        // The stuck worker wakes up and fails: the row must stay SENT.
        stuck.reject(new Error('connexion perdue'));
        await crashedRun;
        expect(await row()).toMatchObject({ status: 'SENT', lastError: null });
      });
    });

    it('start() works in the background and stop() waits for the batch in flight', async () => {
      await queue(1);
      const release = deferred();
      let calls = 0;
      const worker = createOutboxWorker({
        prisma: db.prisma,
        from,
        clock,
        transport: {
          async send(email) {
            calls += 1;
            await release.promise;
            return { providerMessageId: `fake-${email.id}` };
          },
        },
      });

      const running = worker.start(60 * MINUTE);
      await waitFor(() => calls === 1);
      let stopped = false;
      const stopping = running.stop().then(() => {
        stopped = true;
      });
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(stopped).toBe(false);

      release.resolve();
      await stopping;
      expect((await row()).status).toBe('SENT');
      expect(calls).toBe(1);
    });
  });
});

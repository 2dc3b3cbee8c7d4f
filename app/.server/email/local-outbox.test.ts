import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../tests/support/test-database';
import { fixedClock } from '../clock';
import type { Database } from '../db/connection';
import { getLocalOutboxEmail, listLocalOutbox } from './local-outbox';
import { enqueueEmail } from './outbox';

describe('local outbox listing', () => {
  let db: Database;
  const clock = fixedClock(new Date('2026-11-28T09:00:00.000Z'));
  const ids: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    for (let n = 1; n <= 5; n += 1) {
      clock.advance(60_000);
      await db.prisma.$transaction((tx) =>
        enqueueEmail(
          tx,
          {
            dedupeKey: `liste:${n}`,
            to: `personne${n}@exemple.fr`,
            template: 'magic-link',
            props: { url: `https://passerelles.gard.fr/c?token=${n}`, expiresInMinutes: 15 },
          },
          clock,
        ),
      );
      ids.push((await db.prisma.outboxEmail.findUniqueOrThrow({ where: { dedupeKey: `liste:${n}` } })).id);
    }
    await db.prisma.outboxEmail.update({
      where: { dedupeKey: 'liste:5' },
      data: { status: 'SENT', providerMessageId: 'local:2026-11-28T09-05-00-x.eml', sentAt: clock.now() },
    });
  });
  afterAll(async () => {
    await db?.close();
  });

  it('lists the newest first, page by page, with the total', async () => {
    const first = await listLocalOutbox(db.prisma, { page: 1, pageSize: 2 });
    expect(first).toMatchObject({ total: 5, page: 1, pageSize: 2, pageCount: 3 });
    expect(first.emails.map((email) => email.to)).toEqual(['personne5@exemple.fr', 'personne4@exemple.fr']);
    expect(first.emails[0]).toMatchObject({ status: 'SENT', emlFile: '2026-11-28T09-05-00-x.eml' });
    expect(first.emails[1]).toMatchObject({ status: 'PENDING', emlFile: null });
    expect(first.emails[0]).not.toHaveProperty('html');

    const last = await listLocalOutbox(db.prisma, { page: 3, pageSize: 2 });
    expect(last.emails.map((email) => email.to)).toEqual(['personne1@exemple.fr']);
  });

  it('turns odd page numbers from the query string into valid ones', async () => {
    expect(await listLocalOutbox(db.prisma, { page: Number.NaN, pageSize: 2 })).toMatchObject({ page: 1 });
    expect(await listLocalOutbox(db.prisma, { page: 99, pageSize: 2 })).toMatchObject({ page: 3 });
    expect(await listLocalOutbox(db.prisma, { page: 1, pageSize: 10_000 })).toMatchObject({ pageSize: 100 });
  });

  it('opens one email with its rendered parts, and says when it does not exist', async () => {
    const email = await getLocalOutboxEmail(db.prisma, ids[0] ?? '');
    expect(email).toMatchObject({ to: 'personne1@exemple.fr', subject: 'Votre lien de connexion à Passerelles' });
    expect(email.html).toContain('https://passerelles.gard.fr/c?token=1');
    expect(email.text).toContain('https://passerelles.gard.fr/c?token=1');
    await expect(getLocalOutboxEmail(db.prisma, 'inconnu')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

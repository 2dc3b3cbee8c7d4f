import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listPublications, moderate, parsePublicationFilters } from '../../app/.server/admin/moderation';
import type { Database } from '../../app/.server/db/connection';
import type { Services } from '../../app/.server/services';
import { asCurrentUser, conventionParties } from '../support/convention-fixtures';
import { createTestDatabase } from '../support/test-database';
import { createTestServices } from '../support/test-services';
import { rejection } from '../support/rejection';

let db: Database;
let services: Services;
let parties: Awaited<ReturnType<typeof conventionParties>>;

beforeAll(async () => {
  db = await createTestDatabase();
  services = createTestServices(db).services;
  parties = await conventionParties(db, new Date('2026-11-28T10:00:00Z'));
});
afterAll(() => db.close());

describe('moderation by the Mission ESS', () => {
  it('lists needs by text and kind, with pagination counts', async () => {
    const admin = await asCurrentUser(db, parties.admin.id);
    const found = await listPublications(services, admin, parsePublicationFilters(new URLSearchParams({ type: 'besoin', q: 'COMPTABILITÉ', kind: 'COMPETENCE' })));
    expect(found.items.map((item) => item.id)).toEqual([parties.skillNeed.id]);
    const none = await listPublications(services, admin, parsePublicationFilters(new URLSearchParams({ type: 'besoin', q: 'comptabilité', kind: 'LIEU' })));
    expect(none.total).toBe(0);
    expect((await rejection(listPublications(services, await asCurrentUser(db, parties.hostMember.id), parsePublicationFilters(new URLSearchParams())))).code).toBe('FORBIDDEN');
  });

  it('withdraws with a reason told to the author, then publishes again', async () => {
    const admin = await asCurrentUser(db, parties.admin.id);
    const id = parties.skillNeed.id;
    expect((await rejection(moderate(services, admin, { type: 'besoin', id, action: 'withdraw', reason: '' }))).fieldErrors.reason).toBeDefined();
    expect(await moderate(services, admin, { type: 'besoin', id, action: 'withdraw', reason: 'Annonce en double' })).toEqual({ status: 'ARCHIVED' });
    const told = await db.prisma.outboxEmail.findFirstOrThrow({ where: { template: 'publication-withdrawn' } });
    expect(told.to).toBe('presidente@jardins.example.org');
    expect(told.text).toContain('Annonce en double');
    expect((await rejection(moderate(services, admin, { type: 'besoin', id, action: 'withdraw', reason: 'Encore' }))).code).toBe('CONFLICT');
    expect(await moderate(services, admin, { type: 'besoin', id, action: 'republish', reason: '' })).toEqual({ status: 'PUBLISHED' });
    const host = await asCurrentUser(db, parties.hostMember.id);
    expect((await rejection(moderate(services, host, { type: 'besoin', id, action: 'withdraw', reason: 'Je retire' }))).code).toBe('FORBIDDEN');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyEligibility } from '../../app/.server/admin/eligibility';
import type { Database } from '../../app/.server/db/connection';
import type { Services } from '../../app/.server/services';
import { createStructure, createUser } from '../../prisma/seed/builders';
import { loadCommunes } from '../../prisma/seed/communes';
import { asCurrentUser } from '../support/convention-fixtures';
import { createTestDatabase } from '../support/test-database';
import { createTestServices } from '../support/test-services';
import { rejection } from '../support/rejection';

let db: Database;
let services: Services;

beforeAll(async () => {
  db = await createTestDatabase();
  services = createTestServices(db).services;
  await loadCommunes(db.prisma);
});
afterAll(() => db.close());

describe('the Mission ESS verifies declared eligibility', () => {
  it('confirms, once; refuses only with a reason; nobody else may', async () => {
    const admin = await asCurrentUser(db, (await createUser(db.prisma, { roles: [{ role: 'MISSION_ESS_ADMIN' }] })).id);
    const declared = await createStructure(db.prisma, { skillsEligibility: 'ARUP' });
    const doubtful = await createStructure(db.prisma, { skillsEligibility: 'INTERET_GENERAL' });
    const member = await asCurrentUser(db, (await createUser(db.prisma, { roles: [{ role: 'STRUCTURE_MEMBER', organisationId: declared.id }] })).id);

    expect((await rejection(verifyEligibility(services, member, declared.id, { decision: 'confirm', reason: '' }))).code).toBe('FORBIDDEN');
    await verifyEligibility(services, admin, declared.id, { decision: 'confirm', reason: '' });
    expect(await db.prisma.organisation.findUniqueOrThrow({ where: { id: declared.id } })).toMatchObject({ skillsEligibility: 'ARUP', eligibilityVerifiedBy: admin.id });
    expect((await rejection(verifyEligibility(services, admin, declared.id, { decision: 'confirm', reason: '' }))).message).toContain('déjà été vérifiée');

    expect((await rejection(verifyEligibility(services, admin, doubtful.id, { decision: 'reject', reason: '' }))).fieldErrors.reason).toBeDefined();
    await verifyEligibility(services, admin, doubtful.id, { decision: 'reject', reason: 'Pas de rescrit fiscal fourni' });
    expect(await db.prisma.organisation.findUniqueOrThrow({ where: { id: doubtful.id } })).toMatchObject({ skillsEligibility: 'NONE', eligibilityVerifiedAt: null });
    const audit = await db.prisma.auditLog.findFirstOrThrow({ where: { action: 'eligibility.rejected' } });
    expect(audit.details).toEqual({ declared: 'INTERET_GENERAL', reason: 'Pas de rescrit fiscal fourni' });
  });
});

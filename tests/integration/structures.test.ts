import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../app/.server/db/connection';
import { inviteMember, registerStructure } from '../../app/.server/organisations/register';
import type { Services } from '../../app/.server/services';
import { createUser } from '../../prisma/seed/builders';
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

const valid = { name: 'Atelier Partagé', legalForm: 'ASSOCIATION', siret: '732 829 320 00074', address: '2 rue du Fort', communeCode: '30189', skillsEligibility: 'ARUP' };

describe('registering a structure and inviting colleagues', () => {
  it('checks the SIRET key, then makes the declarant its first member, eligibility to be verified', async () => {
    const person = await asCurrentUser(db, (await createUser(db.prisma, { email: 'fondatrice@example.org' })).id);
    const badKey = await rejection(registerStructure(services, person, { ...valid, siret: '73282932000075' }));
    expect(badKey.fieldErrors.siret).toEqual(['SIRET : la clé de contrôle ne correspond pas, vérifiez le numéro.']);
    const bad = await rejection(registerStructure(services, person, { ...valid, siret: '123', communeCode: '13055', legalForm: 'SARL' }));
    expect(Object.keys(bad.fieldErrors).sort()).toEqual(['communeCode', 'legalForm', 'siret']);
    expect(await db.prisma.organisation.count()).toBe(0);

    const { id } = await registerStructure(services, person, valid);
    expect(await db.prisma.organisation.findUniqueOrThrow({ where: { id } })).toMatchObject({ kind: 'STRUCTURE', siret: '73282932000074', skillsEligibility: 'ARUP', eligibilityVerifiedAt: null });
    expect(await db.prisma.roleGrant.findFirst({ where: { userId: person.id, organisationId: id, role: 'STRUCTURE_MEMBER' } })).not.toBeNull();
    const twice = await rejection(registerStructure(services, person, valid));
    expect(twice.message).toContain('déjà inscrite');
  });

  it('a member invites a colleague once; nobody else can', async () => {
    const founder = await asCurrentUser(db, (await db.prisma.user.findUniqueOrThrow({ where: { email: 'fondatrice@example.org' } })).id);
    const structure = await db.prisma.organisation.findFirstOrThrow({ where: { siret: '73282932000074' } });
    expect((await rejection(inviteMember(services, founder, structure.id, { email: 'pas une adresse' }))).fieldErrors.email).toEqual(['Adresse e-mail invalide.']);
    await inviteMember(services, founder, structure.id, { email: 'Collegue@Example.org' });
    await inviteMember(services, founder, structure.id, { email: 'collegue@example.org' });
    const colleague = await db.prisma.user.findUniqueOrThrow({ where: { email: 'collegue@example.org' }, include: { roles: true } });
    expect(colleague.roles.map((r) => [r.role, r.organisationId])).toEqual([['STRUCTURE_MEMBER', structure.id]]);
    expect(await db.prisma.outboxEmail.count({ where: { template: 'invitation', to: 'collegue@example.org' } })).toBe(1);
    const stranger = await asCurrentUser(db, (await createUser(db.prisma, { email: 'intrus@example.org' })).id);
    expect((await rejection(inviteMember(services, stranger, structure.id, { email: 'complice@example.org' }))).code).toBe('FORBIDDEN');
    expect(await db.prisma.user.findUnique({ where: { email: 'complice@example.org' } })).toBeNull();
  });
});

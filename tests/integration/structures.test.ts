import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserSession } from '../../app/.server/auth/session';
import type { Database } from '../../app/.server/db/connection';
import { removeMember } from '../../app/.server/organisations/members';
import { inviteMember, registerStructure } from '../../app/.server/organisations/register';
import type { Services } from '../../app/.server/services';
import { getStructureSpace } from '../../app/.server/spaces';
import * as structureRoute from '../../app/routes/espace.structure.$organisationId';
import { createStructure, createUser } from '../../prisma/seed/builders';
import { loadCommunes } from '../../prisma/seed/communes';
import { asCurrentUser } from '../support/convention-fixtures';
import { statusOf } from '../support/route-calls';
import { createTestDatabase } from '../support/test-database';
import { createTestServices, requestWithCookie } from '../support/test-services';
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

describe('the team of a structure', () => {
  async function team() {
    const structure = await createStructure(db.prisma, { name: 'La Ressourcerie du Gardon' });
    const president = await createUser(db.prisma, { firstName: 'Lucie', lastName: 'Arnaud', roles: [{ role: 'STRUCTURE_MEMBER', organisationId: structure.id }] });
    const treasurer = await createUser(db.prisma, { firstName: 'Samir', lastName: 'Haddad', roles: [{ role: 'STRUCTURE_MEMBER', organisationId: structure.id }] });
    const otherStructure = await createStructure(db.prisma);
    const outsider = await createUser(db.prisma, { roles: [{ role: 'STRUCTURE_MEMBER', organisationId: otherStructure.id }] });
    const admin = await createUser(db.prisma, { roles: [{ role: 'MISSION_ESS_ADMIN' }] });
    return { structure, president, treasurer, outsider, admin };
  }
  const grantsOf = (organisationId: string) =>
    db.prisma.roleGrant.findMany({ where: { organisationId }, select: { userId: true } }).then((rows) => rows.map((row) => row.userId).sort());
  const removals = (organisationId: string) => db.prisma.auditLog.count({ where: { action: 'structure.member_removed', targetId: organisationId } });

  it('lists the members, invited ones included, with the date they joined, to the members and the Mission ESS only', async () => {
    const { structure, president, treasurer, outsider, admin } = await team();
    await db.prisma.roleGrant.updateMany({ where: { userId: president.id }, data: { createdAt: new Date('2026-10-01T08:00:00Z') } });
    await db.prisma.roleGrant.updateMany({ where: { userId: treasurer.id }, data: { createdAt: new Date('2026-11-15T08:00:00Z') } });
    const later = createTestServices(db, { now: new Date('2026-12-03T09:00:00Z') }).services;
    await inviteMember(later, await asCurrentUser(db, president.id), structure.id, { email: 'benevole@example.org' });

    const space = await getStructureSpace(services, await asCurrentUser(db, president.id), structure.id);
    expect(space.members.map(({ name, email, since }) => [name ?? email, since.toISOString()])).toEqual([
      ['Lucie Arnaud', '2026-10-01T08:00:00.000Z'],
      ['Samir Haddad', '2026-11-15T08:00:00.000Z'],
      ['benevole@example.org', '2026-12-03T09:00:00.000Z'],
    ]);
    expect(space.mayManageMembers).toBe(true);
    const asAdmin = await getStructureSpace(services, await asCurrentUser(db, admin.id), structure.id);
    expect(asAdmin.members).toHaveLength(3);
    expect(asAdmin.mayManageMembers).toBe(false);
    expect((await rejection(getStructureSpace(services, await asCurrentUser(db, outsider.id), structure.id))).code).toBe('FORBIDDEN');

    const path = `/espace/structure/${structure.id}`;
    const params = { organisationId: structure.id };
    const loaded = (await structureRoute.loader({ request: requestWithCookie(path, await createUserSession(services, president.id)), context: { services, clientIp: '127.0.0.1' }, params })) as {
      organisation: { members: { email: string }[] };
      userId: string;
    };
    expect(loaded.organisation.members.map((member) => member.email)).toContain('benevole@example.org');
    expect(loaded.userId).toBe(president.id);
    expect(await statusOf(structureRoute.loader, services, requestWithCookie(path, await createUserSession(services, outsider.id)), params)).toBe(403);
    expect(await statusOf(structureRoute.loader, services, requestWithCookie(path, await createUserSession(services, admin.id)), params)).toBe(200);
  });

  it('a member removes a colleague; outsiders and the Mission ESS cannot; the last member cannot leave', async () => {
    const { structure, president, treasurer, outsider, admin } = await team();
    const before = await grantsOf(structure.id);

    for (const who of [outsider, admin]) {
      const refused = await rejection(removeMember(services, await asCurrentUser(db, who.id), structure.id, { userId: treasurer.id }));
      expect(refused).toMatchObject({ code: 'FORBIDDEN', message: 'Vous n\'avez pas accès à cette page.' });
    }
    const notMember = await rejection(removeMember(services, await asCurrentUser(db, president.id), structure.id, { userId: outsider.id }));
    expect(notMember).toMatchObject({ code: 'NOT_FOUND', message: 'Cette personne ne fait pas partie de l’équipe.' });
    expect((await rejection(removeMember(services, await asCurrentUser(db, president.id), structure.id, { userId: '  ' }))).fieldErrors.userId).toEqual(['Choisissez le membre à retirer.']);
    expect(await grantsOf(structure.id)).toEqual(before);
    expect(await removals(structure.id)).toBe(0);

    // As read by a request of the treasurer's that was already under way.
    const treasurerInFlight = await asCurrentUser(db, treasurer.id);
    expect(await removeMember(services, await asCurrentUser(db, president.id), structure.id, { userId: treasurer.id })).toEqual({ removed: 'Samir Haddad', self: false });
    expect(await grantsOf(structure.id)).toEqual([president.id]);
    const audit = await db.prisma.auditLog.findFirstOrThrow({ where: { action: 'structure.member_removed', targetId: structure.id } });
    expect(audit).toMatchObject({ actorId: president.id, targetType: 'Organisation', details: { userId: treasurer.id, email: treasurer.email } });
    // The person keeps their account, only the membership goes.
    expect(await db.prisma.user.findUnique({ where: { id: treasurer.id } })).not.toBeNull();
    // A removed member can no longer act for the structure, even from a request that started before the removal.
    expect((await rejection(removeMember(services, await asCurrentUser(db, treasurer.id), structure.id, { userId: president.id }))).code).toBe('FORBIDDEN');
    expect(await rejection(removeMember(services, treasurerInFlight, structure.id, { userId: president.id }))).toMatchObject({
      code: 'FORBIDDEN',
      message: 'Vous ne faites plus partie de l’équipe de cette structure.',
    });

    const last = await rejection(removeMember(services, await asCurrentUser(db, president.id), structure.id, { userId: president.id }));
    expect(last.code).toBe('CONFLICT');
    expect(last.message).toContain('Vous êtes le dernier membre de l’équipe : invitez d’abord un ou une collègue');
    expect(await grantsOf(structure.id)).toEqual([president.id]);
    expect(await removals(structure.id)).toBe(1);
  });

  it('a member may leave while someone stays; two members removing each other at once leave one of them', async () => {
    const { structure, president, treasurer } = await team();
    expect(await removeMember(services, await asCurrentUser(db, treasurer.id), structure.id, { userId: treasurer.id })).toEqual({ removed: 'Samir Haddad', self: true });
    expect(await grantsOf(structure.id)).toEqual([president.id]);

    const pair = await team();
    const [first, second] = await Promise.allSettled([
      removeMember(services, await asCurrentUser(db, pair.president.id), pair.structure.id, { userId: pair.treasurer.id }),
      removeMember(services, await asCurrentUser(db, pair.treasurer.id), pair.structure.id, { userId: pair.president.id }),
    ]);
    expect([first.status, second.status].sort()).toEqual(['fulfilled', 'rejected']);
    expect(await grantsOf(pair.structure.id)).toHaveLength(1);
    expect(await removals(pair.structure.id)).toBe(1);
  });

  it('the space answers bad input with 400 or 403 and a French message, and sends whoever leaves to their account', async () => {
    const { structure, president, treasurer, outsider, admin } = await team();
    const params = { organisationId: structure.id };
    const post = async (userId: string, fields: Record<string, string>) =>
      (await structureRoute.action({
        request: requestWithCookie(`/espace/structure/${structure.id}`, await createUserSession(services, userId), { method: 'POST', body: new URLSearchParams(fields) }),
        context: { services, clientIp: '127.0.0.1' },
        params,
      })) as unknown;
    type Failure = { init: { status: number }; data: { ok: false; formError: string; fieldErrors: Record<string, string[]> } };

    const missing = (await post(president.id, { intent: 'remove' })) as Failure;
    expect(missing.init.status).toBe(400);
    expect(missing.data).toMatchObject({ formError: 'Personne n’a été retiré de l’équipe.', fieldErrors: { userId: ['Choisissez le membre à retirer.'] } });
    const unknown = (await post(president.id, { intent: 'supprimer-tout' })) as Failure;
    expect(unknown.init.status).toBe(400);
    expect(unknown.data.formError).toBe('Action inconnue.');
    const badEmail = (await post(president.id, { intent: 'invite', email: 'pas une adresse' })) as Failure;
    expect(badEmail.init.status).toBe(400);
    expect(badEmail.data.fieldErrors.email).toEqual(['Adresse e-mail invalide.']);
    for (const who of [outsider, admin]) {
      const forbidden = (await post(who.id, { intent: 'remove', userId: treasurer.id })) as Failure;
      expect(forbidden.init.status).toBe(403);
      expect(forbidden.data.formError).toBe('Vous n\'avez pas accès à cette page.');
    }
    expect(await grantsOf(structure.id)).toEqual([president.id, treasurer.id].sort());

    const invited = (await post(president.id, { intent: 'invite', email: 'tresoriere.adjointe@example.org' })) as { ok: boolean; message: string };
    expect(invited).toEqual({ ok: true, message: 'tresoriere.adjointe@example.org fait désormais partie de l’équipe et a reçu une invitation par e-mail.' });
    const removed = (await post(president.id, { intent: 'remove', userId: treasurer.id })) as { ok: boolean; message: string };
    expect(removed).toEqual({ ok: true, message: 'Samir Haddad ne fait plus partie de l’équipe.' });
    const left = (await post(president.id, { intent: 'remove', userId: president.id })) as Response;
    expect(left.status).toBe(302);
    expect(left.headers.get('Location')).toBe('/compte');

    const newcomer = await db.prisma.user.findUniqueOrThrow({ where: { email: 'tresoriere.adjointe@example.org' } });
    const last = (await post(newcomer.id, { intent: 'remove', userId: newcomer.id })) as Failure;
    expect(last.init.status).toBe(409);
    expect(last.data.formError).toContain('dernier membre');
    expect(await grantsOf(structure.id)).toEqual([newcomer.id]);
  });
});

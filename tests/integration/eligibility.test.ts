import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyEligibility } from '../../app/.server/admin/eligibility';
import { createUserSession } from '../../app/.server/auth/session';
import type { Database } from '../../app/.server/db/connection';
import type { Services } from '../../app/.server/services';
import { getStructureSpace } from '../../app/.server/spaces';
import * as adminRoute from '../../app/routes/admin._index';
import { loader as structureLoader } from '../../app/routes/espace.structure.$organisationId';
import { createStructure, createUser } from '../../prisma/seed/builders';
import { loadCommunes } from '../../prisma/seed/communes';
import { asCurrentUser } from '../support/convention-fixtures';
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

/** The decision emails about one structure: they link to its space. */
const decisionEmails = (organisationId: string) =>
  db.prisma.outboxEmail.findMany({
    where: { template: 'eligibility-decision', text: { contains: `/espace/structure/${organisationId}` } },
    select: { to: true, subject: true, text: true },
    orderBy: { to: 'asc' },
  });

describe('the Mission ESS verifies declared eligibility', () => {
  it('confirms, once; refuses only with a reason; nobody else may', async () => {
    const admin = await asCurrentUser(db, (await createUser(db.prisma, { roles: [{ role: 'MISSION_ESS_ADMIN' }] })).id);
    const declared = await createStructure(db.prisma, { skillsEligibility: 'ARUP' });
    const doubtful = await createStructure(db.prisma, { skillsEligibility: 'INTERET_GENERAL' });
    const member = await asCurrentUser(db, (await createUser(db.prisma, { roles: [{ role: 'STRUCTURE_MEMBER', organisationId: declared.id }] })).id);
    await createUser(db.prisma, { email: 'membre@douteuse.example.org', roles: [{ role: 'STRUCTURE_MEMBER', organisationId: doubtful.id }] });

    expect((await rejection(verifyEligibility(services, member, declared.id, { decision: 'confirm', reason: '' }))).code).toBe('FORBIDDEN');
    await verifyEligibility(services, admin, declared.id, { decision: 'confirm', reason: '' });
    expect(await db.prisma.organisation.findUniqueOrThrow({ where: { id: declared.id } })).toMatchObject({ skillsEligibility: 'ARUP', eligibilityVerifiedBy: admin.id });
    expect((await rejection(verifyEligibility(services, admin, declared.id, { decision: 'confirm', reason: '' }))).message).toContain('déjà été vérifiée');

    expect((await rejection(verifyEligibility(services, admin, doubtful.id, { decision: 'reject', reason: '' }))).fieldErrors.reason).toBeDefined();
    await verifyEligibility(services, admin, doubtful.id, { decision: 'reject', reason: 'Pas de rescrit fiscal fourni' });
    expect(await db.prisma.organisation.findUniqueOrThrow({ where: { id: doubtful.id } })).toMatchObject({ skillsEligibility: 'NONE', eligibilityVerifiedAt: null });
    const audit = await db.prisma.auditLog.findFirstOrThrow({ where: { action: 'eligibility.rejected' } });
    expect(audit.details).toEqual({ declared: 'INTERET_GENERAL', reason: 'Pas de rescrit fiscal fourni' });
    expect((await decisionEmails(declared.id)).map((email) => [email.to, email.subject])).toEqual([[member.email, `Éligibilité confirmée : ${declared.name} peut accueillir des agents du Département`]]);
    expect((await decisionEmails(doubtful.id)).map((email) => [email.to, email.subject])).toEqual([['membre@douteuse.example.org', `Éligibilité non retenue : ${doubtful.name}`]]);
  });
});

describe('the members are told of the decision by email', () => {
  async function structureWithTeam(name: string, skillsEligibility: 'ARUP' | 'FONDATION') {
    const structure = await createStructure(db.prisma, { name, skillsEligibility });
    const slug = name.toLowerCase().replace(/\W+/g, '-');
    for (const [firstName, lastName] of [['Lucie', 'Arnaud'], ['Samir', 'Haddad']] as const) {
      await createUser(db.prisma, { email: `${firstName.toLowerCase()}@${slug}.example.org`, firstName, lastName, roles: [{ role: 'STRUCTURE_MEMBER', organisationId: structure.id }] });
    }
    return structure;
  }

  it('confirmed: every member gets one email, however many times the button is pressed; outsiders get none', async () => {
    const admin = await asCurrentUser(db, (await createUser(db.prisma, { roles: [{ role: 'MISSION_ESS_ADMIN' }] })).id);
    const structure = await structureWithTeam('Atelier Vélo Solidaire', 'ARUP');
    const elsewhere = await createStructure(db.prisma, { skillsEligibility: 'ARUP' });
    await createUser(db.prisma, { email: 'ailleurs@example.org', roles: [{ role: 'STRUCTURE_MEMBER', organisationId: elsewhere.id }] });

    const clicks = await Promise.allSettled([
      verifyEligibility(services, admin, structure.id, { decision: 'confirm', reason: null }),
      verifyEligibility(services, admin, structure.id, { decision: 'confirm', reason: null }),
    ]);
    expect(clicks.map((click) => click.status).sort()).toEqual(['fulfilled', 'rejected']);
    await rejection(verifyEligibility(services, admin, structure.id, { decision: 'confirm', reason: null }));

    const emails = await decisionEmails(structure.id);
    expect(emails.map((email) => email.to)).toEqual(['lucie@atelier-v-lo-solidaire.example.org', 'samir@atelier-v-lo-solidaire.example.org']);
    expect(await db.prisma.outboxEmail.count({ where: { to: 'ailleurs@example.org' } })).toBe(0);
    for (const email of emails) {
      expect(email.subject).toBe('Éligibilité confirmée : Atelier Vélo Solidaire peut accueillir des agents du Département');
      expect(email.text).toContain('Éligibilité déclarée : association reconnue d’utilité publique');
      expect(email.text).toContain(`/espace/structure/${structure.id}`);
    }
    expect(emails[0]?.text).toContain('Bonjour Lucie Arnaud,');
  });

  it('refused: the reason is in every member’s email, sent with the decision; a refused attempt sends nothing', async () => {
    const admin = await asCurrentUser(db, (await createUser(db.prisma, { roles: [{ role: 'MISSION_ESS_ADMIN' }] })).id);
    const structure = await structureWithTeam('Fondation des Cévennes', 'FONDATION');

    await rejection(verifyEligibility(services, admin, structure.id, { decision: 'reject', reason: ' ' }));
    await rejection(verifyEligibility(services, admin, structure.id, { decision: 'peut-être', reason: 'Statuts' }));
    expect(await decisionEmails(structure.id)).toHaveLength(0);

    await verifyEligibility(services, admin, structure.id, { decision: 'reject', reason: 'Il s’agit d’une fondation d’entreprise.' });
    const emails = await decisionEmails(structure.id);
    expect(emails.map((email) => email.to)).toEqual(['lucie@fondation-des-c-vennes.example.org', 'samir@fondation-des-c-vennes.example.org']);
    for (const email of emails) {
      expect(email.subject).toBe('Éligibilité non retenue : Fondation des Cévennes');
      expect(email.text).toContain('Éligibilité déclarée : fondation (autre qu’une fondation d’entreprise)');
      expect(email.text).toContain('Motif :\n\nIl s’agit d’une fondation d’entreprise.');
    }
  });
});

describe('the structure space shows where its eligibility stands', () => {
  it('none declared, awaiting verification, verified on a date, refused with the reason — to members and the Mission ESS', async () => {
    const adminUser = await createUser(db.prisma, { roles: [{ role: 'MISSION_ESS_ADMIN' }] });
    const admin = await asCurrentUser(db, adminUser.id);
    const verifiedLater = createTestServices(db, { now: new Date('2026-12-02T15:00:00Z') }).services;
    const structures = {
      none: await createStructure(db.prisma),
      pending: await createStructure(db.prisma, { skillsEligibility: 'INTERET_GENERAL' }),
      verified: await createStructure(db.prisma, { skillsEligibility: 'ARUP' }),
      refused: await createStructure(db.prisma, { skillsEligibility: 'FONDATION' }),
    };
    await verifyEligibility(verifiedLater, admin, structures.verified.id, { decision: 'confirm', reason: null });
    await verifyEligibility(verifiedLater, admin, structures.refused.id, { decision: 'reject', reason: 'Les statuts fournis sont ceux d’une fondation d’entreprise.' });

    const statusOf = async (id: string) => (await getStructureSpace(services, admin, id)).eligibility;
    expect(await statusOf(structures.none.id)).toEqual({ status: 'NONE' });
    expect(await statusOf(structures.pending.id)).toEqual({
      status: 'PENDING',
      declared: 'organisme d’intérêt général au sens de l’article 238 bis, 1, a du code général des impôts',
    });
    expect(await statusOf(structures.verified.id)).toEqual({ status: 'VERIFIED', declared: 'association reconnue d’utilité publique', verifiedAt: new Date('2026-12-02T15:00:00Z') });
    expect(await statusOf(structures.refused.id)).toEqual({
      status: 'REFUSED',
      declared: 'fondation (autre qu’une fondation d’entreprise)',
      reason: 'Les statuts fournis sont ceux d’une fondation d’entreprise.',
      refusedAt: new Date('2026-12-02T15:00:00Z'),
    });

    // What a member's page loads.
    const member = await createUser(db.prisma, { roles: [{ role: 'STRUCTURE_MEMBER', organisationId: structures.refused.id }] });
    const loaded = (await structureLoader({
      request: requestWithCookie(`/espace/structure/${structures.refused.id}`, await createUserSession(services, member.id)),
      context: { services, clientIp: '127.0.0.1' },
      params: { organisationId: structures.refused.id },
    })) as { organisation: { eligibility: { status: string; reason?: string } } };
    expect(loaded.organisation.eligibility).toMatchObject({ status: 'REFUSED', reason: 'Les statuts fournis sont ceux d’une fondation d’entreprise.' });
  });
});

describe('the Mission ESS page', () => {
  it('answers bad input with 400, other people with 403, in French, and emails nobody', async () => {
    const admin = await createUser(db.prisma, { roles: [{ role: 'MISSION_ESS_ADMIN' }] });
    const structure = await createStructure(db.prisma, { skillsEligibility: 'ARUP' });
    const member = await createUser(db.prisma, { roles: [{ role: 'STRUCTURE_MEMBER', organisationId: structure.id }] });
    const post = async (userId: string, fields: Record<string, string>) =>
      (await adminRoute.action({
        request: requestWithCookie('/admin', await createUserSession(services, userId), { method: 'POST', body: new URLSearchParams(fields) }),
        context: { services, clientIp: '127.0.0.1' },
        params: {},
      })) as { init: { status: number }; data: { formError: string; fieldErrors: Record<string, string[]> } };

    const noReason = await post(admin.id, { organisationId: structure.id, decision: 'reject', reason: '' });
    expect(noReason.init.status).toBe(400);
    expect(noReason.data).toMatchObject({ formError: 'Indiquez le motif de votre décision.', fieldErrors: { reason: ['Indiquez le motif (3 caractères au moins).'] } });
    const badDecision = await post(admin.id, { organisationId: structure.id, decision: 'valider' });
    expect(badDecision.init.status).toBe(400);
    expect(badDecision.data.formError).toBe('Choisissez de confirmer ou de refuser l’éligibilité.');
    const byMember = await post(member.id, { organisationId: structure.id, decision: 'confirm' });
    expect(byMember.init.status).toBe(403);
    expect(byMember.data.formError).toBe('Vous n\'avez pas accès à cette page.');
    expect(await db.prisma.organisation.findUniqueOrThrow({ where: { id: structure.id } })).toMatchObject({ skillsEligibility: 'ARUP', eligibilityVerifiedAt: null });
    expect(await decisionEmails(structure.id)).toHaveLength(0);

    expect(await post(admin.id, { organisationId: structure.id, decision: 'confirm' })).toEqual({ ok: true, message: 'Éligibilité confirmée.' });
    expect((await decisionEmails(structure.id)).map((email) => email.to)).toEqual([member.email]);
  });
});

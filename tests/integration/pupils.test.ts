import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserSession } from '../../app/.server/auth/session';
import { placePupils } from '../../app/.server/conventions/pupils';
import type { Database } from '../../app/.server/db/connection';
import { acceptMatch, proposeMatch } from '../../app/.server/matching/match-decisions';
import { deletePupil, importPupils, listPupils } from '../../app/.server/pupils/pupils';
import type { Services } from '../../app/.server/services';
import { action as collegeAction, loader as collegeLoader } from '../../app/routes/espace.college.$organisationId';
import { createCollege, createUser } from '../../prisma/seed/builders';
import { asCurrentUser, conventionParties } from '../support/convention-fixtures';
import { statusOf } from '../support/route-calls';
import { createTestDatabase } from '../support/test-database';
import { createTestServices, requestWithCookie } from '../support/test-services';
import { rejection } from '../support/rejection';

let db: Database;
let services: Services;
let parties: Awaited<ReturnType<typeof conventionParties>>;
const cookies: Record<string, string> = {};

const HEADER = 'Nom;Prénom;Classe;Date de naissance;E-mail du représentant légal';
const file = (text: string) => ({ text, size: Buffer.byteLength(text) });

beforeAll(async () => {
  db = await createTestDatabase();
  services = createTestServices(db).services;
  parties = await conventionParties(db, new Date('2026-11-28T10:00:00Z'));
  const otherCollege = await createCollege(db.prisma, { name: 'Collège voisin' });
  const otherStaff = await createUser(db.prisma, { roles: [{ role: 'COLLEGE_STAFF', organisationId: otherCollege.id }] });
  for (const [name, id] of Object.entries({ principal: parties.principal.id, otherStaff: otherStaff.id, admin: parties.admin.id, host: parties.hostMember.id })) {
    cookies[name] = await createUserSession(services, id);
  }
});
afterAll(() => db.close());

describe('importing a class list', () => {
  it('imports nothing when one line is wrong, and says which', async () => {
    const principal = await asCurrentUser(db, parties.principal.id);
    const before = await db.prisma.pupil.count();
    const error = await rejection(
      importPupils(services, principal, parties.college.id, file(`${HEADER}\nRoux;Jade;3e B;02/05/2012;roux@example.org\nFabre;Hugo;3e B;2012-02-30;fabre@example.org\n`)),
    );
    expect(error.message).toBe('Aucun élève importé : 1 ligne(s) à corriger.');
    expect(error.fieldErrors.file).toEqual(['Ligne 3 : date de naissance invalide (« 2012-02-30 », attendu JJ/MM/AAAA).']);
    expect(await db.prisma.pupil.count()).toBe(before);
  });

  it('imports a correct file, and refuses a pupil already on the list', async () => {
    const principal = await asCurrentUser(db, parties.principal.id);
    const done = await importPupils(services, principal, parties.college.id, file(`${HEADER}\nRoux;Jade;3e B;02/05/2012;roux@example.org\nFabre;Hugo;3e B;14/09/2011;fabre@example.org\n`));
    expect(done).toEqual({ imported: 2 });
    const again = await rejection(importPupils(services, principal, parties.college.id, file(`${HEADER}\nROUX;jade;3e C;2012-05-02;autre@example.org\n`)));
    expect(again.fieldErrors.file).toEqual(['Ligne 2 : jade ROUX figure déjà dans la liste du collège.']);
    expect(await db.prisma.pupil.count({ where: { collegeId: parties.college.id } })).toBe(3);
  });

  it('is for the collège’s own staff only: not another collège, not a structure, not even the Mission ESS', async () => {
    const path = `/espace/college/${parties.college.id}`;
    const params = { organisationId: parties.college.id };
    expect(await statusOf(collegeLoader, services, requestWithCookie(path, cookies.principal ?? null), params)).toBe(200);
    // The Mission ESS reads the collège's needs, but the loader gives it no pupil.
    const asAdmin = (await collegeLoader({ request: requestWithCookie(path, cookies.admin ?? null), context: { services, clientIp: '127.0.0.1' }, params })) as { pupils: unknown };
    expect(asAdmin.pupils).toBeNull();
    for (const who of ['otherStaff', 'host', 'admin']) {
      if (who !== 'admin') expect(await statusOf(collegeLoader, services, requestWithCookie(path, cookies[who] ?? null), params)).toBe(403);
      const form = new FormData();
      form.set('intent', 'import');
      form.set('file', new File([`${HEADER}\nIntrus;Jean;3e A;01/01/2012;intrus@example.org\n`], 'eleves.csv', { type: 'text/csv' }));
      const result = (await collegeAction({ request: requestWithCookie(path, cookies[who] ?? null, { method: 'POST', body: form }), context: { services, clientIp: '127.0.0.1' }, params })) as { init?: { status?: number } };
      expect(result.init?.status).toBe(403);
    }
    expect(await db.prisma.pupil.count({ where: { lastName: 'Intrus' } })).toBe(0);
  });
});

describe('removing a pupil', () => {
  it('cancels their drafts with them, but keeps a convention sent for signature until it is cancelled', async () => {
    const principal = await asCurrentUser(db, parties.principal.id);
    const host = await asCurrentUser(db, parties.hostMember.id);
    const { matchId } = await proposeMatch(services, principal, { needId: parties.internshipNeed.id, offerId: parties.internshipOffer.id });
    await acceptMatch(services, host, matchId);
    const jade = await db.prisma.pupil.findFirstOrThrow({ where: { lastName: 'Roux' } });
    const [draftId] = await placePupils(services, principal, matchId, { pupilIds: [jade.id] });
    await deletePupil(services, principal, parties.college.id, jade.id);
    expect(await db.prisma.pupil.findUnique({ where: { id: jade.id } })).toBeNull();
    expect(await db.prisma.convention.findUniqueOrThrow({ where: { id: draftId ?? '' } })).toMatchObject({ status: 'CANCELLED', pupilId: null });

    await db.prisma.convention.updateMany({ where: { pupilId: parties.pupil.id }, data: { status: 'CANCELLED' } });
    const [sentId] = await placePupils(services, principal, matchId, { pupilIds: [parties.pupil.id] });
    await db.prisma.convention.update({ where: { id: sentId ?? '' }, data: { status: 'READY_TO_SIGN' } });
    const refused = await rejection(deletePupil(services, principal, parties.college.id, parties.pupil.id));
    expect(refused.message).toContain('annulez-la d’abord');
    expect(await db.prisma.pupil.findUnique({ where: { id: parties.pupil.id } })).not.toBeNull();
  });
});

describe('searching the collège’s list', () => {
  it('finds pupils by name either way round or by class, whatever the accents and case, page by page', async () => {
    const college = await createCollege(db.prisma, { name: 'Collège des Cévennes' });
    const staff = await asCurrentUser(db, (await createUser(db.prisma, { roles: [{ role: 'COLLEGE_STAFF', organisationId: college.id }] })).id);
    const pupil = (lastName: string, firstName: string, className: string) => ({
      collegeId: college.id,
      lastName,
      firstName,
      className,
      birthDate: new Date('2012-03-01'),
      legalRepEmail: 'famille@example.org',
    });
    await db.prisma.pupil.createMany({
      data: [
        pupil('Lefèvre', 'Éloïse', '3e A'),
        pupil('LEFEVRE', 'Noé', '4e C'),
        pupil('Martin', 'Inès', '3e B'),
        pupil('Bœuf', 'Chloé', '3e B'),
        pupil('Saint-Exupéry', 'Zoé', '3e C'),
        ...Array.from({ length: 52 }, (_, index) => pupil('Durand', `Camille ${index + 1}`, '5e D')),
      ],
    });
    await db.prisma.pupil.create({ data: { ...pupil('Lefèvre', 'Ancienne', '3e A'), anonymisedAt: new Date('2026-09-01') } });
    const names = async (search: string) => {
      const { pupils } = await listPupils(services, staff, college.id, { page: 1, search });
      return pupils.map((p) => `${p.firstName} ${p.lastName}`);
    };

    expect(await names('lefevre')).toEqual(['Éloïse Lefèvre', 'Noé LEFEVRE']);
    expect(await names('  ÉLOÏSE ')).toEqual(['Éloïse Lefèvre']);
    expect(await names('Inès Martin')).toEqual(['Inès Martin']);
    expect(await names('martin ines')).toEqual(['Inès Martin']);
    expect(await names('boeuf')).toEqual(['Chloé Bœuf']);
    expect(await names('saint exupery')).toEqual(['Zoé Saint-Exupéry']);
    expect(await names('3E b')).toEqual(['Chloé Bœuf', 'Inès Martin']);

    const nobody = await listPupils(services, staff, college.id, { page: 1, search: 'Zyx' });
    expect(nobody).toMatchObject({ total: 57, found: 0, pageCount: 1, pupils: [] });
    const classD = await listPupils(services, staff, college.id, { page: 1, search: '5e d' });
    expect(classD).toMatchObject({ total: 57, found: 52, pageCount: 2 });
    expect(classD.pupils).toHaveLength(50);
    const secondPage = await listPupils(services, staff, college.id, { page: 2, search: '5e d' });
    expect(secondPage.pupils).toHaveLength(2);
    expect(new Set([...classD.pupils, ...secondPage.pupils].map((p) => p.id)).size).toBe(52);
    expect(await listPupils(services, staff, college.id, { page: 1, search: '' })).toMatchObject({ total: 57, found: 57, pageCount: 2 });

    // The page reads the search from its address, as the GET form (without JavaScript) and the page links send it.
    const path = `/espace/college/${college.id}?q=${encodeURIComponent('Éloïse')}&page=1`;
    const page = (await collegeLoader({ request: requestWithCookie(path, await createUserSession(services, staff.id)), context: { services, clientIp: '127.0.0.1' }, params: { organisationId: college.id } })) as {
      search: string;
      pupils: { found: number; pupils: { firstName: string }[] };
    };
    expect(page.search).toBe('Éloïse');
    expect(page.pupils.found).toBe(1);
    expect(page.pupils.pupils.map((p) => p.firstName)).toEqual(['Éloïse']);
  });
});

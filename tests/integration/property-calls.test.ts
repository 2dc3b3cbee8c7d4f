import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserSession } from '../../app/.server/auth/session';
import type { CurrentUser } from '../../app/.server/auth/session';
import type { Database } from '../../app/.server/db/connection';
import { embedPending } from '../../app/.server/matching/embedding-store';
import { acceptMatch, occupationCallStatus, proposeMatch } from '../../app/.server/matching/match-decisions';
import { acceptApplication, callView, closeCall, openCall, recordDecision } from '../../app/.server/properties/calls';
import type { Services } from '../../app/.server/services';
import { action as callAction, loader as callLoader } from '../../app/routes/patrimoine.appels.$offerId';
import { createCollege, createCouncilService, createPropertyOffer, createSpaceNeed, createStructure, createUser } from '../../prisma/seed/builders';
import { loadCommunes } from '../../prisma/seed/communes';
import { asCurrentUser } from '../support/convention-fixtures';
import { rejection } from '../support/rejection';
import { statusOf } from '../support/route-calls';
import { createTestDatabase } from '../support/test-database';
import { createTestServices, requestWithCookie } from '../support/test-services';

const NOW = new Date('2026-11-28T10:00:00Z');
let db: Database;
let services: Services;
let clock: ReturnType<typeof createTestServices>['clock'];
const ids: Record<string, string> = {};
const users: Record<string, CurrentUser> = {};
const cookies: Record<string, string | null> = { anonymous: null };
const matches: Record<string, string> = {};

const id = (name: string) => ids[name] ?? '';
const property = () => db.prisma.propertyOffer.findUniqueOrThrow({ where: { offerId: id('property') } });

beforeAll(async () => {
  db = await createTestDatabase();
  ({ services, clock } = createTestServices(db, { now: NOW }));
  await loadCommunes(db.prisma);
  const p = db.prisma;
  const service = await createCouncilService(p, { name: 'Direction de l’immobilier' });
  const otherService = await createCouncilService(p, { name: 'Direction des routes' });
  const recyclerie = await createStructure(p, { name: 'La Recyclerie nîmoise' });
  const partner = await createStructure(p, { name: 'Vélo solidaire' });
  const chorale = await createStructure(p, { name: 'Chorale des Garrigues' });
  const banque = await createStructure(p, { name: 'Banque alimentaire du Gard' });
  const college = await createCollege(p, { name: 'Collège Feuchères' });
  const people = {
    manager: await createUser(p, { email: 'patrimoine@gard.fr', firstName: 'Hélène', lastName: 'Bâti', roles: [{ role: 'PROPERTY_MANAGER', organisationId: service.id }] }),
    otherManager: await createUser(p, { email: 'routes@gard.fr', roles: [{ role: 'PROPERTY_MANAGER', organisationId: otherService.id }] }),
    admin: await createUser(p, { email: 'mission@gard.fr', roles: [{ role: 'MISSION_ESS_ADMIN' }] }),
    recyclerie: await createUser(p, { email: 'contact@recyclerie.example.org', firstName: 'Samir', lastName: 'Haddad', roles: [{ role: 'STRUCTURE_MEMBER', organisationId: recyclerie.id }] }),
    partner: await createUser(p, { email: 'contact@velo.example.org', roles: [{ role: 'STRUCTURE_MEMBER', organisationId: partner.id }] }),
    chorale: await createUser(p, { email: 'contact@chorale.example.org', firstName: 'Inès', lastName: 'Roux', roles: [{ role: 'STRUCTURE_MEMBER', organisationId: chorale.id }] }),
    banque: await createUser(p, { email: 'contact@banque.example.org', roles: [{ role: 'STRUCTURE_MEMBER', organisationId: banque.id }] }),
    college: await createUser(p, { email: 'principal@college.example.org', roles: [{ role: 'COLLEGE_STAFF', organisationId: college.id }] }),
  };
  const offer = await createPropertyOffer(p, {
    ownerId: people.manager.id,
    organisationId: service.id,
    title: 'Ancien centre technique de Nîmes',
    description: 'Grand bâtiment de plain-pied : ateliers, bureaux et stockage, cour fermée.',
    surfaceM2: 300,
    stepFreeAccess: true,
  });
  const otherOffer = await createPropertyOffer(p, {
    ownerId: people.manager.id,
    organisationId: service.id,
    title: 'Ancienne école du quartier Richelieu',
    description: 'Salles de classe et préau, accessibles de plain-pied.',
    surfaceM2: 200,
  });
  const untouched = await createPropertyOffer(p, { ownerId: people.manager.id, organisationId: service.id, title: 'Entrepôt de la route d’Alès' });
  const invited = await createPropertyOffer(p, { ownerId: people.manager.id, organisationId: service.id, title: 'Maison du garde-barrière' });
  const need = (ownerId: string, organisationId: string, title: string, minSurfaceM2: number, extra: { intendedUse?: string; memberIds?: string[] } = {}) =>
    createSpaceNeed(p, { ownerId, organisationId, title, description: `${title} à Nîmes`, minSurfaceM2, ...extra });
  const recyclerieNeed = await need(people.recyclerie.id, recyclerie.id, 'Atelier et boutique de la recyclerie', 120, {
    intendedUse: 'Réparation d’objets et boutique solidaire',
    memberIds: [partner.id],
  });
  const choraleNeed = await need(people.chorale.id, chorale.id, 'Salle de répétition pour la chorale', 100);
  const banqueNeed = await need(people.banque.id, banque.id, 'Stockage pour la banque alimentaire', 80);
  await embedPending(services);
  Object.assign(ids, { property: offer.id, otherProperty: otherOffer.id, untouched: untouched.id, invited: invited.id, recyclerieNeed: recyclerieNeed.id, choraleNeed: choraleNeed.id, banqueNeed: banqueNeed.id });
  for (const [name, user] of Object.entries(people)) {
    users[name] = await asCurrentUser(db, user.id);
    cookies[name] = await createUserSession(services, user.id);
  }
});
afterAll(() => db.close());

const who = (name: string) => users[name] as CurrentUser;

describe('the state of a call', () => {
  it('is open through its deadline day, closed after it or once closed early, and not open before it is opened', () => {
    const deadline = new Date('2026-12-15T00:00:00Z');
    expect(occupationCallStatus({ callOpenedAt: null, callDeadline: deadline, callClosedAt: null }, '2026-11-28')).toBe('NOT_OPEN');
    expect(occupationCallStatus({ callOpenedAt: NOW, callDeadline: deadline, callClosedAt: null }, '2026-12-15')).toBe('OPEN');
    expect(occupationCallStatus({ callOpenedAt: NOW, callDeadline: deadline, callClosedAt: null }, '2026-12-16')).toBe('CLOSED');
    expect(occupationCallStatus({ callOpenedAt: NOW, callDeadline: deadline, callClosedAt: NOW }, '2026-11-28')).toBe('CLOSED');
  });
});

describe('a call for occupation, from opening to the convention', () => {
  it('refuses a missing, impossible or past deadline in French, and changes nothing', async () => {
    const cases: [unknown, string][] = [
      ['', 'Date limite : indiquez une date.'],
      [null, 'Date limite : indiquez une date.'],
      ['2027-02-30', 'Date limite : date invalide (AAAA-MM-JJ).'],
      ['2026-11-28', 'Date limite : choisissez une date postérieure à aujourd’hui.'],
    ];
    for (const [deadline, message] of cases) {
      const error = await rejection(openCall(services, who('manager'), id('property'), { deadline }));
      expect(error.code).toBe('VALIDATION');
      expect(error.fieldErrors.deadline).toEqual([message]);
    }
    expect(await property()).toMatchObject({ callOpenedAt: null, callDeadline: null, callClosedAt: null });
    expect((await rejection(closeCall(services, who('manager'), id('property'), { reason: null }))).code).toBe('CONFLICT');
  });

  it('opens the call until a future date; the page says so and has no application yet', async () => {
    expect(await openCall(services, who('manager'), id('property'), { deadline: '2026-12-15' })).toEqual({ change: 'opened', deadline: '2026-12-15' });
    expect(await property()).toMatchObject({ callOpenedAt: NOW, callDeadline: new Date('2026-12-15T00:00:00Z'), callClosedAt: null });
    const view = await callView(services, who('manager'), id('property'));
    expect(view.call).toEqual({ status: 'OPEN', deadline: '2026-12-15', openedOn: '2026-11-28', closedEarlyOn: null });
    expect(view.applications).toEqual([]);
    expect(view.may).toEqual({ open: true, close: true, decide: false });
    expect(await db.prisma.auditLog.count({ where: { action: 'property_call.opened', targetId: id('property') } })).toBe(1);
  });

  it('lists the applications with the applicant, the grouping members, the intended use, the surface and the reasons', async () => {
    matches.recyclerie = (await proposeMatch(services, who('recyclerie'), { needId: id('recyclerieNeed'), offerId: id('property') })).matchId;
    matches.chorale = (await proposeMatch(services, who('chorale'), { needId: id('choraleNeed'), offerId: id('property') })).matchId;
    const { applications } = await callView(services, who('manager'), id('property'));
    expect(applications).toHaveLength(2);
    const recyclerie = applications.find((application) => application.matchId === matches.recyclerie);
    expect(recyclerie).toMatchObject({
      status: 'ACCEPTED_BY_NEED',
      needTitle: 'Atelier et boutique de la recyclerie',
      lead: 'La Recyclerie nîmoise',
      members: ['Vélo solidaire'],
      intendedUse: 'Réparation d’objets et boutique solidaire',
      minSurfaceM2: 120,
      chosen: false,
      mayAccept: false,
    });
    expect(recyclerie?.score).toBeGreaterThan(0);
    expect(recyclerie?.explanation.length).toBeGreaterThanOrEqual(2);
    expect(applications.find((application) => application.matchId === matches.chorale)).toMatchObject({ lead: 'Chorale des Garrigues', members: [], intendedUse: null });
  });

  it('suggests a grouping of the published space needs that fit together, led by the largest, and says who applied', async () => {
    const { grouping } = await callView(services, who('manager'), id('property'));
    expect(grouping?.needs.map((need) => [need.title, need.lead, need.applied])).toEqual([
      ['Atelier et boutique de la recyclerie', true, true],
      ['Salle de répétition pour la chorale', false, true],
      ['Stockage pour la banque alimentaire', false, false],
    ]);
    expect(grouping?.needs[2]).toMatchObject({ organisation: 'Banque alimentaire du Gard', minSurfaceM2: 80 });
    expect(grouping?.reasons[1]).toContain('chef de file proposé : « Atelier et boutique de la recyclerie »');
  });

  it('keeps the property service from proposing its property directly during the call', async () => {
    const error = await rejection(proposeMatch(services, who('manager'), { needId: id('banqueNeed'), offerId: id('property') }));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain('appel à occupation');
    expect(await db.prisma.match.count({ where: { needId: id('banqueNeed') } })).toBe(0);
  });

  it('refuses to accept an application, or to record a decision, before the elected officials decided and the call closed', async () => {
    const accepting = await rejection(acceptMatch(services, who('manager'), matches.recyclerie ?? ''));
    expect(accepting.code).toBe('CONFLICT');
    expect(accepting.message).toContain('Enregistrez d’abord la décision des élus');
    const early = await rejection(
      recordDecision(services, who('manager'), id('property'), matches.recyclerie ?? '', { body: 'Commission permanente', decidedOn: '2026-11-28', reference: 'CP-2026-11-042' }),
    );
    expect(early.code).toBe('CONFLICT');
    expect(early.message).toContain('encore ouvert');
    expect(await db.prisma.match.findUniqueOrThrow({ where: { id: matches.recyclerie } })).toMatchObject({ status: 'ACCEPTED_BY_NEED' });
    expect(await db.prisma.convention.count()).toBe(0);
  });

  it('closes the call early with its reason kept; closing twice is refused', async () => {
    clock.set(new Date('2026-12-02T09:00:00Z'));
    await closeCall(services, who('manager'), id('property'), { reason: 'Assez de candidatures pour la commission de décembre' });
    expect((await callView(services, who('manager'), id('property'))).call).toMatchObject({ status: 'CLOSED', closedEarlyOn: '2026-12-02' });
    const audit = await db.prisma.auditLog.findFirstOrThrow({ where: { action: 'property_call.closed', targetId: id('property') } });
    expect(audit.details).toEqual({ reason: 'Assez de candidatures pour la commission de décembre' });
    expect((await rejection(closeCall(services, who('manager'), id('property'), { reason: '' }))).message).toBe('Cet appel à occupation est déjà clos.');
  });

  it('refuses a new application once the call is closed', async () => {
    const error = await rejection(proposeMatch(services, who('banque'), { needId: id('banqueNeed'), offerId: id('property') }));
    expect(error).toMatchObject({ code: 'CONFLICT', message: 'L’appel à occupation de ce bien est clos : il n’est plus possible de candidater.' });
    expect(await db.prisma.match.count({ where: { needId: id('banqueNeed') } })).toBe(0);
  });

  it('receives applications through the deadline day and refuses them the day after', async () => {
    clock.set(NOW);
    await openCall(services, who('manager'), id('otherProperty'), { deadline: '2026-12-01' });
    clock.set(new Date('2026-12-01T22:00:00Z'));
    matches.otherChorale = (await proposeMatch(services, who('chorale'), { needId: id('choraleNeed'), offerId: id('otherProperty') })).matchId;
    clock.set(new Date('2026-12-02T08:00:00Z'));
    expect((await rejection(proposeMatch(services, who('banque'), { needId: id('banqueNeed'), offerId: id('otherProperty') }))).code).toBe('CONFLICT');
    expect((await callView(services, who('manager'), id('otherProperty'))).call).toMatchObject({ status: 'CLOSED', closedEarlyOn: null });
  });

  it('refuses a decision with missing, future or impossible fields, or for an application of another call, and records nothing', async () => {
    const bad = await rejection(recordDecision(services, who('manager'), id('property'), matches.recyclerie ?? '', { body: ' ', decidedOn: '2026-12-03', reference: '' }));
    expect(bad.code).toBe('VALIDATION');
    expect(bad.fieldErrors).toEqual({
      body: ['Instance : indiquez qui a décidé (par exemple « Commission permanente »).'],
      decidedOn: ['Date de la décision : elle ne peut pas être dans le futur.'],
      reference: ['Numéro de la délibération : obligatoire.'],
    });
    const beforeOpening = await rejection(
      recordDecision(services, who('manager'), id('property'), matches.recyclerie ?? '', { body: 'Commission permanente', decidedOn: '2026-11-27', reference: 'CP-42' }),
    );
    expect(beforeOpening.fieldErrors.decidedOn?.[0]).toContain('ne peut précéder l’ouverture de l’appel, le 28 novembre 2026');
    const elsewhere = await rejection(
      recordDecision(services, who('manager'), id('property'), matches.otherChorale ?? '', { body: 'Commission permanente', decidedOn: '2026-12-02', reference: 'CP-42' }),
    );
    expect(elsewhere.code).toBe('NOT_FOUND');
    expect(await db.prisma.occupationDecision.count()).toBe(0);
  });

  it('records the decision, declines the other applications and tells every applicant by email', async () => {
    await db.prisma.outboxEmail.deleteMany();
    const result = await recordDecision(services, who('manager'), id('property'), matches.recyclerie ?? '', {
      body: 'Commission permanente du Conseil départemental',
      decidedOn: '2026-12-02',
      reference: 'CP-2026-12-017',
      notes: 'Occupation de trois ans',
    });
    expect(result.declined).toBe(1);
    expect(await db.prisma.occupationDecision.findUniqueOrThrow({ where: { matchId: matches.recyclerie } })).toMatchObject({
      offerId: id('property'),
      body: 'Commission permanente du Conseil départemental',
      decidedOn: new Date('2026-12-02T00:00:00Z'),
      reference: 'CP-2026-12-017',
      notes: 'Occupation de trois ans',
      recordedById: who('manager').id,
    });
    expect(await db.prisma.match.findUniqueOrThrow({ where: { id: matches.chorale } })).toMatchObject({ status: 'DECLINED' });
    const change = await db.prisma.matchStatusChange.findFirstOrThrow({ where: { matchId: matches.chorale, to: 'DECLINED' } });
    expect(change.reason).toContain('délibération n° CP-2026-12-017');
    expect(await db.prisma.match.findUniqueOrThrow({ where: { id: matches.recyclerie } })).toMatchObject({ status: 'ACCEPTED_BY_NEED' });
    expect(await db.prisma.auditLog.count({ where: { action: 'property_call.decision_recorded', targetId: id('property') } })).toBe(1);

    const emails = await db.prisma.outboxEmail.findMany({ orderBy: { to: 'asc' } });
    expect(emails.map((email) => [email.to, email.template, email.subject])).toEqual([
      ['contact@chorale.example.org', 'occupation-call-result', 'Appel à occupation : « Ancien centre technique de Nîmes », candidature non retenue'],
      ['contact@recyclerie.example.org', 'occupation-call-result', 'Appel à occupation : votre candidature est retenue pour « Ancien centre technique de Nîmes »'],
    ]);
    const [toChorale, toRecyclerie] = emails;
    expect(toChorale?.text).toContain('Bonjour Inès Roux,');
    expect(toChorale?.text).toContain('Votre candidature « Salle de répétition pour la chorale » à l’appel à occupation du bien « Ancien centre technique de Nîmes » n’a pas été retenue');
    expect(toChorale?.text).not.toContain('Recyclerie');
    expect(toRecyclerie?.text).toContain('Commission permanente du Conseil départemental');
    expect(toRecyclerie?.text).toContain('2 décembre 2026');
    expect(toRecyclerie?.text).toContain('n° CP-2026-12-017');
    expect(toRecyclerie?.text).toContain(`/mises-en-relation/${matches.recyclerie}`);
  });

  it('refuses a second decision for the call, and reopening it', async () => {
    const second = await rejection(
      recordDecision(services, who('manager'), id('property'), matches.chorale ?? '', { body: 'Commission permanente', decidedOn: '2026-12-02', reference: 'CP-2026-12-018' }),
    );
    expect(second.code).toBe('CONFLICT');
    expect(second.message).toContain('Une décision est déjà enregistrée');
    expect((await rejection(openCall(services, who('manager'), id('property'), { deadline: '2027-01-15' }))).code).toBe('CONFLICT');
    expect(await db.prisma.occupationDecision.count()).toBe(1);
    expect((await property()).callClosedAt).not.toBeNull();
  });

  it('accepts the chosen application, which drafts the occupation convention', async () => {
    const view = await callView(services, who('manager'), id('property'));
    expect(view.applications.filter((application) => application.mayAccept).map((application) => application.matchId)).toEqual([matches.recyclerie]);
    expect(view.may).toEqual({ open: false, close: false, decide: false });
    const { conventionIds } = await acceptApplication(services, who('manager'), id('property'), matches.recyclerie ?? '');
    expect(conventionIds).toHaveLength(1);
    expect(await db.prisma.convention.findUniqueOrThrow({ where: { id: conventionIds?.[0] } })).toMatchObject({ kind: 'LIEU', matchId: matches.recyclerie, status: 'DRAFT' });
    expect(await db.prisma.match.findUniqueOrThrow({ where: { id: matches.recyclerie } })).toMatchObject({ status: 'ACCEPTED' });
  });

  it('lets a proposal the property service made before opening a call succeed only through the officials’ decision', async () => {
    const { matchId } = await proposeMatch(services, who('manager'), { needId: id('banqueNeed'), offerId: id('invited') });
    await openCall(services, who('manager'), id('invited'), { deadline: '2026-12-20' });
    const error = await rejection(proposeMatch(services, who('banque'), { needId: id('banqueNeed'), offerId: id('invited') }));
    expect(error).toMatchObject({ code: 'CONFLICT', message: 'Ce bien fait l’objet d’un appel à occupation : seule la candidature retenue par la décision des élus peut aboutir.' });
    expect(await db.prisma.match.findUniqueOrThrow({ where: { id: matchId } })).toMatchObject({ status: 'ACCEPTED_BY_OFFER' });
  });

  it('leaves properties without a call as before: a direct proposal and acceptance draft the convention', async () => {
    const { matchId } = await proposeMatch(services, who('banque'), { needId: id('banqueNeed'), offerId: id('untouched') });
    expect((await acceptMatch(services, who('manager'), matchId)).conventionIds).toHaveLength(1);
  });
});

describe('who may see and run a call', () => {
  it('only the property service runs it; the Mission ESS reads it; structures, other services and collèges are refused', async () => {
    const view = await callView(services, who('admin'), id('property'));
    expect(view.may).toEqual({ open: false, close: false, decide: false });
    expect(view.applications.every((application) => !application.mayAccept)).toBe(true);
    for (const name of ['recyclerie', 'otherManager', 'college']) {
      expect((await rejection(callView(services, who(name), id('property')))).code).toBe('FORBIDDEN');
    }
    for (const name of ['admin', 'otherManager', 'chorale']) {
      expect((await rejection(openCall(services, who(name), id('otherProperty'), { deadline: '2027-01-15' }))).code).toBe('FORBIDDEN');
      expect((await rejection(closeCall(services, who(name), id('otherProperty'), { reason: '' }))).code).toBe('FORBIDDEN');
      expect(
        (await rejection(recordDecision(services, who(name), id('otherProperty'), matches.otherChorale ?? '', { body: 'Commission permanente', decidedOn: '2026-12-02', reference: 'CP-1' }))).code,
      ).toBe('FORBIDDEN');
    }
    expect((await rejection(callView(services, who('manager'), 'inconnu'))).code).toBe('NOT_FOUND');
    expect(await db.prisma.occupationDecision.count({ where: { offerId: id('otherProperty') } })).toBe(0);
  });

  it('the page answers each person with the right status', async () => {
    const expected: Record<string, number> = { manager: 200, admin: 200, recyclerie: 403, otherManager: 403, college: 403, anonymous: 302 };
    for (const [name, status] of Object.entries(expected)) {
      const request = requestWithCookie(`/patrimoine/appels/${id('property')}`, cookies[name] ?? null);
      expect([name, await statusOf(callLoader, services, request, { offerId: id('property') })]).toEqual([name, status]);
    }
  });
});

describe('the page’s forms answer bad input in French and change nothing', () => {
  type Failure = { init: { status?: number } | null; data: { ok: false; form: string; formError: string; fieldErrors: Record<string, string[]> } };
  type Success = { ok: true; form: string; message: string };
  const post = async (name: string, offerId: string, fields: Record<string, string>) => {
    const request = requestWithCookie(`/patrimoine/appels/${offerId}`, cookies[name] ?? null, { method: 'POST', body: new URLSearchParams(fields) });
    const result = (await callAction({ request, context: { services, clientIp: '127.0.0.1' }, params: { offerId } })) as Failure | Success;
    return 'init' in result ? { status: result.init?.status ?? 200, body: result.data } : { status: 200, body: result };
  };

  it('a deadline that is not a date, or an unknown action, is a 400', async () => {
    const opening = await post('manager', id('untouched'), { intent: 'open', deadline: 'demain' });
    expect(opening.status).toBe(400);
    expect(opening.body).toMatchObject({ form: 'open', fieldErrors: { deadline: ['Date limite : date invalide (AAAA-MM-JJ).'] } });
    expect((await post('manager', id('untouched'), { intent: 'détruire' })).status).toBe(400);
    expect(await db.prisma.propertyOffer.findUniqueOrThrow({ where: { offerId: id('untouched') } })).toMatchObject({ callOpenedAt: null, callDeadline: null });
  });

  it('a decision with empty fields is a 400 naming the application’s form, with nothing recorded', async () => {
    const { status, body } = await post('manager', id('otherProperty'), { intent: 'decide', matchId: matches.otherChorale ?? '', body: '', decidedOn: '', reference: '' });
    expect(status).toBe(400);
    expect(body).toMatchObject({ ok: false, form: `decide-${matches.otherChorale}` });
    const fieldErrors = body && !body.ok ? body.fieldErrors : {};
    expect(Object.keys(fieldErrors).sort()).toEqual(['body', 'decidedOn', 'reference']);
    expect(fieldErrors.decidedOn).toEqual(['Date de la décision : indiquez une date.']);
    expect(await db.prisma.occupationDecision.count({ where: { offerId: id('otherProperty') } })).toBe(0);
  });

  it('a structure forging the form is refused; the property service opens the call through it', async () => {
    expect((await post('chorale', id('untouched'), { intent: 'open', deadline: '2027-01-31' })).status).toBe(403);
    const opened = await post('manager', id('untouched'), { intent: 'open', deadline: '2027-01-31' });
    expect(opened).toEqual({ status: 200, body: { ok: true, form: 'open', message: 'Appel à occupation ouvert jusqu’au 31 janvier 2027 inclus.' } });
    expect((await db.prisma.propertyOffer.findUniqueOrThrow({ where: { offerId: id('untouched') } })).callDeadline).toEqual(new Date('2027-01-31T00:00:00Z'));
  });
});

import ExcelJS from 'exceljs';
import { createElement, type ComponentType } from 'react';
import { renderToString } from 'react-dom/server';
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from 'react-router-dom/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserSession } from '../../app/.server/auth/session';
import { fixedClock } from '../../app/.server/clock';
import type { Database } from '../../app/.server/db/connection';
import type { MatchKind, MatchStatus, Prisma, SignatoryRole } from '../../app/.server/db/generated/client';
import { computeIndicators, indicatorTables, type IndicatorFilters, type IndicatorReport } from '../../app/.server/indicators';
import type { Services } from '../../app/.server/services';
import * as dashboardRoute from '../../app/routes/admin.tableau-de-bord';
import { loader as exportLoader } from '../../app/routes/admin.tableau-de-bord.export';
import {
  createAgent,
  createCollege,
  createCouncilService,
  createInternshipNeed,
  createInternshipOffer,
  createPropertyOffer,
  createPupil,
  createSkillNeed,
  createSkillOffer,
  createSpaceNeed,
  createStructure,
  createUser,
  type BuilderContext,
} from '../../prisma/seed/builders';
import { loadCommunes } from '../../prisma/seed/communes';
import { createSequence } from '../../prisma/seed/identifiers';
import { seedDemoData } from '../../prisma/seed/seed';
import { breakdownRows, figure } from '../support/indicator-rows';
import { statusOf } from '../support/route-calls';
import { createTestDatabase } from '../support/test-database';
import { createTestServices, requestWithCookie } from '../support/test-services';

const NOW = new Date('2026-11-28T10:00:00Z');
const NIMES = '30189';
const ALES = '30007';
const LE_VIGAN = '30350';
const day = (iso: string) => new Date(`${iso}T10:00:00Z`);

let db: Database;
let services: Services;
const cookies: Record<string, string | null> = { anonymous: null };
/** Everything a person could be recognised by, which no export may contain. */
const personal: string[] = [];

let sequence = 0;
async function match(kind: MatchKind, needId: string, offerId: string, status: MatchStatus, createdAt: string) {
  return db.prisma.match.create({ data: { kind, needId, offerId, status, score: 0.5, explanation: [], createdAt: day(createdAt) } });
}

interface ConventionInput {
  status: Prisma.ConventionCreateInput['status'];
  start: string;
  end: string;
  signedAt?: string;
  terms?: Record<string, unknown>;
  amendsId?: string;
  pupilId?: string;
  signatories?: SignatoryRole[];
  surveys?: Partial<Record<SignatoryRole, number>>;
}

/** A convention in a given state, with named signatories and their survey answers. */
async function convention(on: { id: string; kind: MatchKind }, input: ConventionInput) {
  sequence += 1;
  const created = await db.prisma.convention.create({
    data: {
      reference: `PAS-2026-TST-${String(sequence).padStart(3, '0')}`,
      verificationCode: `TEST-${String(sequence).padStart(4, '0')}`,
      kind: on.kind,
      matchId: on.id,
      pupilId: input.pupilId ?? null,
      status: input.status,
      templateId: 'modele-essai',
      templateVersion: '2026-11-28',
      templateSha256: '0'.repeat(64),
      terms: { kind: on.kind, ...input.terms },
      startDate: new Date(input.start),
      endDate: new Date(input.end),
      amendsId: input.amendsId ?? null,
      signedAt: input.signedAt ? day(input.signedAt) : null,
      createdAt: day(input.signedAt ?? input.start),
    },
  });
  for (const [position, role] of (input.signatories ?? []).entries()) {
    const name = `Signataire${sequence}x${position} Confidentiel`;
    const email = `signataire-${sequence}-${position}@personne.example.org`;
    personal.push(name, email);
    const signatory = await db.prisma.signatory.create({ data: { conventionId: created.id, role, name, email, position } });
    const score = input.surveys?.[role];
    if (score !== undefined) await db.prisma.surveyResponse.create({ data: { conventionId: created.id, signatoryId: signatory.id, role, score } });
  }
  return created;
}

beforeAll(async () => {
  db = await createTestDatabase();
  services = createTestServices(db, { now: NOW }).services;
  const p = db.prisma;
  const ctx: BuilderContext = { sequence: createSequence(100), clock: fixedClock(day('2026-09-10')) };
  await loadCommunes(p);
  await p.commune.update({ where: { code: LE_VIGAN }, data: { frr: true, frrClassification: 'FRR' } });

  const admin = await createUser(p, { roles: [{ role: 'MISSION_ESS_ADMIN' }] }, ctx);
  const jardins = await createStructure(p, { name: 'Les Jardins Partagés', communeCode: NIMES, skillsEligibility: 'INTERET_GENERAL' }, ctx);
  const ressourcerie = await createStructure(p, { name: 'Ressourcerie d’Alès', communeCode: ALES, skillsEligibility: 'ARUP' }, ctx);
  const member = await createUser(p, { firstName: 'Lucie', lastName: 'Arnaud', roles: [{ role: 'STRUCTURE_MEMBER', organisationId: jardins.id }] }, ctx);
  const finances = await createCouncilService(p, { name: 'Direction des finances' }, ctx);
  const patrimoine = await createCouncilService(p, { name: 'Service du patrimoine' }, ctx);
  const propertyManager = await createUser(p, { roles: [{ role: 'PROPERTY_MANAGER', organisationId: patrimoine.id }] }, ctx);
  const a1 = await createAgent(p, { firstName: 'Marc', lastName: 'Chabert', serviceId: finances.id }, ctx);
  const a2 = await createAgent(p, { firstName: 'Léa', lastName: 'Soulier', serviceId: finances.id }, ctx);
  await p.agentProfile.update({ where: { userId: a1.id }, data: { grade: 'Attaché territorial' } });
  await p.agentProfile.update({ where: { userId: a2.id }, data: { grade: 'Rédacteur principal' } });
  const moulin = await createCollege(p, { name: 'Collège Jean Moulin', communeCode: NIMES, rep: true }, ctx);
  const aigoual = await createCollege(p, { name: 'Collège de l’Aigoual', communeCode: LE_VIGAN }, ctx);
  const staff = await createUser(p, { roles: [{ role: 'COLLEGE_STAFF', organisationId: moulin.id }] }, ctx);
  const staffVigan = await createUser(p, { roles: [{ role: 'COLLEGE_STAFF', organisationId: aigoual.id }] }, ctx);
  for (const person of [admin, member, propertyManager, a1, a2, staff, staffVigan]) personal.push(person.email, person.lastName ?? '');

  // Skills: two agents, two host structures.
  const o1 = await createSkillOffer(p, { agentId: a1.id, organisationId: finances.id, publishedAt: day('2025-12-01') }, ctx);
  const o2 = await createSkillOffer(p, { agentId: a2.id, organisationId: finances.id, publishedAt: day('2025-12-01') }, ctx);
  const nS1 = await createSkillNeed(p, { ownerId: member.id, organisationId: jardins.id, communeCode: NIMES, publishedAt: day('2026-01-10') }, ctx);
  const nS2 = await createSkillNeed(p, { ownerId: member.id, organisationId: ressourcerie.id, communeCode: ALES, publishedAt: day('2026-02-01') }, ctx);
  await createSkillNeed(p, { ownerId: member.id, organisationId: jardins.id, communeCode: NIMES, publishedAt: day('2025-11-01') }, ctx);
  const mC1 = await match('COMPETENCE', nS1.id, o1.id, 'ACCEPTED', '2026-01-20');
  const mC2 = await match('COMPETENCE', nS2.id, o2.id, 'ACCEPTED', '2026-02-10');
  await match('COMPETENCE', nS1.id, o2.id, 'DECLINED', '2026-02-12');
  const mC4 = await match('COMPETENCE', nS2.id, o1.id, 'ACCEPTED', '2026-03-01');
  const skills = ['DEPARTEMENT', 'HOST', 'AGENT'] as SignatoryRole[];
  const cC1 = await convention(mC1, {
    status: 'IN_PROGRESS',
    start: '2026-02-01',
    end: '2026-07-31',
    signedAt: '2026-02-01',
    terms: { hoursPerMonth: 8, activities: 'Tenue de la comptabilité' },
    signatories: skills,
  });
  await convention(mC1, {
    status: 'SIGNED',
    start: '2026-02-01',
    end: '2026-10-31',
    signedAt: '2026-07-15',
    amendsId: cC1.id,
    terms: { hoursPerMonth: 8, activities: 'Tenue de la comptabilité et formation de la trésorière' },
    signatories: skills,
  });
  await convention(mC2, {
    status: 'COMPLETED',
    start: '2026-03-01',
    end: '2026-04-30',
    signedAt: '2026-02-20',
    terms: { hoursPerMonth: 5, activities: 'Plan de communication' },
    signatories: skills,
    surveys: { AGENT: 5, HOST: 3 },
  });
  await convention(mC4, {
    status: 'COMPLETED',
    start: '2026-03-15',
    end: '2026-05-14',
    signedAt: '2026-03-05',
    terms: { hoursPerMonth: 4, activities: 'Refonte du site internet' },
    signatories: skills,
    surveys: { AGENT: 3 },
  });

  // Places: a building occupied by a future tiers-lieu, land occupied from December, a rooftop still vacant.
  const P1 = await createPropertyOffer(p, { ownerId: propertyManager.id, organisationId: patrimoine.id, propertyType: 'BUILDING', surfaceM2: 150, communeCode: NIMES, publishedAt: day('2025-06-01') }, ctx);
  const P2 = await createPropertyOffer(p, { ownerId: propertyManager.id, organisationId: patrimoine.id, propertyType: 'LAND', surfaceM2: 1000, communeCode: ALES, publishedAt: day('2026-04-01') }, ctx);
  await createPropertyOffer(p, { ownerId: propertyManager.id, organisationId: patrimoine.id, propertyType: 'ROOFTOP', surfaceM2: 400, communeCode: LE_VIGAN, publishedAt: day('2026-02-01') }, ctx);
  const nL1 = await createSpaceNeed(p, { ownerId: member.id, organisationId: jardins.id, communeCode: NIMES, publishedAt: day('2026-03-01') }, ctx);
  await p.spaceNeed.update({ where: { needId: nL1.id }, data: { tiersLieu: true } });
  const nL2 = await createSpaceNeed(p, { ownerId: member.id, organisationId: ressourcerie.id, communeCode: ALES, propertyTypes: ['LAND'], publishedAt: day('2026-04-10') }, ctx);
  const mL1 = await match('LIEU', nL1.id, P1.id, 'ACCEPTED', '2026-03-10');
  const mL2 = await match('LIEU', nL2.id, P2.id, 'ACCEPTED', '2026-04-20');
  await convention(mL1, { status: 'IN_PROGRESS', start: '2026-04-01', end: '2027-03-31', signedAt: '2026-03-20', signatories: ['DEPARTEMENT', 'OCCUPANT'] });
  await convention(mL2, { status: 'SIGNED', start: '2026-12-01', end: '2027-11-30', signedAt: '2026-11-20', signatories: ['DEPARTEMENT', 'OCCUPANT'] });

  // Stages: three pupils placed (one alone, two in a group), one cancelled, two still without a stage.
  const week = new Date('2026-03-02');
  const io1 = await createInternshipOffer(p, { ownerId: member.id, organisationId: jardins.id, communeCode: NIMES, weeks: [week], publishedAt: day('2026-01-05') }, ctx);
  const io2 = await createInternshipOffer(p, { ownerId: member.id, organisationId: ressourcerie.id, communeCode: ALES, weeks: [week], maxGroupSize: 2, publishedAt: day('2026-01-05') }, ctx);
  const nT1 = await createInternshipNeed(p, { ownerId: staff.id, organisationId: moulin.id, communeCode: NIMES, week, mode: 'INDIVIDUAL', publishedAt: day('2026-01-15') }, ctx);
  const nT2 = await createInternshipNeed(p, { ownerId: staffVigan.id, organisationId: aigoual.id, communeCode: LE_VIGAN, week, mode: 'GROUP', pupilCount: 2, publishedAt: day('2026-01-20') }, ctx);
  const pupils = {
    q1: await createPupil(p, { collegeId: moulin.id, firstName: 'Inès', lastName: 'Martinez' }, ctx),
    q2: await createPupil(p, { collegeId: moulin.id, firstName: 'Lucas', lastName: 'Bernardi' }, ctx),
    q3: await createPupil(p, { collegeId: moulin.id, firstName: 'Jade', lastName: 'Rouvière' }, ctx),
    q4: await createPupil(p, { collegeId: aigoual.id, firstName: 'Nathan', lastName: 'Fabrègue', priority: true }, ctx),
    q5: await createPupil(p, { collegeId: aigoual.id, firstName: 'Louise', lastName: 'Chabaudel' }, ctx),
  };
  for (const pupil of Object.values(pupils)) personal.push(pupil.firstName, pupil.lastName, pupil.legalRepEmail, pupil.birthDate?.toISOString().slice(0, 10) ?? '');
  const mT1 = await match('STAGE', nT1.id, io1.id, 'ACCEPTED', '2026-02-01');
  const mT2 = await match('STAGE', nT2.id, io2.id, 'ACCEPTED', '2026-02-01');
  await match('STAGE', nT2.id, io1.id, 'SUGGESTED', '2026-02-02');
  const stage = ['HOST', 'COLLEGE', 'PUPIL', 'LEGAL_REPRESENTATIVE'] as SignatoryRole[];
  await convention(mT1, { status: 'SIGNED', start: '2026-03-02', end: '2026-03-06', signedAt: '2026-02-20', pupilId: pupils.q1.id, signatories: stage });
  await convention(mT1, { status: 'CANCELLED', start: '2026-03-02', end: '2026-03-06', pupilId: pupils.q2.id, signatories: stage });
  await convention(mT2, { status: 'COMPLETED', start: '2026-03-02', end: '2026-03-06', signedAt: '2026-02-25', pupilId: pupils.q4.id, signatories: stage, surveys: { HOST: 4 } });
  await convention(mT2, { status: 'DRAFT', start: '2026-03-02', end: '2026-03-06', pupilId: pupils.q5.id, signatories: stage });

  const roles = { admin, member, agent: a1, staff, propertyManager };
  for (const [name, user] of Object.entries(roles)) cookies[name] = await createUserSession(services, user.id);
});
afterAll(() => db.close());

describe('indicators computed from a small fixture', () => {
  let report: IndicatorReport;
  beforeAll(async () => {
    report = await computeIndicators(services, { year: 2026 });
  });

  it('action 1.3: places made available, occupations, tiers-lieux, vacancy', () => {
    const { indicators } = report;
    expect(figure(indicators, 'lieux-mis-a-disposition', 'batiments')).toBe(1);
    expect(figure(indicators, 'lieux-mis-a-disposition', 'espaces-non-batis')).toBe(1);
    expect(figure(indicators, 'lieux-surface', 'surface')).toBe(1150);
    expect(figure(indicators, 'lieux-occupations-en-cours', 'en-cours')).toBe(1);
    expect(figure(indicators, 'lieux-tiers-lieux', 'tiers-lieux')).toBe(1);
    // 1 January: the building (not yet occupied). 28 November: the land (occupied from December) and the rooftop.
    expect(figure(indicators, 'lieux-vacance', 'debut')).toBe(1);
    expect(figure(indicators, 'lieux-vacance', 'fin')).toBe(2);
    expect(figure(indicators, 'lieux-vacance', 'reduction')).toBe(-1);
  });

  it('action 2.2: pupils placed alone or in a group, hosts, collèges, priority and rural shares, territories', () => {
    const { indicators } = report;
    expect(figure(indicators, 'stages-eleves-accueillis', 'individuels')).toBe(1);
    expect(figure(indicators, 'stages-eleves-accueillis', 'groupes')).toBe(2);
    expect(figure(indicators, 'stages-structures-accueil', 'structures')).toBe(2);
    expect(breakdownRows(indicators, 'stages-par-college')).toEqual([
      ['Collège de l’Aigoual', 2, 0, 2],
      ['Collège Jean Moulin', 1, 2, 3],
    ]);
    // Inès (REP collège) and Nathan (flagged by his collège) out of three.
    expect(figure(indicators, 'stages-part-prioritaires', 'nombre')).toBe(2);
    expect(figure(indicators, 'stages-part-prioritaires', 'part')).toBe(66.7);
    expect(figure(indicators, 'stages-part-frr', 'nombre')).toBe(2);
    expect(breakdownRows(indicators, 'stages-placements-par-epci')).toEqual([
      ['CC du Pays Viganais', 2],
      ['CA de Nîmes Métropole', 1],
    ]);
  });

  it('action 2.4: agents, hosts, hours, satisfaction and the yearly report', () => {
    const { indicators } = report;
    expect(figure(indicators, 'competences-agents', 'agents')).toBe(2);
    expect(figure(indicators, 'competences-structures', 'structures')).toBe(2);
    // 8 h × 9 months (renewed to October) + 5 h × 2 months + 4 h × 2 months (15 March to 14 May).
    expect(figure(indicators, 'competences-heures', 'heures')).toBe(90);
    expect(figure(indicators, 'competences-satisfaction', 'moyenne-agents')).toBe(4);
    expect(figure(indicators, 'competences-satisfaction', 'taux-agents')).toBe(100);
    expect(figure(indicators, 'competences-satisfaction', 'moyenne-structures')).toBe(3);
    expect(figure(indicators, 'competences-satisfaction', 'taux-structures')).toBe(50);
    expect(figure(indicators, 'competences-bilan-annuel', 'renouvelees')).toBe(1);
    expect(breakdownRows(indicators, 'competences-agents-par-grade')).toEqual([
      ['Attaché territorial', 1, 1],
      ['Rédacteur principal', 1, 0],
    ]);
    expect(breakdownRows(indicators, 'competences-organismes-accueil')).toEqual([
      ['Les Jardins Partagés', 'Nîmes', 1, 'Tenue de la comptabilité et formation de la trésorière'],
      ['Ressourcerie d’Alès', 'Alès', 2, 'Plan de communication ; Refonte du site internet'],
    ]);
  });

  it('platform: needs, matches and the median time to a signed convention', () => {
    const { indicators } = report;
    expect(figure(indicators, 'plateforme-besoins', 'total')).toBe(6);
    expect(figure(indicators, 'plateforme-mises-en-relation', 'proposees')).toBe(8);
    expect(figure(indicators, 'plateforme-mises-en-relation', 'acceptees')).toBe(7);
    expect(figure(indicators, 'plateforme-mises-en-relation', 'refusees')).toBe(1);
    // 19, 19, 22, 36, 36 and 224 days.
    expect(figure(indicators, 'plateforme-delai-signature', 'mediane')).toBe(29);
    expect(figure(indicators, 'plateforme-delai-signature', 'besoins')).toBe(6);
  });

  it('filters by commune, arrondissement, EPCI, year and kind', async () => {
    const compute = async (filters: IndicatorFilters) => (await computeIndicators(services, filters)).indicators;
    const nimes = await compute({ year: 2026, territory: { level: 'commune', code: NIMES } });
    expect(figure(nimes, 'lieux-mis-a-disposition', 'espaces-non-batis')).toBe(0);
    expect(figure(nimes, 'lieux-vacance', 'fin')).toBe(0);
    expect(figure(nimes, 'competences-heures', 'heures')).toBe(72);
    expect(figure(nimes, 'stages-eleves-accueillis', 'total')).toBe(1);
    expect(figure(nimes, 'plateforme-besoins', 'total')).toBe(3);

    const vigan = await compute({ year: 2026, territory: { level: 'arrondissement', code: '303' } });
    expect(figure(vigan, 'stages-part-frr', 'part')).toBe(100);
    expect(figure(vigan, 'lieux-vacance', 'fin')).toBe(1);

    const ales = await compute({ year: 2026, territory: { level: 'epci', code: '200066918' } });
    expect(figure(ales, 'competences-agents', 'agents')).toBe(2);
    expect(figure(ales, 'competences-heures', 'heures')).toBe(18);

    const lastYear = await compute({ year: 2025 });
    expect(figure(lastYear, 'plateforme-besoins', 'total')).toBe(1);
    expect(figure(lastYear, 'competences-agents', 'agents')).toBe(0);
    expect(figure(lastYear, 'lieux-vacance', 'fin')).toBe(1);

    const stagesOnly = await compute({ year: 2026, kind: 'STAGE' });
    expect([...new Set(stagesOnly.map((indicator) => indicator.action))]).toEqual(['2.2', 'plateforme']);
    expect(figure(stagesOnly, 'plateforme-besoins', 'total')).toBe(2);
  });
});

type RouteModule = { loader: unknown; default: ComponentType };

async function renderPage(path: string, cookie: string | null): Promise<string> {
  const module = dashboardRoute as unknown as RouteModule;
  const handler = createStaticHandler([{ id: 'page', path: '/admin/tableau-de-bord', loader: module.loader as never, Component: module.default }]);
  const context = await handler.query(requestWithCookie(path, cookie), { requestContext: { services, clientIp: '127.0.0.1' } });
  if (context instanceof Response) throw new Error(`${path} answered ${context.status}`);
  if (context.errors) throw new Error(`${path} failed: ${JSON.stringify(context.errors)}`);
  return renderToString(createElement(StaticRouterProvider, { router: createStaticRouter(handler.dataRoutes, context), context }));
}

const get = (path: string, who: string) => requestWithCookie(path, cookies[who] ?? null);
const exportResponse = async (query: string) =>
  (await exportLoader({ request: get(`/admin/tableau-de-bord/export?${query}`, 'admin'), context: { services, clientIp: '127.0.0.1' }, params: {} })) as Response;

describe('the dashboard page and its exports', () => {
  it('is for the Mission ESS only', async () => {
    const expected: Record<string, number> = { anonymous: 302, member: 403, agent: 403, staff: 403, propertyManager: 403, admin: 200 };
    for (const [who, status] of Object.entries(expected)) {
      expect(await statusOf(dashboardRoute.loader, services, get('/admin/tableau-de-bord', who)), who).toBe(status);
      expect(await statusOf(exportLoader, services, get('/admin/tableau-de-bord/export?format=csv&table=records', who)), who).toBe(status);
    }
  });

  it('shows each indicator with its definition, charts with text alternatives and tables, in French', async () => {
    const html = await renderPage('/admin/tableau-de-bord?year=2026', cookies.admin ?? null);
    expect(html).toContain('<h1>Tableau de bord du plan ESS</h1>');
    for (const title of ['Action 1.3', 'Action 2.2', 'Action 2.4', 'La plateforme Passerelles']) expect(html).toContain(title);
    expect(html).toContain('Définition : </strong>Biens du Département occupés pendant la période');
    expect(html).toMatch(/<svg[^>]*role="img"[^>]*aria-label="Graphique « Élèves placés et sans stage par collège » : Collège de l’Aigoual : Placés 2, Sans stage 0/);
    expect(html).toContain('<caption>Élèves placés et sans stage par collège</caption>');
    expect(html).toContain('1\u202f150\u00a0m²');
    expect(html).toContain('66,7\u00a0%');
    expect(html).toContain('href="/conventions?kind=STAGE&amp;from=2026-01-01&amp;to=2026-12-31"');
    expect(html).toContain('href="/admin/tableau-de-bord/export?year=2026&amp;format=xlsx&amp;table=stages-par-college"');
  });

  it('ignores a bad filter on the page and says why', async () => {
    const html = await renderPage('/admin/tableau-de-bord?year=1999&territory=commune:99999', cookies.admin ?? null);
    expect(html).toContain('L’année doit être comprise entre 2024 et 2026 : ce filtre a été ignoré.');
    expect(html).toContain('Aucune commune du Gard n’appartient au territoire « 99999 »');
  });

  it('refuses bad filters, formats and tables in French, with a 400', async () => {
    for (const query of ['format=csv&table=records&year=2019', 'format=csv&table=records&territory=epci:123', 'format=pdf&table=records', 'format=csv&table=inconnu', 'format=xlsx']) {
      expect(await statusOf(exportLoader, services, get(`/admin/tableau-de-bord/export?${query}`, 'admin')), query).toBe(400);
    }
  });

  it('exports an indicator table as XLSX that reads back', async () => {
    const response = await exportResponse('year=2026&territory=arrondissement:303&format=xlsx&table=stages-par-college');
    expect(response.headers.get('Content-Type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(response.headers.get('Content-Disposition')).toBe('attachment; filename="passerelles-stages-par-college-2026-arrondissement-303.xlsx"');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.getWorksheet('Données');
    expect(sheet?.getRow(1).values).toEqual([undefined, 'Collège', 'Placés', 'Sans stage', 'Inscrits']);
    expect(sheet?.getRow(2).values).toEqual([undefined, 'Collège de l’Aigoual', 2, 0, 2]);
    expect(sheet?.rowCount).toBe(2);
    const about = workbook.getWorksheet('Définition');
    expect(about?.getRow(5).values).toEqual([undefined, 'Territoire', 'Arrondissement du Vigan']);
  });

  it('exports an indicator table as CSV: header, then one row each', async () => {
    const response = await exportResponse('year=2026&format=csv&table=competences-mises-a-disposition');
    expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    const lines = (await response.text()).replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines[0]).toBe('Référence;Grade de l’agent;Organisme d’accueil;Objet (activités);Début;Fin;Heures par mois (heures);Avenants signés');
    expect(lines.slice(1)).toEqual([
      'PAS-2026-TST-001;Attaché territorial;Les Jardins Partagés;Tenue de la comptabilité et formation de la trésorière;2026-02-01;2026-10-31;8;1',
      'PAS-2026-TST-003;Rédacteur principal;Ressourcerie d’Alès;Plan de communication;2026-03-01;2026-04-30;5;0',
      'PAS-2026-TST-004;Attaché territorial;Ressourcerie d’Alès;Refonte du site internet;2026-03-15;2026-05-14;4;0',
    ]);
    const share = await (await exportResponse('year=2026&format=csv&table=stages-part-prioritaires')).text();
    expect(share).toContain('Part des placements;66,7;%');
  });

  it('exports the records behind the indicators without names, emails or birth dates', async () => {
    const csv = await (await exportResponse('year=2026&format=csv&table=records')).text();
    const lines = csv.trimEnd().split('\r\n');
    expect(lines).toHaveLength(1 + 10);
    expect(csv).toContain('PAS-2026-TST-002;Compétence;Signée;PAS-2026-TST-001;');
    expect(personal.length).toBeGreaterThan(40);
    for (const value of personal) expect(csv, value).not.toContain(value);
    expect(csv).not.toContain('@');

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await (await exportResponse('year=2026&kind=STAGE&format=xlsx&table=records')).arrayBuffer());
    const sheet = workbook.getWorksheet('Données');
    expect(sheet?.rowCount).toBe(1 + 4);
    const cells = JSON.stringify(sheet?.getSheetValues());
    for (const value of personal) expect(cells, value).not.toContain(value);
  });

  it('offers a table for every indicator and breakdown', async () => {
    const tables = indicatorTables(await computeIndicators(services, { year: 2026 }));
    for (const table of tables) {
      const response = await exportResponse(`year=2026&format=csv&table=${table.id}`);
      expect(response.status, table.id).toBe(200);
    }
  });
});

describe('indicators on the demo data', () => {
  let demo: Database;
  let demoServices: Services;
  let report: IndicatorReport;

  beforeAll(async () => {
    demo = await createTestDatabase();
    await seedDemoData(demo, { today: NOW });
    demoServices = createTestServices(demo, { now: NOW }).services;
    report = await computeIndicators(demoServices, { year: 2026 });
  });
  afterAll(() => demo.close());

  const value = (id: string, key: string) => figure(report.indicators, id, key) ?? Number.NaN;

  it('computes the figures the demo can feed', () => {
    const { indicators } = report;
    expect(figure(indicators, 'plateforme-besoins', 'total')).toBeGreaterThanOrEqual(10);
    for (const row of breakdownRows(indicators, 'plateforme-besoins-par-type')) expect(row[1], String(row[0])).toBeGreaterThan(0);
    // Five collèges with their 3e classes.
    const colleges = breakdownRows(indicators, 'stages-par-college');
    expect(colleges).toHaveLength(5);
    for (const row of colleges) expect(row[3], String(row[0])).toBeGreaterThan(0);
  });

  it('gives every indicator of the plan a non-trivial, consistent value', () => {
    const { indicators } = report;
    for (const indicator of indicators) {
      expect(
        indicator.figures.some((item) => item.value !== null && item.value !== 0),
        indicator.id,
      ).toBe(true);
    }

    // Action 1.3: the tiers-lieu's building, the seasonal land and the rooftop signed to start in December.
    expect(value('lieux-mis-a-disposition', 'batiments')).toBeGreaterThan(0);
    expect(value('lieux-mis-a-disposition', 'espaces-non-batis')).toBeGreaterThan(0);
    const byType = breakdownRows(indicators, 'lieux-par-type');
    expect(byType.reduce((sum, row) => sum + Number(row[1]), 0)).toBe(value('lieux-mis-a-disposition', 'batiments') + value('lieux-mis-a-disposition', 'espaces-non-batis'));
    expect(value('lieux-surface', 'surface')).toBe(byType.reduce((sum, row) => sum + Number(row[2]), 0));
    expect(value('lieux-occupations-en-cours', 'en-cours')).toBeGreaterThan(0);
    expect(value('lieux-tiers-lieux', 'tiers-lieux')).toBeGreaterThan(0);
    expect(value('lieux-vacance', 'debut')).toBeGreaterThan(0);
    expect(value('lieux-vacance', 'fin')).toBeGreaterThanOrEqual(10);
    expect(value('lieux-vacance', 'reduction')).toBe(value('lieux-vacance', 'debut') - value('lieux-vacance', 'fin'));

    // Action 2.2: pupils placed alone and in a group, from REP and FRR collèges, and still many without a stage.
    expect(value('stages-eleves-accueillis', 'individuels')).toBeGreaterThan(0);
    expect(value('stages-eleves-accueillis', 'groupes')).toBeGreaterThan(0);
    const placed = value('stages-eleves-accueillis', 'total');
    expect(placed).toBe(value('stages-eleves-accueillis', 'individuels') + value('stages-eleves-accueillis', 'groupes'));
    expect(value('stages-structures-accueil', 'structures')).toBeGreaterThan(0);
    expect(value('stages-colleges', 'places')).toBe(placed);
    expect(value('stages-colleges', 'sans-stage')).toBe(value('stages-colleges', 'inscrits') - placed);
    expect(value('stages-part-prioritaires', 'nombre')).toBeGreaterThan(0);
    expect(value('stages-part-prioritaires', 'nombre')).toBeLessThan(placed);
    expect(value('stages-part-frr', 'nombre')).toBeGreaterThan(0);
    expect(value('stages-part-frr', 'nombre')).toBeLessThan(placed);
    expect(value('stages-part-frr', 'part')).toBe(Math.round((1000 * value('stages-part-frr', 'nombre')) / placed) / 10);
    const byEpci = breakdownRows(indicators, 'stages-placements-par-epci');
    expect(byEpci.length).toBe(value('stages-par-territoire', 'epci'));
    expect(byEpci.reduce((sum, row) => sum + Number(row[1]), 0)).toBe(placed);
    // The Collège Les Garrigues, whose pupils the browser journeys count, has none placed.
    expect(breakdownRows(indicators, 'stages-par-college').find((row) => row[0] === 'Collège Les Garrigues')?.[1]).toBe(0);

    // Action 2.4: agents with a grade, hosts, hours, both sides' satisfaction, renewals.
    const agents = value('competences-agents', 'agents');
    expect(agents).toBeGreaterThanOrEqual(3);
    expect(value('competences-structures', 'structures')).toBe(agents);
    expect(value('competences-heures', 'heures')).toBeGreaterThan(0);
    for (const key of ['moyenne-agents', 'moyenne-structures']) {
      expect(value('competences-satisfaction', key), key).toBeGreaterThanOrEqual(1);
      expect(value('competences-satisfaction', key), key).toBeLessThanOrEqual(5);
    }
    for (const key of ['taux-agents', 'taux-structures']) {
      expect(value('competences-satisfaction', key), key).toBeGreaterThan(0);
      expect(value('competences-satisfaction', key), key).toBeLessThanOrEqual(100);
    }
    const notes = breakdownRows(indicators, 'competences-satisfaction-notes');
    expect(notes.reduce((sum, row) => sum + Number(row[1]) + Number(row[2]), 0)).toBeGreaterThan(0);
    expect(value('competences-bilan-annuel', 'mises-a-disposition')).toBeGreaterThanOrEqual(agents);
    expect(value('competences-bilan-annuel', 'renouvelees')).toBe(2);
    const grades = breakdownRows(indicators, 'competences-agents-par-grade');
    expect(grades.map((row) => row[0])).not.toContain('Grade non renseigné');
    expect(grades.reduce((sum, row) => sum + Number(row[1]), 0)).toBe(agents);
    expect(breakdownRows(indicators, 'competences-organismes-accueil')).toHaveLength(agents);

    // The platform: matches proposed, accepted and refused; the median delay from need to signature.
    const proposed = value('plateforme-mises-en-relation', 'proposees');
    expect(value('plateforme-mises-en-relation', 'acceptees')).toBeGreaterThan(0);
    expect(value('plateforme-mises-en-relation', 'refusees')).toBeGreaterThan(0);
    expect(value('plateforme-mises-en-relation', 'acceptees') + value('plateforme-mises-en-relation', 'refusees')).toBeLessThan(proposed);
    expect(value('plateforme-delai-signature', 'mediane')).toBeGreaterThan(0);
    expect(value('plateforme-delai-signature', 'besoins')).toBeGreaterThan(0);

    expect(report.records.rows.length).toBeGreaterThanOrEqual(10);
  });

  it('also has activity in 2025, the year before', async () => {
    const lastYear = (await computeIndicators(demoServices, { year: 2025 })).indicators;
    expect(figure(lastYear, 'competences-agents', 'agents')).toBeGreaterThan(0);
    expect(figure(lastYear, 'plateforme-besoins', 'total')).toBeGreaterThan(0);
  });

  it('serves the dashboard page to the Mission ESS', async () => {
    const admin = await demo.prisma.user.findFirstOrThrow({ where: { roles: { some: { role: 'MISSION_ESS_ADMIN' } } } });
    const cookie = await createUserSession(demoServices, admin.id);
    const request = requestWithCookie('/admin/tableau-de-bord?year=2026', cookie);
    const result = await dashboardRoute.loader({ request, context: { services: demoServices, clientIp: '127.0.0.1' }, params: {} });
    expect(result).not.toBeInstanceOf(Response);
    expect(result).toMatchObject({ warnings: [], values: { year: '2026' }, recordCount: report.records.rows.length });
    expect(result?.indicators.map((indicator) => indicator.id)).toEqual(report.indicators.map((indicator) => indicator.id));
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportPublications, parsePublicationFilters } from '../../app/.server/admin/moderation';
import { createUserSession, type CurrentUser } from '../../app/.server/auth/session';
import { editConvention, sendForSignature } from '../../app/.server/conventions/issue';
import { placePupils } from '../../app/.server/conventions/pupils';
import { listConventions, parseConventionFilters } from '../../app/.server/conventions/queries';
import type { Database } from '../../app/.server/db/connection';
import { embedPending } from '../../app/.server/matching/embedding-store';
import { cancelMatch, matchAdminPanel, reassignMatch } from '../../app/.server/matching/match-admin';
import { acceptMatch, proposeMatch, viewMatch } from '../../app/.server/matching/match-decisions';
import { exportMatches, parseMatchFilters, searchMatches } from '../../app/.server/matching/match-list';
import { parseCsv } from '../../app/.server/pupils/csv';
import type { Services } from '../../app/.server/services';
import { loader as publicationsExportLoader } from '../../app/routes/admin.publications.export[.]csv';
import { loader as conventionListLoader } from '../../app/routes/conventions._index';
import { loader as conventionExportLoader } from '../../app/routes/conventions.export[.]csv';
import { action as matchAction, loader as matchLoader } from '../../app/routes/mises-en-relation.$matchId';
import { loader as matchListLoader } from '../../app/routes/mises-en-relation._index';
import { loader as matchExportLoader } from '../../app/routes/mises-en-relation.export[.]csv';
import { createAgent, createCouncilService, createPropertyOffer, createSkillNeed, createSkillOffer, createSpaceNeed, createStructure, createUser } from '../../prisma/seed/builders';
import { asCurrentUser, conventionParties } from '../support/convention-fixtures';
import { rejection } from '../support/rejection';
import { statusOf } from '../support/route-calls';
import { createTestDatabase } from '../support/test-database';
import { createTestServices, requestWithCookie } from '../support/test-services';

const NOW = new Date('2026-11-28T10:00:00Z');

let db: Database;
let services: Services;
let parties: Awaited<ReturnType<typeof conventionParties>>;
let extra: Awaited<ReturnType<typeof extraParties>>;
/** The hand-built matches of the search tests: skills (A), place (B), stage (C), declined skills (D). */
const ids = { A: '', B: '', C: '', D: '' };
let referenceA = '';
const cookies: Record<string, string | null> = { anonymous: null };

/** A place on offer in Alès and a structure there that needs one; people of every other role. */
async function extraParties() {
  const p = db.prisma;
  const ressourcerie = await createStructure(p, { name: 'Ressourcerie des Cévennes', communeCode: '30007' });
  const ressourcerieMember = await createUser(p, { email: 'contact@ressourcerie.example.org', firstName: 'Noé', lastName: 'Fabre', roles: [{ role: 'STRUCTURE_MEMBER', organisationId: ressourcerie.id }] });
  const propertyService = await createCouncilService(p, { name: 'Service du patrimoine départemental' });
  const propertyManager = await createUser(p, { email: 'patrimoine@gard.fr', firstName: 'Jean', lastName: 'Bâtisseur', roles: [{ role: 'PROPERTY_MANAGER', organisationId: propertyService.id }] });
  const propertyOffer = await createPropertyOffer(p, { ownerId: propertyManager.id, organisationId: propertyService.id, communeCode: '30007', title: 'Ancienne école de la Royale', surfaceM2: 240 });
  const spaceNeed = await createSpaceNeed(p, { ownerId: ressourcerieMember.id, organisationId: ressourcerie.id, communeCode: '30007', title: 'Atelier de réemploi', minSurfaceM2: 100 });
  const skillNeed2 = await createSkillNeed(p, { ownerId: parties.hostMember.id, organisationId: parties.host.id, title: 'Refaire le plan de trésorerie', description: 'Un appui en comptabilité pour le budget prévisionnel.' });
  const agent2 = await createAgent(p, { email: 'agent2@gard.fr', firstName: 'Sonia', lastName: 'Roux' });
  const agent3 = await createAgent(p, { email: 'agent3@gard.fr', firstName: 'Hugo', lastName: 'Vidal' });
  const skillOffer2 = await createSkillOffer(p, { agentId: agent2.id, skills: ['comptabilité'], title: 'Comptabilité et trésorerie associatives' });
  const skillOffer3 = await createSkillOffer(p, { agentId: agent3.id, skills: ['comptabilité'], title: 'Contrôle de gestion' });
  const draftOffer = await createSkillOffer(p, { agentId: agent2.id, skills: ['comptabilité'], title: 'Offre pas encore publiée', status: 'DRAFT' });
  return { ressourcerie, ressourcerieMember, propertyManager, propertyOffer, spaceNeed, skillNeed2, agent2, agent3, skillOffer2, skillOffer3, draftOffer };
}

const user = (id: string): Promise<CurrentUser> => asCurrentUser(db, id);
const context = () => ({ services, clientIp: '127.0.0.1' });
const get = (path: string, who: string) => requestWithCookie(path, cookies[who] ?? null);
const post = (path: string, who: string, fields: Record<string, string>) => requestWithCookie(path, cookies[who] ?? null, { method: 'POST', body: new URLSearchParams(fields) });
const at = (day: string) => new Date(`${day}T12:00:00Z`);

beforeAll(async () => {
  db = await createTestDatabase();
  services = createTestServices(db, { now: NOW }).services;
  parties = await conventionParties(db, NOW);
  extra = await extraParties();

  // A: a skills placement accepted by both sides, with its draft convention.
  ids.A = (await proposeMatch(services, await user(parties.agent.id), { needId: parties.skillNeed.id, offerId: parties.skillOffer.id })).matchId;
  await acceptMatch(services, await user(parties.hostMember.id), ids.A);
  // B: the place proposed by the ressourcerie, hand-built.
  ids.B = (await db.prisma.match.create({ data: { kind: 'LIEU', needId: extra.spaceNeed.id, offerId: extra.propertyOffer.id, score: 0.7, explanation: ['à 0 km'], status: 'ACCEPTED_BY_NEED' } })).id;
  // C: a stage accepted, one pupil named (one convention, carrying the pupil's name).
  ids.C = (await proposeMatch(services, await user(parties.principal.id), { needId: parties.internshipNeed.id, offerId: parties.internshipOffer.id })).matchId;
  await acceptMatch(services, await user(parties.hostMember.id), ids.C);
  await placePupils(services, await user(parties.principal.id), ids.C, { pupilIds: [parties.pupil.id] });
  // D: a skills match the structure declined, hand-built.
  ids.D = (await db.prisma.match.create({ data: { kind: 'COMPETENCE', needId: parties.skillNeed.id, offerId: parties.contractualOffer.id, score: 0.4, explanation: ['à 0 km'], status: 'DECLINED' } })).id;
  const created = { A: '2025-03-10', B: '2025-06-15', C: '2025-09-01', D: '2025-12-20' } as const;
  for (const [key, day] of Object.entries(created) as [keyof typeof ids, string][]) {
    await db.prisma.match.update({ where: { id: ids[key] }, data: { createdAt: at(day) } });
    await db.prisma.convention.updateMany({ where: { matchId: ids[key] }, data: { createdAt: at(day) } });
  }
  referenceA = (await db.prisma.convention.findFirstOrThrow({ where: { matchId: ids.A } })).reference;

  const people = { admin: parties.admin, host: parties.hostMember, agent: parties.agent, college: parties.principal, property: extra.propertyManager };
  for (const [name, person] of Object.entries(people)) cookies[name] = await createUserSession(services, person.id);
});
afterAll(() => db.close());

async function found(who: string, query: Record<string, string>) {
  const { filters, warnings } = await parseMatchFilters(services, new URLSearchParams(query));
  expect(warnings).toEqual([]);
  const result = await searchMatches(services, await user(who), filters);
  const names = Object.fromEntries(Object.entries(ids).map(([name, id]) => [id, name]));
  return { total: result.total, names: result.items.map((item) => names[item.id] ?? item.id).sort() };
}

describe('searching the matches', () => {
  it('finds by words in organisation names, titles and convention references, whatever the case', async () => {
    const admin = parties.admin.id;
    expect(await found(admin, {})).toEqual({ total: 4, names: ['A', 'B', 'C', 'D'] });
    expect((await found(admin, { q: 'RESSOURCERIE' })).names).toEqual(['B']);
    expect((await found(admin, { q: 'comptabilité' })).names).toEqual(['A', 'D']);
    expect((await found(admin, { q: 'Jean Moulin' })).names).toEqual(['C']);
    expect((await found(admin, { q: referenceA.toLowerCase() })).names).toEqual(['A']);
    expect(await found(admin, { q: 'introuvable' })).toEqual({ total: 0, names: [] });
  });

  it('filters by kind, state, commune of either side and creation days (both ends included)', async () => {
    const admin = parties.admin.id;
    expect((await found(admin, { kind: 'LIEU' })).names).toEqual(['B']);
    expect((await found(admin, { kind: 'COMPETENCE', status: 'ACCEPTED' })).names).toEqual(['A']);
    expect((await found(admin, { status: 'ACCEPTED' })).names).toEqual(['A', 'C']);
    expect((await found(admin, { status: 'DECLINED' })).names).toEqual(['D']);
    expect((await found(admin, { commune: '30007' })).names).toEqual(['B']);
    expect((await found(admin, { commune: '30189' })).names).toEqual(['A', 'C', 'D']);
    expect((await found(admin, { from: '2025-06-15', to: '2025-09-01' })).names).toEqual(['B', 'C']);
    expect((await found(admin, { from: '2025-06-16', to: '2025-08-31' })).total).toBe(0);
    expect((await found(admin, { from: '2025-09-02' })).names).toEqual(['D']);
    expect((await found(admin, { to: '2025-03-10' })).names).toEqual(['A']);
  });

  it('searches only within what the person may see', async () => {
    expect((await found(parties.hostMember.id, {})).names).toEqual(['A', 'C', 'D']);
    expect((await found(parties.hostMember.id, { q: 'ressourcerie' })).total).toBe(0);
    expect((await found(extra.propertyManager.id, {})).names).toEqual(['B']);
    expect((await found(parties.outsider.id, {})).total).toBe(0);
  });

  it('ignores bad values with a French sentence each, and keeps the others', async () => {
    const { filters, warnings } = await parseMatchFilters(
      services,
      new URLSearchParams({ kind: 'PIZZA', status: 'FINI', commune: '75056', from: '2025-02-30', to: 'hier', page: '-2', q: 'ressourcerie' }),
    );
    expect(filters).toEqual({ q: 'ressourcerie', kind: undefined, status: undefined, commune: undefined, from: undefined, to: undefined, page: 1 });
    expect(warnings).toEqual([
      'Le type demandé n’existe pas : ce filtre a été ignoré.',
      'L’état demandé n’existe pas : ce filtre a été ignoré.',
      'La commune doit être un code INSEE du Gard (30xxx) : ce filtre a été ignoré.',
      'La date « créée à partir du » doit être une vraie date au format AAAA-MM-JJ : ce filtre a été ignoré.',
      'La date « créée jusqu’au » doit être une vraie date au format AAAA-MM-JJ : ce filtre a été ignoré.',
      'Le numéro de page doit être un nombre entier positif : ce filtre a été ignoré.',
    ]);
    const unknown = await parseMatchFilters(services, new URLSearchParams({ commune: '30999', from: '2025-12-01', to: '2025-01-01' }));
    expect(unknown.warnings).toEqual([
      'La commune 30999 n’existe pas dans le Gard : ce filtre a été ignoré.',
      'La date de début est après la date de fin : ces deux dates ont été ignorées.',
    ]);
    expect(unknown.filters).toMatchObject({ commune: undefined, from: undefined, to: undefined });
  });

  it('the list page answers bad values with its warnings (no error page) and keeps the filters in its links', async () => {
    const page = (await matchListLoader({ request: get('/mises-en-relation?kind=PIZZA&q=ressourcerie&page=abc', 'admin'), context: context(), params: {} })) as {
      total: number;
      warnings: string[];
      query: string;
      exportHref: string | null;
    };
    expect(page.total).toBe(1);
    expect(page.warnings).toHaveLength(2);
    expect(page.query).toBe('q=ressourcerie');
    expect(page.exportHref).toBe('/mises-en-relation/export.csv?q=ressourcerie');
    const host = (await matchListLoader({ request: get('/mises-en-relation?status=ACCEPTED', 'host'), context: context(), params: {} })) as { total: number; exportHref: string | null };
    expect(host).toMatchObject({ total: 2, exportHref: null });
    expect(await statusOf(matchListLoader, services, get('/mises-en-relation', 'anonymous'))).toBe(302);
  });
});

describe('searching the conventions', () => {
  it('filters by reference, kind, commune and days, within what the person may see', async () => {
    const list = async (who: string, query: Record<string, string>) => {
      const { filters, warnings } = await parseConventionFilters(services, new URLSearchParams(query));
      expect(warnings).toEqual([]);
      return (await listConventions(services, await user(who), filters)).total;
    };
    expect(await list(parties.admin.id, {})).toBe(2);
    expect(await list(parties.admin.id, { q: referenceA })).toBe(1);
    expect(await list(parties.admin.id, { q: 'collège jean moulin' })).toBe(1);
    expect(await list(parties.admin.id, { kind: 'STAGE' })).toBe(1);
    expect(await list(parties.admin.id, { commune: '30007' })).toBe(0);
    expect(await list(parties.admin.id, { status: 'DRAFT', from: '2025-09-01', to: '2025-09-01' })).toBe(1);
    expect(await list(parties.principal.id, {})).toBe(1);
    expect(await list(parties.outsider.id, { q: referenceA })).toBe(0);
  });

  it('the page warns about a bad date instead of failing; the export refuses it in French', async () => {
    const page = (await conventionListLoader({ request: get('/conventions?from=2025-13-01&kind=STAGE', 'admin'), context: context(), params: {} })) as { total: number; warnings: string[] };
    expect(page).toMatchObject({ total: 1, warnings: ['La date « créée à partir du » doit être une vraie date au format AAAA-MM-JJ : ce filtre a été ignoré.'] });
    expect(await statusOf(conventionExportLoader, services, get('/conventions/export.csv?from=2025-13-01', 'admin'))).toBe(400);
  });

  it('the export honours the filters and carries no pupil’s name', async () => {
    const response = (await conventionExportLoader({ request: get('/conventions/export.csv?kind=STAGE', 'admin'), context: context(), params: {} })) as Response;
    const text = await response.text();
    const rows = parseCsv(text).map((row) => row.cells);
    expect(rows).toHaveLength(2);
    expect(rows[1]?.[1]).toBe('STAGE');
    expect(text).not.toMatch(/Inès|Martin|@/);
  });
});

describe('CSV exports for the Mission ESS', () => {
  const csv = async (loader: typeof matchExportLoader, path: string) => {
    const response = (await loader({ request: get(path, 'admin'), context: context(), params: {} })) as Response;
    expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('Content-Disposition')).toMatch(/^attachment; filename=".+\.csv"$/);
    const text = await response.text();
    return { text, rows: parseCsv(text).map((row) => row.cells) };
  };

  it('matches: one row a match, organisations and communes, never a person', async () => {
    const { text, rows } = await csv(matchExportLoader, '/mises-en-relation/export.csv');
    expect(rows[0]).toEqual(['créée le', 'mise à jour le', 'type', 'état', 'score', 'besoin', 'porteur du besoin', 'commune du besoin', 'offre', 'porteur de l’offre', 'commune de l’offre', 'conventions']);
    expect(rows.slice(1).map((cells) => cells[0])).toEqual(['2025-03-10', '2025-06-15', '2025-09-01', '2025-12-20']);
    const place = rows.find((cells) => cells[2] === 'Lieu');
    expect(place).toEqual(['2025-06-15', expect.any(String), 'Lieu', 'Proposée par le porteur du besoin, en attente de réponse', '0.700', 'Atelier de réemploi', 'Ressourcerie des Cévennes', 'Alès', 'Ancienne école de la Royale', 'Service du patrimoine départemental', 'Alès', '']);
    expect(rows.find((cells) => cells[0] === '2025-03-10')?.[11]).toBe(referenceA);
    // No pupil, agent or contact: names and addresses of people stay out of the export.
    expect(text).not.toMatch(/Inès|Martin|Chabert|Arnaud|@/);
  });

  it('matches: the same filters as the page; a bad value is refused in French, not a 500', async () => {
    const { rows } = await csv(matchExportLoader, '/mises-en-relation/export.csv?kind=STAGE&commune=30189');
    expect(rows).toHaveLength(2);
    expect(rows[1]?.[2]).toBe('Stage de 3e');
    const empty = await csv(matchExportLoader, '/mises-en-relation/export.csv?from=2026-01-01');
    expect(empty.rows).toHaveLength(1);
    expect(await statusOf(matchExportLoader, services, get('/mises-en-relation/export.csv?status=FINI', 'admin'))).toBe(400);
    await expect(matchExportLoader({ request: get('/mises-en-relation/export.csv?status=FINI', 'admin'), context: context(), params: {} })).rejects.toMatchObject({
      data: { message: 'Export impossible : L’état demandé n’existe pas : ce filtre a été ignoré.' },
    });
  });

  it('matches: the Mission ESS only', async () => {
    for (const who of ['host', 'agent', 'college', 'property']) {
      expect(await statusOf(matchExportLoader, services, get('/mises-en-relation/export.csv', who))).toBe(403);
    }
    expect(await statusOf(matchExportLoader, services, get('/mises-en-relation/export.csv', 'anonymous'))).toBe(302);
    expect((await rejection(exportMatches(services, await user(parties.hostMember.id), { page: 1 }))).code).toBe('FORBIDDEN');
  });

  it('publications: the moderation filters, without the authors’ emails; the Mission ESS only', async () => {
    const { text, rows } = await csv(publicationsExportLoader, '/admin/publications/export.csv?type=offre&kind=LIEU');
    expect(rows).toEqual([
      ['publication', 'type', 'intitulé', 'état', 'porteur', 'commune', 'créée le', 'publiée le'],
      ['Offre', 'Lieu', 'Ancienne école de la Royale', 'Publiée', 'Service du patrimoine départemental', 'Alès', expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/)],
    ]);
    expect(text).not.toContain('@');
    const needs = await exportPublications(services, await user(parties.admin.id), parsePublicationFilters(new URLSearchParams({ type: 'besoin', q: 'trésorerie' })));
    expect(parseCsv(needs).slice(1).map((row) => row.cells[2])).toEqual(['Refaire le plan de trésorerie']);
    for (const who of ['host', 'property']) {
      expect(await statusOf(publicationsExportLoader, services, get('/admin/publications/export.csv', who))).toBe(403);
    }
  });
});

describe('cancelling a match', () => {
  const outsiders = () => [parties.hostMember.id, parties.agent.id, parties.principal.id, extra.propertyManager.id, extra.ressourcerieMember.id];

  it('is refused to the parties and to every other role, and changes nothing', async () => {
    for (const id of outsiders()) {
      const error = await rejection(cancelMatch(services, await user(id), ids.B, 'Je préfère annuler'));
      expect(error).toMatchObject({ code: 'FORBIDDEN', message: 'Seule la Mission ESS peut annuler ou réattribuer une mise en relation.' });
    }
    expect((await db.prisma.match.findUniqueOrThrow({ where: { id: ids.B } })).status).toBe('ACCEPTED_BY_NEED');
  });

  it('requires a reason', async () => {
    const error = await rejection(cancelMatch(services, await user(parties.admin.id), ids.B, '  '));
    expect(error.code).toBe('VALIDATION');
    expect(error.fieldErrors.reason?.[0]).toContain('Indiquez le motif');
    expect((await db.prisma.match.findUniqueOrThrow({ where: { id: ids.B } })).status).toBe('ACCEPTED_BY_NEED');
  });

  it('by the Mission ESS: cancelled, recorded with its reason, both sides told by email', async () => {
    const admin = await user(parties.admin.id);
    expect(await cancelMatch(services, admin, ids.B, 'Le bien est finalement vendu.')).toEqual({ matchId: ids.B, status: 'CANCELLED', cancelledConventions: [] });
    expect((await db.prisma.match.findUniqueOrThrow({ where: { id: ids.B } })).status).toBe('CANCELLED');
    const change = await db.prisma.matchStatusChange.findFirstOrThrow({ where: { matchId: ids.B, to: 'CANCELLED' } });
    expect(change).toMatchObject({ from: 'ACCEPTED_BY_NEED', actorId: admin.id, reason: 'Le bien est finalement vendu.' });
    expect(await db.prisma.auditLog.count({ where: { action: 'match.cancelled', targetId: ids.B, actorId: admin.id } })).toBe(1);
    const emails = await db.prisma.outboxEmail.findMany({ where: { template: 'match-cancelled', dedupeKey: { startsWith: `match-cancelled:${ids.B}:` } } });
    expect(emails.map((email) => email.to).sort()).toEqual(['contact@ressourcerie.example.org', 'patrimoine@gard.fr']);
    for (const email of emails) {
      expect(email.subject).toBe('Mise en relation annulée : « Atelier de réemploi »');
      expect(email.text).toContain('Le bien est finalement vendu.');
      expect(email.text).toContain(`/mises-en-relation/${ids.B}`);
    }
    expect((await rejection(cancelMatch(services, admin, ids.B, 'Encore une fois'))).code).toBe('CONFLICT');
  });

  it('cancels with it every convention not yet signed (here sent for signature): signatories told, links closed', async () => {
    const host = await user(parties.hostMember.id);
    const draft = await db.prisma.convention.findFirstOrThrow({ where: { matchId: ids.A } });
    await editConvention(services, host, draft.id, { ...(draft.terms as object), arreteReference: 'ARR-1', arreteDate: '2026-11-20', subsidyAmount: '900' });
    await sendForSignature(services, host, draft.id);
    const convention = await db.prisma.convention.findUniqueOrThrow({ where: { id: draft.id }, include: { signatories: true } });
    expect(convention.status).toBe('READY_TO_SIGN');
    const result = await cancelMatch(services, await user(parties.admin.id), ids.A, 'L’agent change de service.');
    expect(result.cancelledConventions).toEqual([convention.id]);
    expect(await db.prisma.convention.findUniqueOrThrow({ where: { id: convention.id } })).toMatchObject({ status: 'CANCELLED', statusReason: 'L’agent change de service.' });
    const told = await db.prisma.outboxEmail.findMany({ where: { dedupeKey: { startsWith: `convention-cancelled:${convention.id}:` } } });
    expect(told.map((email) => email.to).sort()).toEqual([...new Set(convention.signatories.map((s) => s.email))].sort());
    expect(told[0]?.text).toContain('la Mission ESS du Département');
    expect(told[0]?.text).toContain('L’agent change de service.');
    expect(await db.prisma.conventionLink.count({ where: { signatory: { conventionId: convention.id }, expiresAt: { gt: NOW } } })).toBe(0);
    expect(await db.prisma.auditLog.count({ where: { action: 'convention.cancelled', targetId: convention.id } })).toBe(1);
    const sides = await db.prisma.outboxEmail.findMany({ where: { dedupeKey: { startsWith: `match-cancelled:${ids.A}:` } } });
    expect(sides.map((email) => email.to).sort()).toEqual(['agent@gard.fr', 'presidente@jardins.example.org']);
    expect(sides[0]?.text).toContain(`La convention qui n’était pas encore signée est annulée aussi (réf. ${convention.reference})`);
  });

  it('a signed convention holds the match: a clear refusal, nothing changed, nobody told', async () => {
    const convention = await db.prisma.convention.findFirstOrThrow({ where: { matchId: ids.C } });
    await db.prisma.convention.update({ where: { id: convention.id }, data: { status: 'SIGNED' } });
    const admin = await user(parties.admin.id);
    const error = await rejection(cancelMatch(services, admin, ids.C, 'Le collège renonce'));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain(`convention signée (réf. ${convention.reference}, « Signée »)`);
    expect(error.message).toContain('prend fin par sa propre procédure');
    expect((await rejection(reassignMatch(services, admin, ids.C, { offerId: extra.skillOffer2.id, reason: 'Autre hôte' }))).code).toBe('CONFLICT');
    expect((await db.prisma.match.findUniqueOrThrow({ where: { id: ids.C } })).status).toBe('ACCEPTED');
    expect((await db.prisma.convention.findUniqueOrThrow({ where: { id: convention.id } })).status).toBe('SIGNED');
    expect(await db.prisma.outboxEmail.count({ where: { dedupeKey: { startsWith: `match-cancelled:${ids.C}:` } } })).toBe(0);
    expect(await matchAdminPanel(services, admin, ids.C)).toMatchObject({ blockedBy: expect.stringContaining(convention.reference), offers: [], needs: [] });
  });
});

describe('reassigning a match', () => {
  let current = '';
  let busy = '';

  beforeAll(async () => {
    current = (await proposeMatch(services, await user(parties.hostMember.id), { needId: extra.skillNeed2.id, offerId: parties.skillOffer.id })).matchId;
    busy = (await proposeMatch(services, await user(extra.agent3.id), { needId: extra.skillNeed2.id, offerId: extra.skillOffer3.id })).matchId;
    await embedPending(services);
  });

  it('the page offers the Mission ESS, and only it, the candidates of the same kind not already in relation', async () => {
    const panel = await matchAdminPanel(services, await user(parties.admin.id), current);
    const offers = panel?.offers.map((offer) => offer.id) ?? [];
    expect(offers).toContain(extra.skillOffer2.id);
    expect(offers).not.toContain(parties.skillOffer.id);
    expect(offers).not.toContain(extra.skillOffer3.id);
    expect(offers).not.toContain(extra.draftOffer.id);
    expect(offers).not.toContain(extra.propertyOffer.id);
    expect(panel?.needs.map((need) => need.id)).toEqual([parties.skillNeed.id]);
    expect(panel?.blockedBy).toBeNull();
    expect(await matchAdminPanel(services, await user(parties.hostMember.id), current)).toBeNull();
    expect(await matchAdminPanel(services, await user(parties.admin.id), ids.B)).toBeNull();
  });

  it('is refused to every other role', async () => {
    for (const id of [parties.hostMember.id, parties.agent.id, parties.principal.id, extra.propertyManager.id]) {
      expect((await rejection(reassignMatch(services, await user(id), current, { offerId: extra.skillOffer2.id, reason: 'Plus proche' }))).code).toBe('FORBIDDEN');
    }
  });

  it('needs a target and a reason, both reported next to their fields', async () => {
    const admin = await user(parties.admin.id);
    const error = await rejection(reassignMatch(services, admin, current, { reason: '' }));
    expect(error.code).toBe('VALIDATION');
    expect(Object.keys(error.fieldErrors).sort()).toEqual(['reason', 'target']);
    const both = await rejection(reassignMatch(services, admin, current, { offerId: extra.skillOffer2.id, needId: parties.skillNeed.id, reason: 'Plus proche' }));
    expect(both.fieldErrors.target).toBeDefined();
  });

  it('refuses the same pair, another kind, an unpublished offer and a pair already in relation', async () => {
    const admin = await user(parties.admin.id);
    const refused = async (input: { offerId?: string; needId?: string }, words: string) => {
      const error = await rejection(reassignMatch(services, admin, current, { ...input, reason: 'Plus proche' }));
      expect(error.code).toBe('CONFLICT');
      expect(error.message).toContain(words);
      expect(error.fieldErrors.target).toEqual([error.message]);
    };
    await refused({ offerId: parties.skillOffer.id }, 'C’est la mise en relation actuelle');
    await refused({ offerId: extra.propertyOffer.id }, 'est du type « Lieu » : la mise en relation reste du type « Compétence »');
    await refused({ needId: extra.spaceNeed.id }, 'Le besoin choisi est du type « Lieu »');
    await refused({ offerId: extra.draftOffer.id }, 'doivent être publiés');
    await refused({ offerId: extra.skillOffer3.id }, 'déjà en relation (« Proposée par le porteur de l’offre, en attente de réponse »)');
    expect((await db.prisma.match.findUniqueOrThrow({ where: { id: busy } })).status).toBe('ACCEPTED_BY_OFFER');
    expect((await db.prisma.match.findUniqueOrThrow({ where: { id: current } })).status).toBe('ACCEPTED_BY_NEED');
    expect(await db.prisma.match.count({ where: { needId: extra.skillNeed2.id, offerId: extra.skillOffer2.id } })).toBe(0);
  });

  it('cancels the match and proposes the new pair in the name of the Mission ESS, explained by the engine', async () => {
    const admin = await user(parties.admin.id);
    const result = await reassignMatch(services, admin, current, { offerId: extra.skillOffer2.id, reason: 'Une agente plus disponible' });
    expect((await db.prisma.match.findUniqueOrThrow({ where: { id: current } })).status).toBe('CANCELLED');
    const created = await db.prisma.match.findUniqueOrThrow({ where: { id: result.matchId }, include: { history: true } });
    expect(created).toMatchObject({ needId: extra.skillNeed2.id, offerId: extra.skillOffer2.id, kind: 'COMPETENCE', status: 'SUGGESTED' });
    expect(created.score).toBeGreaterThan(0);
    expect(created.explanation.length).toBeGreaterThanOrEqual(2);
    expect(created.history).toEqual([expect.objectContaining({ from: null, to: 'SUGGESTED', actorId: admin.id, reason: 'Une agente plus disponible' })]);
    expect(await db.prisma.auditLog.count({ where: { action: 'match.reassigned', targetId: result.matchId } })).toBe(1);
    const cancelled = await db.prisma.outboxEmail.findMany({ where: { dedupeKey: { startsWith: `match-cancelled:${current}:` } } });
    expect(cancelled.map((email) => email.to).sort()).toEqual(['agent@gard.fr', 'presidente@jardins.example.org']);
    const proposed = await db.prisma.outboxEmail.findMany({ where: { dedupeKey: { startsWith: `match-proposed:${result.matchId}:` } } });
    expect(proposed.map((email) => email.to).sort()).toEqual(['agent2@gard.fr', 'presidente@jardins.example.org']);
    for (const email of proposed) {
      expect(email.subject).toBe('La Mission ESS du Département vous propose une mise en relation');
      expect(email.text).toContain(`/mises-en-relation/${result.matchId}`);
      expect(email.text).toContain(created.explanation[0]);
    }
  });

  it('to another need: a pair once cancelled is proposed again on its own row', async () => {
    const admin = await user(parties.admin.id);
    const next = (await db.prisma.match.findUniqueOrThrow({ where: { needId_offerId: { needId: extra.skillNeed2.id, offerId: extra.skillOffer2.id } } })).id;
    // The need of match A (cancelled above) with the same offer: a new pair.
    const moved = await reassignMatch(services, admin, next, { needId: parties.skillNeed.id, reason: 'Besoin plus urgent' });
    expect(await db.prisma.match.findUniqueOrThrow({ where: { id: moved.matchId } })).toMatchObject({ needId: parties.skillNeed.id, offerId: extra.skillOffer2.id, status: 'SUGGESTED' });
    // Back to the agent of match A: that pair exists, cancelled, and is reopened rather than duplicated.
    const reopened = await reassignMatch(services, admin, moved.matchId, { offerId: parties.skillOffer.id, reason: 'Retour à la première agente' });
    expect(reopened.matchId).toBe(ids.A);
    expect((await db.prisma.match.findUniqueOrThrow({ where: { id: ids.A } })).status).toBe('SUGGESTED');
    const history = await db.prisma.matchStatusChange.findMany({ where: { matchId: ids.A }, orderBy: { at: 'asc' } });
    expect(history.at(-1)).toMatchObject({ from: 'CANCELLED', to: 'SUGGESTED', reason: 'Retour à la première agente' });
  });
});

describe('the match page for the Mission ESS', () => {
  type ActionResult = { init?: { status?: number } | null; data?: { form?: string; fieldErrors?: Record<string, string[]> }; ok?: boolean; newMatchId?: string };
  const act = async (who: string, matchId: string, fields: Record<string, string>) =>
    (await matchAction({ request: post(`/mises-en-relation/${matchId}`, who, fields), context: context(), params: { matchId } })) as ActionResult;

  it('shows the Mission ESS forms to the Mission ESS only', async () => {
    const load = async (who: string) => (await matchLoader({ request: get(`/mises-en-relation/${ids.A}`, who), context: context(), params: { matchId: ids.A } })) as { admin: unknown };
    expect((await load('admin')).admin).toMatchObject({ blockedBy: null });
    expect((await load('host')).admin).toBeNull();
  });

  it('answers a missing reason next to the field of the form that was sent', async () => {
    const cancel = await act('admin', ids.A, { intent: 'cancel', reason: '' });
    expect(cancel.init?.status).toBe(400);
    expect(cancel.data).toMatchObject({ form: 'cancel', fieldErrors: { reason: [expect.stringContaining('Indiquez le motif')] } });
    const reassign = await act('admin', ids.A, { intent: 'reassign', target: 'n’importe quoi', reason: '' });
    expect(reassign.init?.status).toBe(400);
    expect(Object.keys(reassign.data?.fieldErrors ?? {}).sort()).toEqual(['reason', 'target']);
    expect(reassign.data?.form).toBe('reassign');
  });

  it('refuses the parties, and lets the Mission ESS reassign from the form', async () => {
    expect((await act('host', ids.A, { intent: 'cancel', reason: 'Je veux annuler' })).init?.status).toBe(403);
    expect((await act('agent', ids.A, { intent: 'reassign', target: `offre:${extra.skillOffer2.id}`, reason: 'Je préfère' })).init?.status).toBe(403);
    expect((await db.prisma.match.findUniqueOrThrow({ where: { id: ids.A } })).status).toBe('SUGGESTED');
    const done = await act('admin', ids.A, { intent: 'reassign', target: `offre:${extra.skillOffer2.id}`, reason: 'Agente plus disponible' });
    expect(done.ok).toBe(true);
    expect(await db.prisma.match.findUniqueOrThrow({ where: { id: done.newMatchId ?? '' } })).toMatchObject({ needId: parties.skillNeed.id, offerId: extra.skillOffer2.id, status: 'SUGGESTED' });
    const cancelled = await act('admin', done.newMatchId ?? '', { intent: 'cancel', reason: 'Finalement, pas de mise à disposition.' });
    expect(cancelled.ok).toBe(true);
    expect((await db.prisma.match.findUniqueOrThrow({ where: { id: done.newMatchId ?? '' } })).status).toBe('CANCELLED');
  });
});

describe('a pair the Mission ESS suggested', () => {
  it('awaits both sides: the first acceptance is recorded, the second makes it real with its convention', async () => {
    const admin = await user(parties.admin.id);
    const need = await createSkillNeed(db.prisma, { ownerId: parties.hostMember.id, organisationId: parties.host.id, skills: ['comptabilité'], title: 'Clôturer les comptes annuels', description: 'Un appui en comptabilité pour préparer la clôture.' });
    await embedPending(services);
    const source = await proposeMatch(services, await user(parties.hostMember.id), { needId: need.id, offerId: parties.skillOffer.id });
    const moved = await reassignMatch(services, admin, source.matchId, { offerId: extra.skillOffer2.id, reason: 'Une agente plus proche' });
    const host = await user(parties.hostMember.id);
    const agent2 = await user(extra.agent2.id);
    expect((await viewMatch(services, host, moved.matchId)).mayDecide).toBe(true);
    expect((await viewMatch(services, agent2, moved.matchId)).mayDecide).toBe(true);
    expect(await acceptMatch(services, agent2, moved.matchId)).toMatchObject({ status: 'ACCEPTED_BY_OFFER', conventionIds: [] });
    expect((await viewMatch(services, agent2, moved.matchId)).mayDecide).toBe(false);
    expect((await rejection(acceptMatch(services, agent2, moved.matchId))).code).toBe('CONFLICT');
    const accepted = await acceptMatch(services, host, moved.matchId);
    expect(accepted.status).toBe('ACCEPTED');
    expect(accepted.conventionIds).toHaveLength(1);
    const history = await db.prisma.matchStatusChange.findMany({ where: { matchId: moved.matchId }, orderBy: { at: 'asc' } });
    expect(history.slice(-2).map((change) => [change.from, change.to])).toEqual([
      ['SUGGESTED', 'ACCEPTED_BY_OFFER'],
      ['ACCEPTED_BY_OFFER', 'ACCEPTED'],
    ]);
  });
});

describe('a property under a call for occupation', () => {
  it('cannot be given to a structure by reassignment: the elected officials choose', async () => {
    const other = await createPropertyOffer(db.prisma, { ownerId: extra.propertyManager.id, organisationId: extra.propertyOffer.organisationId!, communeCode: '30007', title: 'Ancienne gendarmerie', surfaceM2: 300 });
    await db.prisma.propertyOffer.update({ where: { offerId: other.id }, data: { callOpenedAt: NOW, callDeadline: new Date('2027-06-30T00:00:00Z') } });
    const elsewhere = await createPropertyOffer(db.prisma, { ownerId: extra.propertyManager.id, organisationId: extra.propertyOffer.organisationId!, communeCode: '30007', title: 'Ancien garage', surfaceM2: 250 });
    const applied = await db.prisma.match.create({ data: { kind: 'LIEU', needId: extra.spaceNeed.id, offerId: elsewhere.id, score: 0.6, explanation: ['à 0 km'], status: 'ACCEPTED_BY_NEED' } });
    const refused = await rejection(reassignMatch(services, await user(parties.admin.id), applied.id, { offerId: other.id, reason: 'Plus grand' }));
    expect(refused.fieldErrors.target?.[0]).toContain('appel à occupation');
    expect(await db.prisma.match.findUniqueOrThrow({ where: { id: applied.id } })).toEqual(applied);
  });
});

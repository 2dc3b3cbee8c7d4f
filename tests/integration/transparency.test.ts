import { createElement, type ComponentType } from 'react';
import { renderToString } from 'react-dom/server';
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from 'react-router-dom/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateAllocation } from '../../app/.server/allocation/allocation-review';
import { startAllocation } from '../../app/.server/allocation/cohort-allocation';
import { createUserSession } from '../../app/.server/auth/session';
import type { Database } from '../../app/.server/db/connection';
import { jobHandlers } from '../../app/.server/jobs/handlers';
import { drainJobs } from '../../app/.server/jobs/queue';
import { embedPending } from '../../app/.server/matching/embedding-store';
import { acceptMatch, proposeMatch } from '../../app/.server/matching/match-decisions';
import type { Services } from '../../app/.server/services';
import { allocationLineId, individualReport, REPORT_ITEMS, type IndividualReport } from '../../app/.server/transparency/individual-report';
import { SCORE_WEIGHTS } from '../../matching/scoring';
import { createPupil } from '../../prisma/seed/builders';
import * as reportPdfRoute from '../../app/routes/admin.transparence.$kind.$id.pdf';
import * as reportRoute from '../../app/routes/admin.transparence.$kind.$id';
import * as reportsRoute from '../../app/routes/admin.transparence._index';
import * as allocationRoute from '../../app/routes/affectations.$allocationId';
import * as needSuggestionsRoute from '../../app/routes/besoins.$needId.suggestions';
import * as matchRoute from '../../app/routes/mises-en-relation.$matchId';
import * as offerSuggestionsRoute from '../../app/routes/offres_.$offerId.suggestions';
import * as transparencyRoute from '../../app/routes/transparence';
import { decimalFr, MISSION_ESS_CONTACT } from '../../app/lib/transparency';
import { asCurrentUser, conventionParties } from '../support/convention-fixtures';
import { pdfText } from '../support/pdf-text';
import { rejection } from '../support/rejection';
import { statusOf } from '../support/route-calls';
import { createTestDatabase } from '../support/test-database';
import { createTestServices, requestWithCookie } from '../support/test-services';

let db: Database;
let services: Services;
let parties: Awaited<ReturnType<typeof conventionParties>>;
let cookies: Record<'admin' | 'host' | 'agent' | 'principal' | 'outsider', string>;
let matchId: string;
let allocationId: string;
let bonnet: { id: string };

const NOTICE = 'Cette proposition a été établie sur le fondement d’un traitement algorithmique';

beforeAll(async () => {
  db = await createTestDatabase();
  ({ services } = createTestServices(db));
  parties = await conventionParties(db, new Date('2026-11-28T10:00:00Z'));
  bonnet = await createPupil(db.prisma, {
    collegeId: parties.college.id,
    firstName: 'Léa',
    lastName: 'Bonnet',
    priority: true,
    interests: 'jardin, potager',
    birthDate: new Date('2012-03-04'),
    legalRepEmail: 'famille.bonnet@example.org',
  });
  await embedPending(services);
  cookies = {
    admin: await createUserSession(services, parties.admin.id),
    host: await createUserSession(services, parties.hostMember.id),
    agent: await createUserSession(services, parties.agent.id),
    principal: await createUserSession(services, parties.principal.id),
    outsider: await createUserSession(services, parties.outsider.id),
  };
  // A skills placement proposed by the structure from its suggestions, then accepted by the agent.
  ({ matchId } = await proposeMatch(services, await asCurrentUser(db, parties.hostMember.id), { needId: parties.skillNeed.id, offerId: parties.skillOffer.id }));
  await acceptMatch(services, await asCurrentUser(db, parties.agent.id), matchId);
  // The collège's cohort allocation, computed in the background, then validated.
  const principal = await asCurrentUser(db, parties.principal.id);
  ({ allocationId } = await startAllocation(services, principal, parties.internshipNeed.id));
  await drainJobs(services, jobHandlers);
});
afterAll(() => db.close());

type RouteModule = { loader: (args: never) => unknown; default: ComponentType };

/** Renders a route as the server would: its real loader, then its component in a static router. */
async function renderRoute(module: RouteModule, pattern: string, path: string, cookie: string | null): Promise<string> {
  const handler = createStaticHandler([{ id: 'page', path: pattern, loader: module.loader as never, Component: module.default }]);
  const context = await handler.query(requestWithCookie(path, cookie), { requestContext: { services, clientIp: '127.0.0.1' } });
  if (context instanceof Response) throw new Error(`${path} answered ${context.status}`);
  if (context.errors) throw new Error(`${path} failed: ${JSON.stringify(context.errors)}`);
  return renderToString(createElement(StaticRouterProvider, { router: createStaticRouter(handler.dataRoutes, context), context }));
}

const plainText = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&#x27;/g, '\'').replace(/&amp;/g, '&').replace(/\s+/g, ' ');

const sectionText = (report: IndividualReport, index: number) => JSON.stringify(report.sections[index]);
const tableOf = (report: IndividualReport, index: number, caption: string) => {
  const block = report.sections[index]!.blocks.find((candidate) => candidate.type === 'table' && candidate.caption.startsWith(caption));
  if (!block || block.type !== 'table') throw new Error(`no table « ${caption} » in section ${index + 1}`);
  return block;
};

describe('the public page /transparence', () => {
  it('renders without signing in, with the engine’s weights and where to ask', async () => {
    expect(await statusOf(transparencyRoute.loader, services, requestWithCookie('/transparence', null))).toBe(200);
    const text = plainText(await renderRoute(transparencyRoute as RouteModule, '/transparence', '/transparence', null));
    expect(text).toContain('Comment fonctionnent les suggestions et l’affectation');
    expect(text).toContain(`${decimalFr(SCORE_WEIGHTS.similarity)} (${Math.round(SCORE_WEIGHTS.similarity * 100)} %)`);
    expect(text).toContain(`${decimalFr(SCORE_WEIGHTS.proximity)} (${Math.round(SCORE_WEIGHTS.proximity * 100)} %)`);
    expect(text).toContain('IGN Admin Express');
    expect(text).toContain('Thésaurus');
    expect(text).toContain(MISSION_ESS_CONTACT.email);
    expect(text).toContain('www.cada.fr');
    expect(text).toContain('tribunal administratif');
    for (const heading of ['Structure éligible', 'Bien adapté', 'Semaine et places', 'placer le plus grand nombre possible d’élèves prioritaires']) {
      expect(text).toContain(heading);
    }
  });

  it('shows no personal data: no name or email of any account, pupil or organisation', async () => {
    const html = await renderRoute(transparencyRoute as RouteModule, '/transparence', '/transparence', null);
    const users = await db.prisma.user.findMany();
    const pupils = await db.prisma.pupil.findMany();
    const organisations = await db.prisma.organisation.findMany();
    // Full names, not single words: an account's last name may be an ordinary word (« Mission »).
    const personal = [
      ...users.flatMap((user) => [user.email, `${user.firstName} ${user.lastName}`]),
      ...pupils.flatMap((pupil) => [`${pupil.firstName} ${pupil.lastName}`, pupil.legalRepEmail]),
      ...organisations.map((organisation) => organisation.name),
    ];
    expect(personal.length).toBeGreaterThan(10);
    for (const value of personal) expect(html).not.toContain(value);
  });
});

describe('the explicit mention beside every result', () => {
  it('is on both suggestion pages and links to the published rules', async () => {
    const needPage = await renderRoute(
      needSuggestionsRoute as RouteModule,
      '/besoins/:needId/suggestions',
      `/besoins/${parties.skillNeed.id}/suggestions`,
      cookies.host,
    );
    const offerPage = await renderRoute(
      offerSuggestionsRoute as RouteModule,
      '/offres/:offerId/suggestions',
      `/offres/${parties.skillOffer.id}/suggestions`,
      cookies.agent,
    );
    for (const html of [needPage, offerPage]) {
      expect(plainText(html)).toContain(NOTICE);
      expect(html).toContain('href="/transparence"');
      expect(html).toContain(`href="mailto:${MISSION_ESS_CONTACT.email}"`);
      expect(html).toContain('href="https://www.cada.fr"');
    }
    // The suggestion itself is on the page: the mention accompanies a real result.
    expect(plainText(needPage)).toContain('pertinence');
  });

  it('is on the match page, where only the Mission ESS gets the link to the individual report', async () => {
    const path = `/mises-en-relation/${matchId}`;
    const asHost = await renderRoute(matchRoute as RouteModule, '/mises-en-relation/:matchId', path, cookies.host);
    const asAdmin = await renderRoute(matchRoute as RouteModule, '/mises-en-relation/:matchId', path, cookies.admin);
    expect(plainText(asHost)).toContain(NOTICE);
    expect(asHost).not.toContain('/admin/transparence/');
    expect(asAdmin).toContain(`href="/admin/transparence/mise-en-relation/${matchId}"`);
  });

  it('is on the allocation review page', async () => {
    const html = await renderRoute(allocationRoute as RouteModule, '/affectations/:allocationId', `/affectations/${allocationId}`, cookies.principal);
    expect(plainText(html)).toContain(NOTICE);
    expect(plainText(html)).toContain('répartir les élèves de 3e');
  });
});

describe('the individual report of a match (art. R311-3-1-2)', () => {
  let report: IndividualReport;
  beforeAll(async () => {
    report = await individualReport(services, await asCurrentUser(db, parties.admin.id), 'mise-en-relation', matchId);
  });

  it('has the four items, in the code’s order', () => {
    expect(report.sections.map((section) => section.heading)).toEqual([...REPORT_ITEMS]);
    expect(report.subject.map((fact) => fact.value).join(' ')).toContain('Tenir la comptabilité de l’association');
  });

  it('1° says the algorithm only suggested, and who decided when', () => {
    expect(sectionText(report, 0)).toContain('a seulement suggéré');
    const decisions = tableOf(report, 0, 'Décisions prises par des personnes').rows;
    expect(decisions).toHaveLength(2);
    expect(decisions[0]![1]).toBe('Lucie Arnaud (pour le besoin, Les Jardins Partagés)');
    expect(decisions[0]![2]).toBe('proposée (ou acceptée) pour le besoin');
    expect(decisions[1]![1]).toBe('Marc Chabert (agent du Département, pour l’offre)');
    expect(decisions[1]![2]).toContain('mise en relation conclue');
  });

  it('2° lists the data of both sides with their sources', () => {
    const need = tableOf(report, 1, 'Besoin').rows;
    const label = (rows: string[][], name: string) => rows.find((row) => row[0] === name);
    expect(label(need, 'Compétences recherchées')?.[1]).toBe('comptabilité');
    expect(label(need, 'Éligibilité de la structure')?.[1]).toContain('organisme d’intérêt général, vérifiée le');
    expect(label(need, 'Commune')?.[2]).toContain('IGN Admin Express');
    const offer = tableOf(report, 1, 'Offre').rows;
    expect(label(offer, 'Compétences proposées')?.[1]).toBe('comptabilité');
    expect(label(offer, 'Rayon de déplacement')).toBeDefined();
    expect(sectionText(report, 1)).toContain('Thésaurus');
  });

  it('3° gives the weights applied, and the same score as the one recorded when the match was proposed', async () => {
    const match = await db.prisma.match.findUniqueOrThrow({ where: { id: matchId } });
    const rows = tableOf(report, 2, 'Score de pertinence').rows;
    expect(rows.map((row) => [row[0], row[2]])).toEqual([
      ['Similarité des textes', decimalFr(SCORE_WEIGHTS.similarity)],
      ['Proximité', decimalFr(SCORE_WEIGHTS.proximity)],
      ['Fraîcheur de l’offre', decimalFr(SCORE_WEIGHTS.freshness)],
      ['Priorité', '0,1'],
    ]);
    expect(sectionText(report, 2)).toContain(`Score : ${decimalFr(match.score)} (pertinence ${Math.round(match.score * 100)} %)`);
  });

  it('4° shows every constraint passed and the rank among today’s suggestions', () => {
    const constraints = tableOf(report, 3, 'Conditions impératives').rows;
    expect(constraints.map((row) => row[0])).toEqual(['Même type', 'Structure éligible', 'Distance', 'Périodes']);
    expect(constraints.every((row) => row[1] === 'respectée')).toBe(true);
    const ranking = tableOf(report, 3, 'Classement').rows;
    expect(ranking.find((row) => row[0]?.startsWith('Rang de l’offre'))?.[1]).toMatch(/^1er sur \d+ suggestion/);
    expect(ranking.find((row) => row[0]?.startsWith('Rang du besoin'))?.[1]).toMatch(/^(1er|\d+e) sur \d+ suggestion/);
  });
});

describe('the individual report of a pupil’s allocation', () => {
  const reportFor = async (pupilId: string) =>
    individualReport(services, await asCurrentUser(db, parties.admin.id), 'affectation', allocationLineId(allocationId, pupilId));

  it('has the four items for a placed priority pupil, with the criteria her seat counts for', async () => {
    const report = await reportFor(bonnet.id);
    expect(report.sections.map((section) => section.heading)).toEqual([...REPORT_ITEMS]);
    expect(sectionText(report, 0)).toContain('proposition d’affectation calculée');
    const data = tableOf(report, 1, 'Données de l’élève').rows;
    expect(data.find((row) => row[0] === 'Élève prioritaire (sans réseau)')?.[1]).toBe('oui');
    expect(data.find((row) => row[0] === 'Centres d’intérêt')?.[1]).toBe('jardin, potager');
    const objective = tableOf(report, 2, 'Ce que le résultat').rows;
    expect(objective[0]).toEqual(['Élève prioritaire placé(e)', '1']);
    expect(objective[1]).toEqual(['Élève placé(e)', '1']);
    expect(objective[3]![1]).toMatch(/^\d+ millièmes sur 1000$/);
    const options = tableOf(report, 2, 'Paramètres appliqués').rows;
    expect(options.filter((row) => row[3] === 'stage attribué')).toHaveLength(1);
    const line = await db.prisma.allocationLine.findUniqueOrThrow({ where: { allocationId_pupilId: { allocationId, pupilId: bonnet.id } } });
    expect(sectionText(report, 3)).toContain(JSON.stringify(line.reasons.join(' ; ')).slice(1, -1));
  });

  it('names only the pupil concerned, and none of what the engine does not use', async () => {
    const report = await reportFor(parties.pupil.id);
    const all = JSON.stringify(report);
    expect(report.subject[0]).toEqual({ label: 'Élève', value: 'Inès Martin, 3e A' });
    expect(all).not.toContain('famille.martin@example.org');
    expect(all).not.toContain('2012-06-10');
    expect(all).not.toContain('juin 2012');
    expect(all).not.toContain('Bonnet');
    expect(all).not.toContain('Léa');
  });

  it('records the collège’s validation once it is done', async () => {
    await validateAllocation(services, await asCurrentUser(db, parties.principal.id), allocationId);
    const report = await reportFor(bonnet.id);
    const steps = tableOf(report, 0, 'Étapes et décisions').rows.map((row) => row[2]);
    expect(steps).toContain('proposition validée et adressée aux structures');
    expect(steps.some((step) => step?.startsWith('mise en relation avec la structure'))).toBe(true);
    expect(report.subject.find((fact) => fact.label === 'Affectation')?.value).toContain('validée par le collège');
  });
});

describe('access to the individual reports', () => {
  const page = (kind: string, id: string) => `/admin/transparence/${kind}/${encodeURIComponent(id)}`;

  it('is for the Mission ESS only: 403 for every other role, 404 for what does not exist', async () => {
    const lineId = allocationLineId(allocationId, bonnet.id);
    for (const [kind, id] of [['mise-en-relation', matchId], ['affectation', lineId]] as const) {
      for (const route of [reportRoute, reportPdfRoute]) {
        const path = route === reportRoute ? page(kind, id) : `${page(kind, id)}/pdf`;
        expect(await statusOf(route.loader, services, requestWithCookie(path, null), { kind, id })).toBe(302);
        for (const who of ['host', 'agent', 'principal', 'outsider'] as const) {
          expect(await statusOf(route.loader, services, requestWithCookie(path, cookies[who]), { kind, id })).toBe(403);
        }
        expect(await statusOf(route.loader, services, requestWithCookie(path, cookies.admin), { kind, id })).toBe(200);
      }
    }
    for (const [kind, id] of [['mise-en-relation', 'inconnu'], ['affectation', 'inconnu'], ['affectation', `${allocationId}~inconnu`], ['affectation', '~'], ['autre', matchId]]) {
      expect(await statusOf(reportRoute.loader, services, requestWithCookie(page(kind!, id!), cookies.admin), { kind: kind!, id: id! })).toBe(404);
    }
    expect((await rejection(individualReport(services, await asCurrentUser(db, parties.principal.id), 'affectation', lineId))).code).toBe('FORBIDDEN');
  });

  it('lets the Mission ESS find a pupil’s line by collège and full name, without listing pupils', async () => {
    expect(await statusOf(reportsRoute.loader, services, requestWithCookie('/admin/transparence', cookies.principal))).toBe(403);
    const query = new URLSearchParams({ college: parties.college.id, lastName: 'MARTIN', firstName: 'ines' });
    const html = await renderRoute(reportsRoute as RouteModule, '/admin/transparence', `/admin/transparence?${query}`, cookies.admin);
    expect(html).toContain(`/admin/transparence/affectation/${encodeURIComponent(allocationLineId(allocationId, parties.pupil.id))}`);
    expect(html).not.toContain('Bonnet');
    const byMatch = await renderRoute(reportsRoute as RouteModule, '/admin/transparence', `/admin/transparence?q=${encodeURIComponent(`http://x/mises-en-relation/${matchId}`)}`, cookies.admin);
    expect(byMatch).toContain(`/admin/transparence/mise-en-relation/${matchId}`);
    const incomplete = plainText(await renderRoute(reportsRoute as RouteModule, '/admin/transparence', '/admin/transparence?lastName=Martin', cookies.admin));
    expect(incomplete).toContain('Indiquez le collège, le nom et le prénom de l’élève.');
  });

  it('shows the report as a page, with its PDF link', async () => {
    const html = await renderRoute(reportRoute as RouteModule, '/admin/transparence/:kind/:id', page('mise-en-relation', matchId), cookies.admin);
    REPORT_ITEMS.forEach((item, index) => expect(plainText(html)).toContain(`${index + 1}° ${item}`));
    expect(html).toContain(`href="/admin/transparence/mise-en-relation/${matchId}/pdf"`);
    expect(plainText(html)).toContain('Télécharger (PDF)');
  });

  it('renders the report as a PDF with the four items, in French', async () => {
    const response = (await reportPdfRoute.loader({
      request: requestWithCookie(`${page('affectation', allocationLineId(allocationId, bonnet.id))}/pdf`, cookies.admin),
      context: { services, clientIp: '127.0.0.1' },
      params: { kind: 'affectation', id: allocationLineId(allocationId, bonnet.id) },
    })) as Response;
    expect(response.headers.get('Content-Type')).toBe('application/pdf');
    expect(response.headers.get('Cache-Control')).toBe('private, no-store');
    const { text } = await pdfText(new Uint8Array(await response.arrayBuffer()));
    const flat = text.replace(/\s+/g, ' ');
    REPORT_ITEMS.forEach((item, index) => expect(flat).toContain(`${index + 1}° ${item}`));
    expect(flat).toContain('Léa Bonnet');
    expect(flat).toContain('millièmes');
    expect(flat).not.toContain('famille.bonnet@example.org');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserSession } from '../../app/.server/auth/session';
import type { Database } from '../../app/.server/db/connection';
import { editConvention, sendForSignature } from '../../app/.server/conventions/issue';
import { openSigningLink } from '../../app/.server/conventions/signing';
import { acceptMatch, proposeMatch } from '../../app/.server/matching/match-decisions';
import type { Services } from '../../app/.server/services';
import { action as conventionAction, loader as conventionLoader } from '../../app/routes/conventions.$conventionId';
import { loader as pdfLoader } from '../../app/routes/conventions.$conventionId.pdf';
import { loader as listLoader } from '../../app/routes/conventions._index';
import { loader as exportLoader } from '../../app/routes/conventions.export[.]csv';
import { parseCsv } from '../../app/.server/pupils/csv';
import { action as matchAction, loader as matchLoader } from '../../app/routes/mises-en-relation.$matchId';
import { action as signatureAction, loader as signatureLoader } from '../../app/routes/signature.$token';
import { action as verificationAction } from '../../app/routes/verification';
import { asCurrentUser, conventionParties, linksFromOutbox } from '../support/convention-fixtures';
import { statusOf } from '../support/route-calls';
import { createTestDatabase } from '../support/test-database';
import { createTestServices, requestWithCookie } from '../support/test-services';

let db: Database;
let services: Services;
let conventionId = '';
let matchId = '';
const cookies: Record<string, string | null> = { anonymous: null };

beforeAll(async () => {
  db = await createTestDatabase();
  services = createTestServices(db).services;
  const parties = await conventionParties(db, new Date('2026-11-28T10:00:00Z'));
  ({ matchId } = await proposeMatch(services, await asCurrentUser(db, parties.agent.id), { needId: parties.skillNeed.id, offerId: parties.skillOffer.id }));
  conventionId = (await acceptMatch(services, await asCurrentUser(db, parties.hostMember.id), matchId)).conventionIds?.[0] ?? '';
  const people = { admin: parties.admin, host: parties.hostMember, agent: parties.agent, outsider: parties.outsider, college: parties.principal };
  for (const [name, user] of Object.entries(people)) cookies[name] = await createUserSession(services, user.id);
});
afterAll(() => db.close());

const get = (path: string, who: string) => requestWithCookie(path, cookies[who] ?? null);
const post = (path: string, who: string, fields: Record<string, string>) =>
  requestWithCookie(path, cookies[who] ?? null, { method: 'POST', body: new URLSearchParams(fields) });
function multipart(path: string, who: string, fields: Record<string, string>, file: { name: string; type: string; body: Uint8Array }) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  form.set('scan', new File([Buffer.from(file.body)], file.name, { type: file.type }));
  return requestWithCookie(path, cookies[who] ?? null, { method: 'POST', body: form });
}

describe('who may open a convention, its PDF and its match', () => {
  const expected: Record<string, number> = { admin: 200, host: 200, agent: 200, outsider: 404, college: 404, anonymous: 302 };
  for (const [who, status] of Object.entries(expected)) {
    it(`${who}: ${status}`, async () => {
      expect(await statusOf(conventionLoader, services, get(`/conventions/${conventionId}`, who), { conventionId })).toBe(status);
      expect(await statusOf(pdfLoader, services, get(`/conventions/${conventionId}/pdf`, who), { conventionId })).toBe(status);
      expect(await statusOf(matchLoader, services, get(`/mises-en-relation/${matchId}`, who), { matchId })).toBe(status);
    });
  }

  it('the CSV export follows the same visibility, without any pupil’s name', async () => {
    const csv = async (who: string) => {
      const response = (await exportLoader({ request: get('/conventions/export.csv', who), context: { services, clientIp: '127.0.0.1' }, params: {} })) as Response;
      expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
      return parseCsv(await response.text()).map((row) => row.cells);
    };
    const reference = (await db.prisma.convention.findUniqueOrThrow({ where: { id: conventionId } })).reference;
    const mine = await csv('host');
    expect(mine[0]?.slice(0, 3)).toEqual(['référence', 'type', 'état']);
    expect(mine.slice(1).map((cells) => cells[0])).toEqual([reference]);
    expect((await csv('outsider')).length).toBe(1);
  });

  it('the list shows a person only the conventions of their organisations', async () => {
    const list = async (who: string) =>
      (await listLoader({ request: get('/conventions', who), context: { services, clientIp: '127.0.0.1' }, params: {} })) as { total: number };
    expect((await list('host')).total).toBe(1);
    expect((await list('admin')).total).toBe(1);
    expect((await list('outsider')).total).toBe(0);
    expect((await list('college')).total).toBe(0);
  });
});

describe('forms answer bad input in French and change nothing', () => {
  type Action = (args: { request: Request; context: { services: Services; clientIp: string }; params: Record<string, string> }) => Promise<unknown>;
  const call = async (handler: Action, request: Request, params: Record<string, string>) => {
    const result = (await handler({ request, context: { services, clientIp: '127.0.0.1' }, params })) as {
      init?: { status?: number };
      data?: { formError?: string; fieldErrors?: Record<string, string[]> };
    };
    return { status: result.init?.status ?? 200, body: result.data };
  };

  it('an outsider cannot edit, send or cancel by forging the form', async () => {
    const before = await db.prisma.convention.findUniqueOrThrow({ where: { id: conventionId } });
    for (const intent of ['send', 'cancel']) {
      const { status } = await call(conventionAction, post(`/conventions/${conventionId}`, 'outsider', { intent, reason: 'Je veux annuler' }), { conventionId });
      expect(status).toBe(404);
    }
    const after = await db.prisma.convention.findUniqueOrThrow({ where: { id: conventionId } });
    expect(after.status).toBe(before.status);
    expect(after.updatedAt).toEqual(before.updatedAt);
  });

  it('a date that does not exist is refused next to its field', async () => {
    const { status, body } = await call(conventionAction, post(`/conventions/${conventionId}`, 'host', { intent: 'save', kind: 'COMPETENCE', start: '2027-02-30', hoursPerMonth: '8' }), { conventionId });
    expect(status).toBe(400);
    expect(body?.fieldErrors?.start?.[0]).toContain('Date invalide');
  });

  it('a cancellation without reason is refused', async () => {
    const { status, body } = await call(conventionAction, post(`/conventions/${conventionId}`, 'host', { intent: 'cancel', reason: '' }), { conventionId });
    expect(status).toBe(400);
    expect(body?.fieldErrors?.reason).toBeDefined();
    expect((await db.prisma.convention.findUniqueOrThrow({ where: { id: conventionId } })).status).toBe('DRAFT');
  });

  it('an unknown intent or a decision on someone else’s match is refused', async () => {
    expect((await call(conventionAction, post(`/conventions/${conventionId}`, 'host', { intent: 'détruire' }), { conventionId })).status).toBe(400);
    expect((await call(matchAction, post(`/mises-en-relation/${matchId}`, 'outsider', { intent: 'decline', reason: 'Non merci' }), { matchId })).status).toBe(403);
  });

  it('a made-up signature token gets a French 404, and signing with it a clear refusal', async () => {
    expect(await statusOf(signatureLoader, services, get('/signature/nimportequoi', 'anonymous'), { token: 'nimportequoi' })).toBe(404);
    const { status, body } = await call(signatureAction, post('/signature/nimportequoi', 'anonymous', { typedName: 'Moi Même', consent: 'on' }), { token: 'nimportequoi' });
    expect(status).toBe(404);
    expect(body?.formError).toContain('n’est pas valide');
  });

  it('the public verification of an empty query is refused next to its field', async () => {
    const { status, body } = await call(verificationAction, post('/verification', 'anonymous', { query: '' }), {});
    expect(status).toBe(400);
    expect(body?.fieldErrors?.query?.[0]).toContain('Saisissez');
  });

  it('a scan of a paper signature counts for that signatory, recorded as such; other files are refused', async () => {
    const host = await asCurrentUser(db, (await db.prisma.user.findUniqueOrThrow({ where: { email: 'presidente@jardins.example.org' } })).id);
    const convention = await db.prisma.convention.findUniqueOrThrow({ where: { id: conventionId } });
    await editConvention(services, host, conventionId, { ...(convention.terms as object), arreteReference: 'ARR-1', arreteDate: '2026-11-20', subsidyAmount: '900' });
    await sendForSignature(services, host, conventionId);
    const departement = await db.prisma.signatory.findFirstOrThrow({ where: { conventionId, role: 'DEPARTEMENT' } });
    const scan = new TextEncoder().encode('%PDF-1.4 scan de la signature manuscrite');
    const wrongType = await call(conventionAction, multipart(`/conventions/${conventionId}`, 'host', { intent: 'paper', signatoryId: departement.id }, { name: 'scan.txt', type: 'text/plain', body: scan }), { conventionId });
    expect(wrongType.status).toBe(400);
    expect(JSON.stringify(wrongType.body?.fieldErrors)).toContain('PDF, un PNG ou un JPEG');
    const outsider = await call(conventionAction, multipart(`/conventions/${conventionId}`, 'outsider', { intent: 'paper', signatoryId: departement.id }, { name: 'scan.pdf', type: 'application/pdf', body: scan }), { conventionId });
    expect(outsider.status).toBe(404);
    expect(await db.prisma.signature.count()).toBe(0);

    const recorded = await call(conventionAction, multipart(`/conventions/${conventionId}`, 'host', { intent: 'paper', signatoryId: departement.id }, { name: 'scan.pdf', type: 'application/pdf', body: scan }), { conventionId });
    expect(recorded.status).toBe(200);
    const signature = await db.prisma.signature.findFirstOrThrow({ where: { signatoryId: departement.id } });
    const version = await db.prisma.conventionVersion.findFirstOrThrow({ where: { conventionId, number: 1 } });
    expect(signature).toMatchObject({ method: 'PAPER', typedName: null, ipHash: null, recordedById: host.id, documentSha256: version.sha256, scanContentType: 'application/pdf' });
    expect((await services.storage.get(signature.scanKey ?? ''))?.body).toEqual(scan);
    expect((await db.prisma.convention.findUniqueOrThrow({ where: { id: conventionId } })).status).toBe('PARTIALLY_SIGNED');
  });

  it('a signatory who refuses gives a reason; the convention is rejected and every party is told', async () => {
    const [link] = (await linksFromOutbox(db, 'signature')).filter((l) => l.to === 'agent@gard.fr');
    const token = link?.token ?? '';
    const empty = await call(signatureAction, post(`/signature/${token}`, 'anonymous', { intent: 'reject', reason: '' }), { token });
    expect(empty.status).toBe(400);
    expect((await db.prisma.convention.findUniqueOrThrow({ where: { id: conventionId } })).status).toBe('PARTIALLY_SIGNED');
    const refused = await call(signatureAction, post(`/signature/${token}`, 'anonymous', { intent: 'reject', reason: 'Mon service ne peut pas se passer de moi ce semestre' }), { token });
    expect(refused.status).toBe(200);
    const after = await db.prisma.convention.findUniqueOrThrow({ where: { id: conventionId } });
    expect(after.status).toBe('REJECTED');
    expect(after.statusReason).toContain('Mon service ne peut pas');
    const told = await db.prisma.outboxEmail.findMany({ where: { dedupeKey: { startsWith: 'convention-rejected:' } } });
    expect(told.map((e) => e.to).sort()).toEqual(['agent@gard.fr', 'mission@gard.fr', 'presidente@jardins.example.org']);
    const other = (await linksFromOutbox(db, 'signature')).find((l) => l.to === 'presidente@jardins.example.org');
    expect(await statusOf(signatureLoader, services, get(`/signature/${other?.token ?? ''}`, 'anonymous'), { token: other?.token ?? '' })).toBe(200);
    expect((await openSigningLink(services, other?.token ?? '')).state).toBe('CLOSED');
  });
});

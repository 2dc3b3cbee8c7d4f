import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserSession } from '../../app/.server/auth/session';
import type { Database } from '../../app/.server/db/connection';
import type { Services } from '../../app/.server/services';
import { loader as adminLoader } from '../../app/routes/admin._index';
import { loader as accountLoader } from '../../app/routes/compte';
import { loader as agentLoader } from '../../app/routes/espace.agent';
import { loader as collegeLoader } from '../../app/routes/espace.college.$organisationId';
import { loader as propertyLoader } from '../../app/routes/espace.patrimoine';
import { loader as structureLoader } from '../../app/routes/espace.structure.$organisationId';
import { loader as outboxLoader } from '../../app/routes/outbox._index';
import {
  createAgent,
  createCollege,
  createCouncilService,
  createPropertyOffer,
  createStructure,
  createUser,
} from '../../prisma/seed/builders';
import { loadCommunes } from '../../prisma/seed/communes';
import { statusOf } from '../support/route-calls';
import { createTestDatabase } from '../support/test-database';
import { createTestServices, requestWithCookie } from '../support/test-services';

let db: Database;
let services: Services;
let productionServices: Services;
const ids: Record<string, string> = {};
const cookies: Record<string, string | null> = { anonymous: null };

beforeAll(async () => {
  db = await createTestDatabase();
  services = createTestServices(db).services;
  productionServices = createTestServices(db, { env: { DEMO_MODE: 'false' } }).services;
  await loadCommunes(db.prisma);
  const structureA = await createStructure(db.prisma);
  const structureB = await createStructure(db.prisma);
  const college = await createCollege(db.prisma);
  const patrimoine = await createCouncilService(db.prisma);
  Object.assign(ids, { structureA: structureA.id, structureB: structureB.id, college: college.id });

  const people = {
    memberA: await createUser(db.prisma, { roles: [{ role: 'STRUCTURE_MEMBER', organisationId: structureA.id }] }),
    memberB: await createUser(db.prisma, { roles: [{ role: 'STRUCTURE_MEMBER', organisationId: structureB.id }] }),
    collegeStaff: await createUser(db.prisma, { roles: [{ role: 'COLLEGE_STAFF', organisationId: college.id }] }),
    agent: await createAgent(db.prisma, { email: 'agent@gard.fr' }),
    propertyManager: await createUser(db.prisma, {
      roles: [{ role: 'PROPERTY_MANAGER', organisationId: patrimoine.id }],
    }),
    admin: await createUser(db.prisma, { roles: [{ role: 'MISSION_ESS_ADMIN' }] }),
    nobody: await createUser(db.prisma),
  };
  await createPropertyOffer(db.prisma, { ownerId: people.propertyManager.id, organisationId: patrimoine.id });
  for (const [name, user] of Object.entries(people)) cookies[name] = await createUserSession(services, user.id);
});
afterAll(() => db.close());

type Page = { name: string; loader: Parameters<typeof statusOf>[0]; params?: () => Record<string, string>; path: string };

const pages: Page[] = [
  { name: 'structure A space', loader: structureLoader, path: '/espace/structure/x', params: () => ({ organisationId: ids.structureA! }) },
  { name: 'college space', loader: collegeLoader, path: '/espace/college/x', params: () => ({ organisationId: ids.college! }) },
  { name: 'agent space', loader: agentLoader, path: '/espace/agent' },
  { name: 'property space', loader: propertyLoader, path: '/espace/patrimoine' },
  { name: 'Mission ESS admin', loader: adminLoader, path: '/admin' },
  { name: 'account', loader: accountLoader, path: '/compte' },
];

// Expected status for each person on each page: 200 allowed, 403 refused, 302 sent to sign-in.
const expected: Record<string, Record<string, number>> = {
  anonymous: { 'structure A space': 302, 'college space': 302, 'agent space': 302, 'property space': 302, 'Mission ESS admin': 302, account: 302 },
  memberA: { 'structure A space': 200, 'college space': 403, 'agent space': 403, 'property space': 403, 'Mission ESS admin': 403, account: 200 },
  memberB: { 'structure A space': 403, 'college space': 403, 'agent space': 403, 'property space': 403, 'Mission ESS admin': 403, account: 200 },
  collegeStaff: { 'structure A space': 403, 'college space': 200, 'agent space': 403, 'property space': 403, 'Mission ESS admin': 403, account: 200 },
  agent: { 'structure A space': 403, 'college space': 403, 'agent space': 200, 'property space': 403, 'Mission ESS admin': 403, account: 200 },
  propertyManager: { 'structure A space': 403, 'college space': 403, 'agent space': 403, 'property space': 200, 'Mission ESS admin': 403, account: 200 },
  admin: { 'structure A space': 200, 'college space': 200, 'agent space': 403, 'property space': 403, 'Mission ESS admin': 200, account: 200 },
  nobody: { 'structure A space': 403, 'college space': 403, 'agent space': 403, 'property space': 403, 'Mission ESS admin': 403, account: 200 },
};

describe('who may open which page', () => {
  for (const [person, row] of Object.entries(expected)) {
    it(`${person}`, async () => {
      const actual: Record<string, number> = {};
      for (const page of pages) {
        actual[page.name] = await statusOf(page.loader, services, requestWithCookie(page.path, cookies[person] ?? null), page.params?.() ?? {});
      }
      expect(actual).toEqual(row);
    });
  }

  it('a structure member cannot read another structure by changing the id in the address', async () => {
    const status = await statusOf(structureLoader, services, requestWithCookie('/espace/structure/b', cookies.memberA ?? null), {
      organisationId: ids.structureB!,
    });
    expect(status).toBe(403);
  });

  it('an organisation id of the wrong kind is not found, even for the Mission ESS', async () => {
    const status = await statusOf(structureLoader, services, requestWithCookie('/espace/structure/c', cookies.admin ?? null), {
      organisationId: ids.college!,
    });
    expect(status).toBe(404);
  });

  it('the local outbox is open in demo mode, reserved to the Mission ESS otherwise', async () => {
    expect(await statusOf(outboxLoader, services, requestWithCookie('/outbox', null))).toBe(200);
    expect(await statusOf(outboxLoader, productionServices, requestWithCookie('/outbox', null))).toBe(403);
    expect(await statusOf(outboxLoader, productionServices, requestWithCookie('/outbox', cookies.memberA ?? null))).toBe(403);
    expect(await statusOf(outboxLoader, productionServices, requestWithCookie('/outbox', cookies.admin ?? null))).toBe(200);
  });

  it('the outbox page does not exist when emails go through Resend', async () => {
    const resend = createTestServices(db, { env: { RESEND_API_KEY: 're_test' } }).services;
    expect(await statusOf(outboxLoader, resend, requestWithCookie('/outbox', cookies.admin ?? null))).toBe(404);
  });
});

describe('demo sign-in', () => {
  it('exists only in demo mode and only for the listed fictional accounts', async () => {
    const { loader: demoLoader, action: demoAction } = await import('../../app/routes/connexion.demo');
    expect(await statusOf(demoLoader, services, requestWithCookie('/connexion/demo', null))).toBe(200);
    expect(await statusOf(demoLoader, productionServices, requestWithCookie('/connexion/demo', null))).toBe(404);

    const post = (email: string) =>
      requestWithCookie('/connexion/demo', null, { method: 'POST', body: new URLSearchParams({ email }) });
    const refused = (await demoAction({ request: post('agent@gard.fr'), context: { services, clientIp: '127.0.0.1' }, params: {} })) as {
      init: { status: number } | null;
    };
    expect(refused.init?.status).toBe(400);
    expect(await db.prisma.session.count({ where: { user: { email: 'agent@gard.fr' } } })).toBe(1);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consumeLoginToken, requestLoginLink, safeRedirect } from '../../app/.server/auth/login';
import { createUserSession, destroyUserSession, getCurrentUser } from '../../app/.server/auth/session';
import type { Database } from '../../app/.server/db/connection';
import { AppError } from '../../app/.server/errors';
import { createTestDatabase } from '../support/test-database';
import { createTestServices, requestWithCookie } from '../support/test-services';

let db: Database;
let ctx: ReturnType<typeof createTestServices>;

beforeAll(async () => {
  db = await createTestDatabase();
  ctx = createTestServices(db);
});
afterAll(() => db.close());

async function linkTokenFor(email: string): Promise<string> {
  const sent = await db.prisma.outboxEmail.findFirstOrThrow({ where: { to: email }, orderBy: { createdAt: 'desc' } });
  const token = new URL(sent.text.match(/https?:\/\/\S+\/connexion\/verifier\?token=[\w-]+/)?.[0] ?? 'http://x').searchParams.get('token');
  if (!token) throw new Error('no sign-in link in the email');
  return token;
}

async function expectAppError(promise: Promise<unknown>, code: AppError['code']): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

describe('magic-link sign-in', () => {
  it('stores only a hash of the token and queues the email in the same transaction', async () => {
    await requestLoginLink(ctx.services, { email: '  Lea.Martin@Exemple.org ', ip: '10.0.0.1' });
    const token = await linkTokenFor('lea.martin@exemple.org');
    const stored = await db.prisma.loginToken.findMany({ where: { email: 'lea.martin@exemple.org' } });
    expect(stored).toHaveLength(1);
    expect(stored[0]?.tokenHash).not.toContain(token);
    expect(JSON.stringify(stored)).not.toContain(token);
  });

  it('refuses a malformed address in French and writes nothing', async () => {
    const before = await db.prisma.outboxEmail.count();
    await expect(requestLoginLink(ctx.services, { email: 'pas-une-adresse', ip: '10.0.0.2' })).rejects.toThrow(
      /adresse électronique n’est pas valide/,
    );
    expect(await db.prisma.outboxEmail.count()).toBe(before);
  });

  it('signs in once: creates the person, then the same link is refused', async () => {
    await requestLoginLink(ctx.services, { email: 'paul@exemple.org', ip: '10.0.0.3', redirectTo: '/offres' });
    const token = await linkTokenFor('paul@exemple.org');
    const first = await consumeLoginToken(ctx.services, token);
    expect(first.redirectTo).toBe('/offres');
    const user = await db.prisma.user.findUniqueOrThrow({ where: { email: 'paul@exemple.org' }, include: { roles: true } });
    expect(user.id).toBe(first.userId);
    expect(user.roles).toEqual([]);
    const reuse = await expectAppError(consumeLoginToken(ctx.services, token), 'VALIDATION');
    expect(reuse.message).toContain('déjà servi ou il a expiré');
  });

  it('refuses an expired link', async () => {
    await requestLoginLink(ctx.services, { email: 'tard@exemple.org', ip: '10.0.0.4' });
    const token = await linkTokenFor('tard@exemple.org');
    ctx.clock.advance(16 * 60_000);
    await expectAppError(consumeLoginToken(ctx.services, token), 'VALIDATION');
    expect(await db.prisma.user.findUnique({ where: { email: 'tard@exemple.org' } })).toBeNull();
  });

  it('recognises council agents by email domain, subdomains included', async () => {
    for (const email of ['agent.un@gard.fr', 'agent.deux@routes.gard.fr', 'intrus@gard.fr.exemple.org']) {
      await requestLoginLink(ctx.services, { email, ip: '10.0.0.5' });
      await consumeLoginToken(ctx.services, await linkTokenFor(email));
    }
    const roles = async (email: string) =>
      (await db.prisma.roleGrant.findMany({ where: { user: { email } } })).map((grant) => grant.role);
    expect(await roles('agent.un@gard.fr')).toEqual(['COUNCIL_AGENT']);
    expect(await roles('agent.deux@routes.gard.fr')).toEqual(['COUNCIL_AGENT']);
    expect(await roles('intrus@gard.fr.exemple.org')).toEqual([]);
  });

  it('rate-limits requests per address, and a refused request queues nothing', async () => {
    for (let i = 0; i < 5; i++) await requestLoginLink(ctx.services, { email: 'presse@exemple.org', ip: `10.1.0.${i}` });
    const limited = await expectAppError(
      requestLoginLink(ctx.services, { email: 'presse@exemple.org', ip: '10.1.0.9' }),
      'RATE_LIMITED',
    );
    expect(limited.message).toContain('Trop de demandes');
    expect(await db.prisma.outboxEmail.count({ where: { to: 'presse@exemple.org' } })).toBe(5);
    ctx.clock.advance(16 * 60_000);
    await requestLoginLink(ctx.services, { email: 'presse@exemple.org', ip: '10.1.0.10' });
    expect(await db.prisma.outboxEmail.count({ where: { to: 'presse@exemple.org' } })).toBe(6);
  });

  it('rate-limits requests per IP address across different emails', async () => {
    for (let i = 0; i < 30; i++) await requestLoginLink(ctx.services, { email: `p${i}@exemple.org`, ip: '10.9.9.9' });
    await expectAppError(requestLoginLink(ctx.services, { email: 'p99@exemple.org', ip: '10.9.9.9' }), 'RATE_LIMITED');
  });
});

describe('sessions', () => {
  it('reads the user from the cookie, and signing out ends the session in the database', async () => {
    const user = await db.prisma.user.create({ data: { email: 'session@exemple.org' } });
    const cookie = await createUserSession(ctx.services, user.id);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i);
    const request = requestWithCookie('/compte', cookie);
    expect((await getCurrentUser(ctx.services, request))?.email).toBe('session@exemple.org');

    await destroyUserSession(ctx.services, request);
    expect(await getCurrentUser(ctx.services, request)).toBeNull();
  });

  it('marks the cookie Secure when the app is served over https, and expires sessions', async () => {
    const https = createTestServices(db, { env: { APP_URL: 'https://passerelles.gard.fr' } });
    const user = await db.prisma.user.create({ data: { email: 'secure@exemple.org' } });
    const cookie = await createUserSession(https.services, user.id);
    expect(cookie).toMatch(/Secure/);
    https.clock.advance(31 * 86_400_000);
    expect(await getCurrentUser(https.services, requestWithCookie('/', cookie))).toBeNull();
  });

  it('ignores a forged cookie', async () => {
    expect(await getCurrentUser(ctx.services, requestWithCookie('/', 'passerelles_session=forged'))).toBeNull();
  });
});

describe('safeRedirect', () => {
  it.each([
    ['/offres?type=lieu', '/offres?type=lieu'],
    ['https://evil.example', '/compte'],
    ['//evil.example', '/compte'],
    ['/\\evil.example', '/compte'],
    [null, '/compte'],
  ])('%s → %s', (input, expected) => {
    expect(safeRedirect(input)).toBe(expected);
  });
});

describe('purgeExpiredAuthData', () => {
  it('removes expired sessions, old sign-in tokens and old rate-limit windows, and nothing still useful', async () => {
    const { purgeExpiredAuthData } = await import('../../app/.server/auth/cleanup');
    const user = await db.prisma.user.create({ data: { email: 'purge@exemple.org' } });
    const now = new Date('2027-03-01T12:00:00Z');
    const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3_600_000);
    await db.prisma.session.createMany({
      data: [
        { id: 'expired', userId: user.id, expiresAt: hoursAgo(1) },
        { id: 'valid', userId: user.id, expiresAt: hoursAgo(-24) },
      ],
    });
    await db.prisma.loginToken.createMany({
      data: [
        { tokenHash: 'old', email: user.email, expiresAt: hoursAgo(25) },
        { tokenHash: 'recent', email: user.email, expiresAt: hoursAgo(2) },
      ],
    });
    await db.prisma.rateLimitBucket.createMany({
      data: [
        { key: 'old', windowStart: hoursAgo(30), count: 3 },
        { key: 'recent', windowStart: hoursAgo(1), count: 3 },
      ],
    });
    await db.prisma.session.deleteMany({ where: { id: { notIn: ['expired', 'valid'] } } });
    await db.prisma.loginToken.deleteMany({ where: { tokenHash: { notIn: ['old', 'recent'] } } });
    await db.prisma.rateLimitBucket.deleteMany({ where: { key: { notIn: ['old', 'recent'] } } });

    expect(await purgeExpiredAuthData(db.prisma, now)).toBe(3);
    expect((await db.prisma.session.findMany()).map((s) => s.id)).toEqual(['valid']);
    expect((await db.prisma.loginToken.findMany()).map((t) => t.tokenHash)).toEqual(['recent']);
    expect((await db.prisma.rateLimitBucket.findMany()).map((b) => b.key)).toEqual(['recent']);
  });
});

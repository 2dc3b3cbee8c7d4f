import { createCookie, redirect } from '@remix-run/node';
import type { Role } from '../db/generated/enums';
import { sha256 } from '../clock';
import type { Services } from '../services';

export const SESSION_DAYS = 30;
const DEV_SESSION_SECRET = 'passerelles-local-secret-not-for-production-use';

export interface CurrentUser {
  id: string;
  email: string;
  firstName: string | null;
  lastName: string | null;
  roles: { role: Role; organisationId: string | null }[];
}

/** Signs cookies and keys the hashes of IP addresses. */
export const serverSecret = (services: Services): string => services.env.sessionSecret ?? DEV_SESSION_SECRET;

function sessionCookie(services: Services) {
  return createCookie('passerelles_session', {
    httpOnly: true,
    sameSite: 'lax',
    secure: services.env.appUrl.startsWith('https://'),
    path: '/',
    maxAge: SESSION_DAYS * 24 * 3600,
    secrets: [serverSecret(services)],
  });
}

/** Starts a session: the cookie carries a random token, the database only its hash. Returns the Set-Cookie value. */
export async function createUserSession(services: Services, userId: string): Promise<string> {
  const token = services.tokens.token();
  const now = services.clock.now();
  await services.prisma.session.create({
    data: { id: sha256(token), userId, createdAt: now, expiresAt: new Date(now.getTime() + SESSION_DAYS * 86_400_000) },
  });
  await services.prisma.user.update({ where: { id: userId }, data: { lastLoginAt: now } });
  return sessionCookie(services).serialize(token);
}

async function readToken(services: Services, request: Request): Promise<string | null> {
  const value: unknown = await sessionCookie(services).parse(request.headers.get('Cookie'));
  return typeof value === 'string' && value.length > 0 ? value : null;
}

export async function getCurrentUser(services: Services, request: Request): Promise<CurrentUser | null> {
  const token = await readToken(services, request);
  if (!token) return null;
  const session = await services.prisma.session.findUnique({
    where: { id: sha256(token) },
    include: { user: { include: { roles: { select: { role: true, organisationId: true } } } } },
  });
  if (!session || session.expiresAt <= services.clock.now()) return null;
  const { user } = session;
  return { id: user.id, email: user.email, firstName: user.firstName, lastName: user.lastName, roles: user.roles };
}

/** Ends the session in the database (so a copied cookie is useless) and returns the clearing Set-Cookie value. */
export async function destroyUserSession(services: Services, request: Request): Promise<string> {
  const token = await readToken(services, request);
  if (token) await services.prisma.session.deleteMany({ where: { id: sha256(token) } });
  return sessionCookie(services).serialize('', { maxAge: 0 });
}

export async function requireUser(services: Services, request: Request): Promise<CurrentUser> {
  const user = await getCurrentUser(services, request);
  if (!user) {
    const url = new URL(request.url);
    const params = new URLSearchParams({ redirectTo: `${url.pathname}${url.search}` });
    throw redirect(`/connexion?${params.toString()}`);
  }
  return user;
}

import { z } from 'zod';
import { sha256 } from '../clock';
import { AppError } from '../errors';
import type { Services } from '../services';
import { enqueuePrepared, prepareEmail } from '../email/outbox';
import { enforceRateLimits } from './rate-limit';

export const LOGIN_TOKEN_MINUTES = 15;
const limits = {
  perEmail: { limit: 5, windowMs: 15 * 60_000 },
  perIp: { limit: 30, windowMs: 15 * 60_000 },
};

export const emailSchema = z
  .string({ error: 'Indiquez votre adresse électronique.' })
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: 'Cette adresse électronique n’est pas valide (exemple : prenom.nom@exemple.fr).' }));

/** Only relative paths inside the app, so a crafted link cannot send people elsewhere after sign-in. */
export function safeRedirect(target: unknown, fallback = '/compte'): string {
  return typeof target === 'string' && target.startsWith('/') && !target.startsWith('//') && !target.startsWith('/\\')
    ? target
    : fallback;
}

export function emailInDomains(email: string, domains: string[]): boolean {
  const domain = email.split('@')[1] ?? '';
  return domains.some((allowed) => domain === allowed || domain.endsWith(`.${allowed}`));
}

/**
 * Sends a single-use sign-in link. The token is stored hashed and the email is queued in the same
 * transaction, so either both exist or neither does.
 */
export async function requestLoginLink(
  services: Services,
  input: { email: string; ip: string; redirectTo?: string },
): Promise<{ email: string }> {
  const email = emailSchema.parse(input.email);
  const now = services.clock.now();
  await enforceRateLimits(
    services.prisma,
    [
      { key: `login:email:${sha256(email)}`, rule: limits.perEmail },
      { key: `login:ip:${input.ip}`, rule: limits.perIp },
    ],
    now,
  );
  const token = services.tokens.token();
  const tokenHash = sha256(token);
  const url = `${services.env.appUrl}/connexion/verifier?${new URLSearchParams({ token }).toString()}`;
  const prepared = await prepareEmail({
    dedupeKey: `login:${tokenHash}`,
    to: email,
    template: 'magic-link',
    props: { url, expiresInMinutes: LOGIN_TOKEN_MINUTES },
  });
  await services.prisma.$transaction(async (tx) => {
    await tx.loginToken.create({
      data: {
        tokenHash,
        email,
        redirectTo: input.redirectTo ? safeRedirect(input.redirectTo) : null,
        createdAt: now,
        expiresAt: new Date(now.getTime() + LOGIN_TOKEN_MINUTES * 60_000),
      },
    });
    await enqueuePrepared(tx, prepared, services.clock);
  });
  return { email };
}

/**
 * Consumes a token exactly once (a conditional update, safe against double submits), then finds or
 * creates the person. Council agents are recognised by their email domain.
 */
export async function consumeLoginToken(
  services: Services,
  token: string,
): Promise<{ userId: string; redirectTo: string }> {
  const now = services.clock.now();
  const tokenHash = sha256(token);
  return services.prisma.$transaction(async (tx) => {
    const claimed = await tx.loginToken.updateMany({
      where: { tokenHash, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (claimed.count !== 1) {
      throw new AppError(
        'VALIDATION',
        'Ce lien de connexion n’est plus valide : il a déjà servi ou il a expiré. Demandez-en un nouveau.',
      );
    }
    const login = await tx.loginToken.findUniqueOrThrow({ where: { tokenHash } });
    const user = await tx.user.upsert({ where: { email: login.email }, create: { email: login.email }, update: {} });
    if (emailInDomains(login.email, services.env.agentEmailDomains)) {
      const existing = await tx.roleGrant.findFirst({ where: { userId: user.id, role: 'COUNCIL_AGENT' } });
      if (!existing) await tx.roleGrant.create({ data: { userId: user.id, role: 'COUNCIL_AGENT' } });
    }
    await tx.auditLog.create({
      data: { actorId: user.id, action: 'auth.sign_in', targetType: 'User', targetId: user.id, at: now },
    });
    return { userId: user.id, redirectTo: login.redirectTo ?? '/compte' };
  });
}

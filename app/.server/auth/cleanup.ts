import type { PrismaClient } from '../db/generated/client';

const DAY_MS = 86_400_000;

/** Drops what can no longer serve: expired sessions, sign-in tokens and rate-limit windows older than a day. */
export async function purgeExpiredAuthData(prisma: PrismaClient, now: Date): Promise<number> {
  const dayAgo = new Date(now.getTime() - DAY_MS);
  const [sessions, tokens, buckets] = await prisma.$transaction([
    prisma.session.deleteMany({ where: { expiresAt: { lte: now } } }),
    prisma.loginToken.deleteMany({ where: { expiresAt: { lte: dayAgo } } }),
    prisma.rateLimitBucket.deleteMany({ where: { windowStart: { lte: dayAgo } } }),
  ]);
  return sessions.count + tokens.count + buckets.count;
}

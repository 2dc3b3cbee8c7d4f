import type { PrismaClient } from '../db/generated/client';
import { AppError } from '../errors';

export interface RateLimitRule {
  limit: number;
  windowMs: number;
}

/**
 * Fixed-window counter kept in the database, so every app instance shares it.
 * One atomic upsert: a window that has expired restarts at 1.
 */
export async function hitRateLimit(prisma: PrismaClient, key: string, rule: RateLimitRule, now: Date): Promise<boolean> {
  const windowExpiredBefore = new Date(now.getTime() - rule.windowMs);
  const rows = await prisma.$queryRaw<{ count: number }[]>`
    INSERT INTO "RateLimitBucket" ("key", "windowStart", "count") VALUES (${key}, ${now}, 1)
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimitBucket"."windowStart" <= ${windowExpiredBefore} THEN 1 ELSE "RateLimitBucket"."count" + 1 END,
      "windowStart" = CASE WHEN "RateLimitBucket"."windowStart" <= ${windowExpiredBefore} THEN ${now} ELSE "RateLimitBucket"."windowStart" END
    RETURNING "count"`;
  return (rows[0]?.count ?? 0) <= rule.limit;
}

export async function enforceRateLimits(
  prisma: PrismaClient,
  checks: { key: string; rule: RateLimitRule }[],
  now: Date,
): Promise<void> {
  for (const check of checks) {
    if (!(await hitRateLimit(prisma, check.key, check.rule, now))) {
      const minutes = Math.ceil(check.rule.windowMs / 60_000);
      throw new AppError('RATE_LIMITED', `Trop de demandes. Réessayez dans ${minutes} minutes.`);
    }
  }
}

import type { InternshipTerms } from '../../../matching/conventions/terms';
import type { Prisma } from '../db/generated/client';
import type { Pupil } from '../db/generated/client';
import type { Services } from '../services';
import { conventionIdentity } from './codes';
import { conventionPeriod, defaultTerms } from './default-terms';
import type { MatchWithParties } from './records';
import { templatesInForce } from './template-files';

export function experimentEnd(services: Services): Date {
  return new Date(`${services.env.skillsExperimentEnd}T00:00:00Z`);
}

/**
 * Drafts the convention(s) of an accepted match inside the caller's transaction: one for a skills placement or an
 * occupation, one per pupil for a stage. Returns the new conventions' ids.
 */
export async function draftConventions(
  tx: Prisma.TransactionClient,
  services: Services,
  match: MatchWithParties,
  options: { actorId: string; pupils: Pupil[]; overrides?: Partial<Pick<InternshipTerms, 'referentTeacherName' | 'referentTeacherEmail'>> },
): Promise<string[]> {
  const now = services.clock.now();
  const today = new Date(now.toISOString().slice(0, 10));
  const missionEss = await tx.user.findFirst({ where: { roles: { some: { role: 'MISSION_ESS_ADMIN' } } }, orderBy: { createdAt: 'asc' } });
  const targets = match.kind === 'STAGE' ? options.pupils : [null];
  const template = (await templatesInForce(tx)).for(match.kind, match.offer.property?.propertyType === 'ROOFTOP');
  const ids: string[] = [];
  for (const pupil of targets) {
    const drafted = defaultTerms(match, { today, experimentEnd: experimentEnd(services), missionEss, pupil });
    const terms = drafted.kind === 'STAGE' ? { ...drafted, ...options.overrides } : drafted;
    const period = conventionPeriod(terms) ?? { start: today, end: today };
    const convention = await tx.convention.create({
      data: {
        ...conventionIdentity(services.tokens, match.kind, now),
        kind: match.kind,
        matchId: match.id,
        pupilId: pupil?.id ?? null,
        templateId: template.meta.id,
        templateVersion: template.meta.version,
        templateSha256: template.sourceSha256,
        terms,
        startDate: period.start,
        endDate: period.end,
        createdById: options.actorId,
        createdAt: now,
      },
    });
    await tx.auditLog.create({
      data: { actorId: options.actorId, action: 'convention.drafted', targetType: 'Convention', targetId: convention.id, details: { matchId: match.id, templateVersion: template.meta.version }, at: now },
    });
    ids.push(convention.id);
  }
  return ids;
}

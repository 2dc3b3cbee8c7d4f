import { z } from 'zod';
import { eligibilityLabel } from '../../../matching/conventions/skills-placement';
import { assertAccess } from '../auth/authorize';
import type { CurrentUser } from '../auth/session';
import type { Prisma } from '../db/generated/client';
import type { SkillsEligibility } from '../db/generated/enums';
import { enqueuePrepared, prepareEmail } from '../email/outbox';
import { AppError } from '../errors';
import { structureMembers } from '../organisations/members';
import { requiredReason } from '../reason';
import type { Services } from '../services';

const decisionSchema = z.enum(['confirm', 'reject'], { error: 'Choisissez de confirmer ou de refuser l’éligibilité.' });

const CONFIRMED = 'eligibility.confirmed';
const REJECTED = 'eligibility.rejected';

/**
 * The Mission ESS checks a structure's declared eligibility for skills placements (CGI 238 bis 1 a body,
 * foundation, ARUP) against its documents. Confirmed: the structure can receive agents. Rejected: it goes back to
 * "non éligible" with the reason kept in the audit log. Either way its members are told by email, with the reason.
 */
export async function verifyEligibility(services: Services, user: CurrentUser, organisationId: string, input: { decision: unknown; reason: unknown }) {
  assertAccess(user, { roles: ['MISSION_ESS_ADMIN'] });
  const decision = decisionSchema.safeParse(input.decision);
  if (!decision.success) throw new AppError('VALIDATION', decision.error.issues[0]?.message ?? 'Choix invalide.');
  const reason = decision.data === 'reject' ? requiredReason(input.reason) : null;
  const organisation = await services.prisma.organisation.findFirst({ where: { id: organisationId, kind: 'STRUCTURE' } });
  if (!organisation) throw new AppError('NOT_FOUND', 'Cette structure n’existe pas.');
  const declared = organisation.skillsEligibility;
  if (declared === 'NONE') throw new AppError('CONFLICT', 'Cette structure n’a déclaré aucune éligibilité.');
  if (organisation.eligibilityVerifiedAt) throw new AppError('CONFLICT', 'Cette éligibilité a déjà été vérifiée.');
  const members = await structureMembers(services.prisma, organisationId);
  const emails = await Promise.all(
    members.map((member) =>
      prepareEmail({
        // The declaration decided on (its version) and the person: a double click sends once, a later declaration
        // decided again gets its own email.
        dedupeKey: `eligibility-decision:${organisationId}:${organisation.updatedAt.toISOString()}:${member.userId}`,
        to: member.email,
        template: 'eligibility-decision',
        props: {
          recipientName: member.name,
          organisationName: organisation.name,
          declared,
          confirmed: decision.data === 'confirm',
          reason: reason ?? undefined,
          url: `${services.env.appUrl}/espace/structure/${organisationId}`,
        },
      }),
    ),
  );
  const now = services.clock.now();
  await services.prisma.$transaction(async (tx) => {
    const { count } = await tx.organisation.updateMany({
      where: { id: organisationId, eligibilityVerifiedAt: null, skillsEligibility: declared },
      data: decision.data === 'confirm' ? { eligibilityVerifiedAt: now, eligibilityVerifiedBy: user.id } : { skillsEligibility: 'NONE' },
    });
    if (count === 0) throw new AppError('CONFLICT', 'Cette éligibilité vient d’être traitée par quelqu’un d’autre.');
    await tx.auditLog.create({
      data: {
        actorId: user.id,
        action: decision.data === 'confirm' ? CONFIRMED : REJECTED,
        targetType: 'Organisation',
        targetId: organisationId,
        details: { declared, reason },
        at: now,
      },
    });
    for (const email of emails) await enqueuePrepared(tx, email, services.clock);
  });
  return { decision: decision.data };
}

const rejectionDetails = z.object({ declared: z.enum(['INTERET_GENERAL', 'ARUP', 'FONDATION']), reason: z.string() });

export type EligibilityStatus =
  | { status: 'NONE' }
  | { status: 'PENDING'; declared: string }
  | { status: 'VERIFIED'; declared: string; verifiedAt: Date }
  | { status: 'REFUSED'; declared: string; reason: string; refusedAt: Date };

/**
 * Where a structure stands for skills placements, in French for its space: nothing declared, declared and awaiting
 * the Mission ESS, verified (on a date), or refused. A refusal sets the declaration back to "none" and keeps what
 * was declared and why only in the audit log, so it is read from the latest decision there.
 */
export async function eligibilityStatus(
  db: Prisma.TransactionClient,
  organisation: { id: string; skillsEligibility: SkillsEligibility; eligibilityVerifiedAt: Date | null },
): Promise<EligibilityStatus> {
  const { skillsEligibility, eligibilityVerifiedAt } = organisation;
  if (skillsEligibility !== 'NONE') {
    const declared = eligibilityLabel(skillsEligibility);
    return eligibilityVerifiedAt ? { status: 'VERIFIED', declared, verifiedAt: eligibilityVerifiedAt } : { status: 'PENDING', declared };
  }
  const latest = await db.auditLog.findFirst({
    where: { targetType: 'Organisation', targetId: organisation.id, action: { in: [CONFIRMED, REJECTED] } },
    orderBy: [{ at: 'desc' }, { id: 'desc' }],
    select: { action: true, details: true, at: true },
  });
  const refusal = latest?.action === REJECTED ? rejectionDetails.safeParse(latest.details) : null;
  if (!latest || !refusal?.success) return { status: 'NONE' };
  return { status: 'REFUSED', declared: eligibilityLabel(refusal.data.declared), reason: refusal.data.reason, refusedAt: latest.at };
}

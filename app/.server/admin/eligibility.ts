import { z } from 'zod';
import { assertAccess } from '../auth/authorize';
import type { CurrentUser } from '../auth/session';
import { AppError } from '../errors';
import { requiredReason } from '../reason';
import type { Services } from '../services';

const decisionSchema = z.enum(['confirm', 'reject'], { error: 'Choisissez de confirmer ou de refuser l’éligibilité.' });

/**
 * The Mission ESS checks a structure's declared eligibility for skills placements (CGI 238 bis 1 a body,
 * foundation, ARUP) against its documents. Confirmed: the structure can receive agents. Rejected: it goes back to
 * "non éligible" with the reason kept in the audit log.
 */
export async function verifyEligibility(services: Services, user: CurrentUser, organisationId: string, input: { decision: unknown; reason: unknown }) {
  assertAccess(user, { roles: ['MISSION_ESS_ADMIN'] });
  const decision = decisionSchema.safeParse(input.decision);
  if (!decision.success) throw new AppError('VALIDATION', decision.error.issues[0]?.message ?? 'Choix invalide.');
  const reason = decision.data === 'reject' ? requiredReason(input.reason) : null;
  const organisation = await services.prisma.organisation.findFirst({ where: { id: organisationId, kind: 'STRUCTURE' } });
  if (!organisation) throw new AppError('NOT_FOUND', 'Cette structure n’existe pas.');
  if (organisation.skillsEligibility === 'NONE') throw new AppError('CONFLICT', 'Cette structure n’a déclaré aucune éligibilité.');
  if (organisation.eligibilityVerifiedAt) throw new AppError('CONFLICT', 'Cette éligibilité a déjà été vérifiée.');
  const now = services.clock.now();
  await services.prisma.$transaction(async (tx) => {
    const { count } = await tx.organisation.updateMany({
      where: { id: organisationId, eligibilityVerifiedAt: null, skillsEligibility: organisation.skillsEligibility },
      data: decision.data === 'confirm' ? { eligibilityVerifiedAt: now, eligibilityVerifiedBy: user.id } : { skillsEligibility: 'NONE' },
    });
    if (count === 0) throw new AppError('CONFLICT', 'Cette éligibilité vient d’être traitée par quelqu’un d’autre.');
    await tx.auditLog.create({
      data: {
        actorId: user.id,
        action: decision.data === 'confirm' ? 'eligibility.confirmed' : 'eligibility.rejected',
        targetType: 'Organisation',
        targetId: organisationId,
        details: { declared: organisation.skillsEligibility, reason },
        at: now,
      },
    });
  });
  return { decision: decision.data };
}

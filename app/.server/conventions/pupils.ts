import { z } from 'zod';
import type { CurrentUser } from '../auth/session';
import { hasRole } from '../auth/authorize';
import { AppError } from '../errors';
import { loadMatch } from '../matching/match-decisions';
import type { Services } from '../services';
import { draftConventions } from './drafting';

const pupilIdsSchema = z.array(z.string().min(1)).min(1, 'Choisissez au moins un élève.').max(40);

/** Pupils of the collège not yet placed for that week, for the placement form of an accepted stage match. */
export async function placeablePupils(services: Services, user: CurrentUser, matchId: string) {
  const match = await loadMatch(services.prisma, matchId);
  if (match.kind !== 'STAGE' || !hasRole(user, 'COLLEGE_STAFF', match.need.organisationId)) return [];
  const week = match.need.internship?.week;
  const pupils = await services.prisma.pupil.findMany({
    where: {
      collegeId: match.need.organisationId,
      anonymisedAt: null,
      conventions: { none: { status: { notIn: ['CANCELLED', 'REJECTED'] }, match: { need: { internship: { week } } } } },
    },
    orderBy: [{ className: 'asc' }, { lastName: 'asc' }, { firstName: 'asc' }],
    select: { id: true, firstName: true, lastName: true, className: true },
  });
  return pupils;
}

/**
 * The collège names the pupils of an accepted stage match: one convention per pupil, all in one transaction,
 * within the host's capacity for the week and its group size.
 */
export async function placePupils(services: Services, user: CurrentUser, matchId: string, raw: unknown) {
  const parsed = pupilIdsSchema.safeParse(raw);
  if (!parsed.success) throw new AppError('VALIDATION', parsed.error.issues[0]?.message ?? 'Choisissez au moins un élève.', { fieldErrors: { pupilIds: parsed.error.issues.map((i) => i.message) } });
  const match = await loadMatch(services.prisma, matchId);
  if (match.kind !== 'STAGE') throw new AppError('CONFLICT', 'Seuls les stages de 3e se font par élève.');
  if (!hasRole(user, 'COLLEGE_STAFF', match.need.organisationId)) throw new AppError('FORBIDDEN', 'Seul le collège peut désigner ses élèves.');
  if (match.status !== 'ACCEPTED') throw new AppError('CONFLICT', 'La structure d’accueil doit d’abord accepter la mise en relation.');
  const ids = [...new Set(parsed.data)];
  const offer = match.offer.internship;
  const week = match.need.internship?.week;
  return services.prisma.$transaction(async (tx) => {
    const pupils = await tx.pupil.findMany({ where: { id: { in: ids }, collegeId: match.need.organisationId, anonymisedAt: null } });
    if (pupils.length !== ids.length) throw new AppError('FORBIDDEN', 'Un des élèves choisis n’est pas un élève de votre collège.');
    const alreadyPlaced = await tx.convention.count({
      where: { pupilId: { in: ids }, status: { notIn: ['CANCELLED', 'REJECTED'] }, match: { need: { internship: { week } } } },
    });
    if (alreadyPlaced) throw new AppError('CONFLICT', 'Un des élèves choisis a déjà une convention pour cette semaine.');
    const placedHere = await tx.convention.count({ where: { match: { offerId: match.offerId, need: { internship: { week } } }, status: { notIn: ['CANCELLED', 'REJECTED'] } } });
    const capacity = offer?.capacityPerWeek ?? 0;
    if (placedHere + ids.length > capacity) {
      throw new AppError('CONFLICT', `La structure accueille ${capacity} élève(s) cette semaine et ${placedHere} place(s) sont déjà prises.`);
    }
    if (ids.length > (offer?.maxGroupSize ?? 1)) {
      throw new AppError('CONFLICT', `La structure accueille des groupes de ${offer?.maxGroupSize ?? 1} élève(s) au plus.`);
    }
    const now = services.clock.now();
    await tx.pupil.updateMany({ where: { id: { in: ids } }, data: { lastActivityAt: now } });
    return draftConventions(tx, services, match, { actorId: user.id, pupils });
  });
}

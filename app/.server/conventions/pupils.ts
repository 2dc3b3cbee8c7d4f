import { z } from 'zod';
import type { CurrentUser } from '../auth/session';
import { hasRole } from '../auth/authorize';
import { AppError } from '../errors';
import { fromZodError } from '../http/route-errors';
import { allocatedPupilIds } from '../allocation/allocation-review';
import { loadMatch } from '../matching/match-decisions';
import type { Services } from '../services';
import { draftConventions } from './drafting';
import { sendForSignature } from './issue';

const placementSchema = z.object({
  pupilIds: z.array(z.string().min(1)).min(1, 'Choisissez au moins un élève.').max(40, '40 élèves au plus à la fois.'),
  referentTeacherName: z.string().trim().max(300).default(''),
  referentTeacherEmail: z
    .string()
    .trim()
    .toLowerCase()
    .refine((value) => value === '' || z.email().safeParse(value).success, 'Adresse e-mail invalide.')
    .default(''),
});

/**
 * Pupils of the collège not yet placed for that week, for the placement form of an accepted stage match; those a
 * validated cohort allocation gave to this host come `allocated`, ticked in advance.
 */
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
  const allocated = new Set(await allocatedPupilIds(services, match.needId, match.offerId));
  return pupils.map((pupil) => ({ ...pupil, allocated: allocated.has(pupil.id) }));
}

/**
 * The collège names the pupils of an accepted stage match: one convention per pupil, all in one transaction,
 * within the host's capacity for the week and its group size.
 */
export async function placePupils(services: Services, user: CurrentUser, matchId: string, raw: unknown) {
  const parsed = placementSchema.safeParse(raw);
  if (!parsed.success) throw fromZodError(parsed.error, 'Les conventions n’ont pas été préparées.');
  const match = await loadMatch(services.prisma, matchId);
  if (match.kind !== 'STAGE') throw new AppError('CONFLICT', 'Seuls les stages de 3e se font par élève.');
  if (!hasRole(user, 'COLLEGE_STAFF', match.need.organisationId)) throw new AppError('FORBIDDEN', 'Seul le collège peut désigner ses élèves.');
  if (match.status !== 'ACCEPTED') throw new AppError('CONFLICT', 'La structure d’accueil doit d’abord accepter la mise en relation.');
  const ids = [...new Set(parsed.data.pupilIds)];
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
    const { referentTeacherName, referentTeacherEmail } = parsed.data;
    return draftConventions(tx, services, match, { actorId: user.id, pupils, overrides: { referentTeacherName, referentTeacherEmail } });
  });
}

/**
 * Sends, in one action, every draft of a stage match that is complete; says which still need completing.
 * Each is sent on its own (its own PDF and links), so one incomplete pupil never blocks the others.
 */
export async function sendCompleteDrafts(services: Services, user: CurrentUser, matchId: string) {
  const match = await loadMatch(services.prisma, matchId);
  if (!hasRole(user, 'COLLEGE_STAFF', match.need.organisationId) && !hasRole(user, 'MISSION_ESS_ADMIN')) {
    throw new AppError('FORBIDDEN', 'Seul le collège ou la Mission ESS peut envoyer les conventions du groupe.');
  }
  const drafts = await services.prisma.convention.findMany({
    where: { matchId, status: 'DRAFT' },
    select: { id: true, reference: true, pupil: { select: { firstName: true, lastName: true } } },
    orderBy: { createdAt: 'asc' },
  });
  const sent: string[] = [];
  const incomplete: string[] = [];
  for (const draft of drafts) {
    const who = draft.pupil ? `${draft.pupil.firstName} ${draft.pupil.lastName} (${draft.reference})` : draft.reference;
    try {
      await sendForSignature(services, user, draft.id);
      sent.push(who);
    } catch (error) {
      if (error instanceof AppError && (error.code === 'VALIDATION' || error.code === 'CONFLICT')) incomplete.push(`${who} : ${error.message}`);
      else throw error;
    }
  }
  return { sent, incomplete };
}

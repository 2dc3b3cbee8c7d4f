import { z } from 'zod';
import type { CurrentUser } from '../auth/session';
import { AppError, isAppError } from '../errors';
import { fromZodError } from '../http/route-errors';
import { proposeMatch } from '../matching/match-decisions';
import type { Services } from '../services';
import { assertCollegeStaff, loadStageNeed, offersForWeek } from './cohort-allocation';

/** Reviewing, adjusting and validating a cohort allocation: the collège keeps the last word on every pupil. */

async function loadAllocation(services: Services, user: CurrentUser, id: string) {
  const allocation = await services.prisma.allocation.findUnique({ where: { id }, include: { job: true } });
  if (!allocation) throw new AppError('NOT_FOUND', 'Cette affectation n’existe pas.');
  assertCollegeStaff(user, allocation.collegeId);
  return allocation;
}

export async function allocationReview(services: Services, user: CurrentUser, id: string) {
  const allocation = await loadAllocation(services, user, id);
  const need = await loadStageNeed(services.prisma, allocation.needId);
  const [lines, offers] = await Promise.all([
    services.prisma.allocationLine.findMany({
      where: { allocationId: id },
      include: { pupil: { select: { firstName: true, lastName: true, className: true, priority: true } } },
    }),
    offersForWeek(services.prisma, need),
  ]);
  const assigned = new Map<string, number>();
  for (const line of lines) if (line.offerId) assigned.set(line.offerId, (assigned.get(line.offerId) ?? 0) + 1);
  const offerViews = offers
    .map(({ row, seats, km }) => ({
      id: row.id,
      title: row.title,
      host: row.organisation?.name ?? '',
      commune: row.commune.name,
      km: Math.round(km),
      seats,
      assigned: assigned.get(row.id) ?? 0,
    }))
    .sort((a, b) => a.km - b.km || a.title.localeCompare(b.title, 'fr'));
  const titles = new Map(offerViews.map((offer) => [offer.id, offer]));
  const rows = lines
    .map((line) => ({
      pupilId: line.pupilId,
      name: `${line.pupil.lastName} ${line.pupil.firstName}`,
      className: line.pupil.className,
      priority: line.pupil.priority,
      offerId: line.offerId,
      offer: line.offerId ? (titles.get(line.offerId) ?? null) : null,
      reasons: line.reasons,
      adjusted: line.adjusted,
    }))
    .sort((a, b) => Number(a.offerId !== null) - Number(b.offerId !== null) || a.className.localeCompare(b.className, 'fr') || a.name.localeCompare(b.name, 'fr'));
  return {
    id: allocation.id,
    status: allocation.status,
    jobId: allocation.jobId,
    jobStatus: allocation.job.status,
    collegeId: allocation.collegeId,
    need: { id: need.id, title: need.title, week: need.internship.week },
    placed: rows.filter((row) => row.offerId).length,
    rows,
    offers: offerViews,
  };
}

const adjustSchema = z.object({
  pupilId: z.string().min(1, 'Élève manquant.'),
  offerId: z.string().trim().default(''),
});

/** Moves one pupil to another host of the week (or to none), within the seats left. */
export async function adjustAllocation(services: Services, user: CurrentUser, id: string, raw: unknown) {
  const parsed = adjustSchema.safeParse(raw);
  if (!parsed.success) throw fromZodError(parsed.error, 'L’affectation n’a pas été modifiée.');
  const allocation = await loadAllocation(services, user, id);
  if (allocation.status !== 'PROPOSED') throw new AppError('CONFLICT', 'Cette affectation est déjà validée ou abandonnée : elle ne se modifie plus.');
  const { pupilId, offerId } = parsed.data;
  const need = await loadStageNeed(services.prisma, allocation.needId);
  return services.prisma.$transaction(async (tx) => {
    const line = await tx.allocationLine.findUnique({ where: { allocationId_pupilId: { allocationId: id, pupilId } } });
    if (!line) throw new AppError('NOT_FOUND', 'Cet élève ne fait pas partie de cette affectation.');
    if (offerId) {
      const offer = (await offersForWeek(tx, need)).find((candidate) => candidate.row.id === offerId);
      if (!offer) {
        throw new AppError('VALIDATION', 'L’affectation n’a pas été modifiée.', {
          fieldErrors: { offerId: ['Ce stage n’est pas proposé cette semaine à une distance possible.'] },
        });
      }
      const others = await tx.allocationLine.count({ where: { allocationId: id, offerId, pupilId: { not: pupilId } } });
      if (others >= offer.seats) {
        throw new AppError('CONFLICT', `« ${offer.row.title} » n’a plus de place cette semaine (${offer.seats} place(s), toutes affectées).`);
      }
    }
    const reason = offerId ? 'Choix du collège, modifié à la main après le calcul' : 'Laissé(e) sans stage par le collège';
    await tx.allocationLine.update({
      where: { allocationId_pupilId: { allocationId: id, pupilId } },
      data: { offerId: offerId || null, adjusted: true, reasons: [reason, ...line.reasons.filter((r) => !r.startsWith('Choix du collège') && !r.startsWith('Laissé(e)'))] },
    });
    return { pupilId, offerId: offerId || null };
  });
}

/**
 * Validation proposes one match per host to the structures (as the collège's proposal); once a host accepts, the
 * collège finds these pupils ticked in the placement form. Matches already proposed or accepted are kept, so
 * validating again after an interruption does not repeat anything.
 */
export async function validateAllocation(services: Services, user: CurrentUser, id: string) {
  const allocation = await loadAllocation(services, user, id);
  if (allocation.status === 'DISCARDED') throw new AppError('CONFLICT', 'Cette affectation a été abandonnée : relancez un calcul.');
  if (allocation.job.status !== 'SUCCEEDED') throw new AppError('CONFLICT', 'Le calcul n’est pas terminé.');
  const lines = await services.prisma.allocationLine.findMany({ where: { allocationId: id, offerId: { not: null } }, select: { offerId: true } });
  const offerIds = [...new Set(lines.map((line) => line.offerId!))].sort();
  if (offerIds.length === 0) throw new AppError('CONFLICT', 'Aucun élève n’est affecté : rien à proposer aux structures.');
  const proposed: string[] = [];
  const problems: string[] = [];
  for (const offerId of offerIds) {
    const existing = await services.prisma.match.findUnique({ where: { needId_offerId: { needId: allocation.needId, offerId } } });
    if (existing && existing.status === 'ACCEPTED') {
      proposed.push(existing.id);
      continue;
    }
    try {
      proposed.push((await proposeMatch(services, user, { needId: allocation.needId, offerId })).matchId);
    } catch (error) {
      if (!isAppError(error) || error.code === 'FORBIDDEN') throw error;
      const title = (await services.prisma.offer.findUnique({ where: { id: offerId }, select: { title: true } }))?.title ?? offerId;
      problems.push(`« ${title} » : ${error.message}`);
    }
  }
  await services.prisma.allocation.updateMany({
    where: { id, status: 'PROPOSED' },
    data: { status: 'VALIDATED', validatedAt: services.clock.now() },
  });
  return { proposed: proposed.length, problems };
}

export async function discardAllocation(services: Services, user: CurrentUser, id: string) {
  const allocation = await loadAllocation(services, user, id);
  if (allocation.status !== 'PROPOSED') throw new AppError('CONFLICT', 'Seule une proposition non validée peut être abandonnée.');
  await services.prisma.allocation.update({ where: { id }, data: { status: 'DISCARDED' } });
  return { discarded: true as const };
}

/** Pupils a validated allocation gave to this host for this need: ticked in advance in the placement form. */
export async function allocatedPupilIds(services: Services, needId: string, offerId: string): Promise<string[]> {
  const lines = await services.prisma.allocationLine.findMany({
    where: { offerId, allocation: { needId, status: 'VALIDATED' } },
    select: { pupilId: true },
  });
  return lines.map((line) => line.pupilId);
}

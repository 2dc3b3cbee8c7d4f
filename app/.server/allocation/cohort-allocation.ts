import { z } from 'zod';
import { allocateCohort } from '../../../matching/allocation';
import { haversineKm } from '../../../matching/geo';
import type { Offer, Pupil } from '../../../matching/types';
import { isoWeekOf } from '../../../matching/weeks';
import type { CurrentUser } from '../auth/session';
import { hasRole } from '../auth/authorize';
import type { Prisma } from '../db/generated/client';
import { AppError } from '../errors';
import { enqueueJob, type JobHandler } from '../jobs/queue';
import { interestFit } from '../matching/engine-inputs';
import { needFacts, needFactsInclude, offerFacts, offerFactsInclude } from '../matching/facts';
import type { Services } from '../services';

/**
 * The collège's cohort allocation (issue #5): for one of its stage needs (a week, pupils placed one by one), every
 * pupil still without a convention that week is given a host through the exact engine of matching/allocation.ts,
 * as a background job; the collège then reviews, adjusts and validates the proposal.
 */

/** A convention in one of these states holds a seat. */
export const ACTIVE_CONVENTION = { notIn: ['CANCELLED', 'REJECTED'] } satisfies Prisma.EnumConventionStatusFilter;

export async function loadStageNeed(db: Prisma.TransactionClient, needId: string) {
  const need = await db.need.findUnique({ where: { id: needId }, include: needFactsInclude });
  if (!need || need.kind !== 'STAGE' || !need.internship) throw new AppError('NOT_FOUND', 'Ce besoin de stages n’existe pas.');
  return { ...need, internship: need.internship };
}
export type StageNeed = Awaited<ReturnType<typeof loadStageNeed>>;

export function assertCollegeStaff(user: CurrentUser, collegeId: string) {
  // Pupils are minors: only their collège runs and reads an allocation.
  if (!hasRole(user, 'COLLEGE_STAFF', collegeId)) throw new AppError('FORBIDDEN', 'Seul le collège peut affecter ses élèves.');
}

/** Starts a computation, or returns the one already under way for that need (double clicks, second tab). */
export async function startAllocation(services: Services, user: CurrentUser, needId: string) {
  const need = await loadStageNeed(services.prisma, needId);
  assertCollegeStaff(user, need.organisationId);
  if (need.internship.mode !== 'INDIVIDUAL') {
    throw new AppError('CONFLICT', 'Ce besoin concerne un groupe qui part ensemble : choisissez sa structure parmi les stages suggérés.');
  }
  if (need.status !== 'PUBLISHED') throw new AppError('CONFLICT', 'Ce besoin n’est pas publié : l’affectation porte sur les besoins publiés.');
  return services.prisma.$transaction(async (tx) => {
    const current = await tx.allocation.findFirst({ where: { needId, job: { status: { in: ['QUEUED', 'RUNNING'] } } } });
    if (current) return { jobId: current.jobId, allocationId: current.id };
    await tx.allocation.updateMany({ where: { needId, status: 'PROPOSED' }, data: { status: 'DISCARDED' } });
    const job = await enqueueJob(tx, services, {
      kind: 'COHORT_ALLOCATION',
      organisationId: need.organisationId,
      createdById: user.id,
      params: { needId },
    });
    const allocation = await tx.allocation.create({
      data: { collegeId: need.organisationId, needId, jobId: job.id, createdById: user.id, createdAt: services.clock.now() },
    });
    return { jobId: job.id, allocationId: allocation.id };
  });
}

/** Published internship offers of the need's week within its distance, with the seats conventions have not taken. */
export async function offersForWeek(db: Prisma.TransactionClient, need: StageNeed) {
  const week = need.internship.week;
  const rows = await db.offer.findMany({
    where: { kind: 'STAGE', status: 'PUBLISHED', internship: { weeks: { has: week } } },
    include: { ...offerFactsInclude, organisation: { select: { name: true } } },
    orderBy: { id: 'asc' },
  });
  const held = await db.convention.findMany({
    where: { status: ACTIVE_CONVENTION, match: { offerId: { in: rows.map((row) => row.id) }, need: { internship: { week } } } },
    select: { match: { select: { offerId: true } } },
  });
  const taken = new Map<string, number>();
  for (const { match } of held) taken.set(match.offerId, (taken.get(match.offerId) ?? 0) + 1);
  const place = needFacts(need).place;
  return rows
    .map((row) => {
      const facts = offerFacts(row);
      const seats = Math.max(0, (facts.capacity ?? 0) - (taken.get(row.id) ?? 0));
      return { row, facts: { ...facts, capacity: seats } satisfies Offer, seats, km: haversineKm(place, facts.place) };
    })
    .filter((offer) => offer.km <= need.maxDistanceKm);
}

/** Pupils of the collège with no convention holding a seat that week. */
export function unplacedPupils(db: Prisma.TransactionClient, need: StageNeed) {
  return db.pupil.findMany({
    where: {
      collegeId: need.organisationId,
      anonymisedAt: null,
      conventions: { none: { status: ACTIVE_CONVENTION, match: { need: { internship: { week: need.internship.week } } } } },
    },
    orderBy: { id: 'asc' },
  });
}

const paramsSchema = z.object({ needId: z.string().min(1) });

export const cohortAllocationJob: JobHandler = async ({ services, job, progress }) => {
  const { prisma } = services;
  const allocation = await prisma.allocation.findUnique({ where: { jobId: job.id } });
  if (!allocation) throw new AppError('NOT_FOUND', 'L’affectation de ce traitement a été supprimée.');
  if (allocation.status !== 'PROPOSED') return { allocationId: allocation.id };
  const { needId } = paramsSchema.parse(job.params);
  const steps = 4;
  await progress('Lecture des élèves et des stages de la semaine', 0, steps);
  const need = await loadStageNeed(prisma, needId);
  const [pupilRows, offers] = await Promise.all([unplacedPupils(prisma, need), offersForWeek(prisma, need)]);
  const facts = needFacts(need);
  const week = isoWeekOf(need.internship.week);
  const pupils: Pupil[] = pupilRows.map((pupil) => ({
    id: pupil.id,
    place: facts.place,
    week,
    maxDistanceKm: need.maxDistanceKm,
    interests: pupil.interests || need.internship.interests.join(', '),
    priority: pupil.priority,
  }));
  const engineOffers = offers.map((offer) => offer.facts);
  await progress('Rapprochement des centres d’intérêt et des activités proposées', 1, steps);
  const fit = await interestFit(services.embeddings, pupils, engineOffers);
  await progress('Affectation des élèves aux stages', 2, steps);
  const result = allocateCohort({ offers: engineOffers, pupils, interestFit: fit });
  await progress('Enregistrement de la proposition', 3, steps);
  await prisma.$transaction(async (tx) => {
    await tx.allocationLine.deleteMany({ where: { allocationId: allocation.id } });
    await tx.allocationLine.createMany({
      data: pupils.map((pupil) => ({
        allocationId: allocation.id,
        pupilId: pupil.id,
        offerId: result.assignments[pupil.id] ?? null,
        reasons: result.reasons[pupil.id] ?? [],
      })),
    });
    await tx.allocation.update({ where: { id: allocation.id }, data: { stats: { ...result.stats } } });
  });
  await progress('Proposition prête', steps, steps);
  return { allocationId: allocation.id, placed: result.stats.placed, pupils: result.stats.pupils };
};

/** The collège's stage needs that an allocation can serve, each with its latest allocation. */
export async function collegeAllocations(services: Services, user: CurrentUser, collegeId: string) {
  assertCollegeStaff(user, collegeId);
  const needs = await services.prisma.need.findMany({
    where: { organisationId: collegeId, kind: 'STAGE', status: 'PUBLISHED', internship: { mode: 'INDIVIDUAL' } },
    orderBy: { createdAt: 'desc' },
    select: {
      id: true,
      title: true,
      internship: { select: { week: true, pupilCount: true } },
      allocations: {
        orderBy: { createdAt: 'desc' },
        take: 1,
        select: { id: true, status: true, createdAt: true, jobId: true, job: { select: { status: true, error: true } } },
      },
    },
  });
  return needs.map(({ allocations, internship, ...need }) => ({ ...need, week: internship?.week ?? null, latest: allocations[0] ?? null }));
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adjustAllocation, allocationReview, discardAllocation, validateAllocation } from '../../app/.server/allocation/allocation-review';
import { startAllocation } from '../../app/.server/allocation/cohort-allocation';
import { createUserSession } from '../../app/.server/auth/session';
import { placeablePupils } from '../../app/.server/conventions/pupils';
import type { Database } from '../../app/.server/db/connection';
import { jobHandlers } from '../../app/.server/jobs/handlers';
import { drainJobs, jobView, MAX_JOB_ATTEMPTS, runNextJob, STALE_JOB_MS } from '../../app/.server/jobs/queue';
import { enqueueReembedding } from '../../app/.server/jobs/reembedding';
import { acceptMatch } from '../../app/.server/matching/match-decisions';
import type { Services } from '../../app/.server/services';
import { createInternshipNeed, createInternshipOffer, createPupil } from '../../prisma/seed/builders';
import * as affectationRoute from '../../app/routes/affectations.$allocationId';
import * as collegeRoute from '../../app/routes/espace.college.$organisationId';
import * as jobRoute from '../../app/routes/travaux.$jobId';
import { asCurrentUser, conventionParties } from '../support/convention-fixtures';
import { rejection } from '../support/rejection';
import { statusOf } from '../support/route-calls';
import { createTestDatabase } from '../support/test-database';
import { createTestServices, requestWithCookie } from '../support/test-services';

let db: Database;
let services: Services;
let clock: ReturnType<typeof createTestServices>['clock'];
let parties: Awaited<ReturnType<typeof conventionParties>>;
let secondHost: { id: string };
let farOffer: { id: string };
let pupils: { lea: { id: string }; noah: { id: string }; sami: { id: string } };

beforeAll(async () => {
  db = await createTestDatabase();
  ({ services, clock } = createTestServices(db));
  parties = await conventionParties(db, new Date('2026-11-28T10:00:00Z'));
  const p = db.prisma;
  const college = parties.college.id;
  // Nîmes: the fixture's host has 2 seats that week; a second one has 1; a third, in Alès, is beyond the 15 km asked.
  secondHost = await createInternshipOffer(p, {
    ownerId: parties.hostMember.id,
    organisationId: parties.host.id,
    title: 'Atelier vélo solidaire',
    activities: ['réparation de vélos', 'mécanique'],
    weeks: [parties.week],
    capacityPerWeek: 1,
  });
  farOffer = await createInternshipOffer(p, {
    ownerId: parties.hostMember.id,
    organisationId: parties.host.id,
    title: 'Recyclerie d’Alès',
    communeCode: '30007',
    weeks: [parties.week],
    capacityPerWeek: 5,
  });
  pupils = {
    lea: await createPupil(p, { collegeId: college, firstName: 'Léa', lastName: 'Bonnet', priority: true, interests: 'vélo, mécanique' }),
    noah: await createPupil(p, { collegeId: college, firstName: 'Noah', lastName: 'Garcia' }),
    sami: await createPupil(p, { collegeId: college, firstName: 'Sami', lastName: 'Roux' }),
  };
});
afterAll(() => db.close());

const as = (id: string) => asCurrentUser(db, id);

describe('cohort allocation as a background job', () => {
  let jobId: string;
  let allocationId: string;

  it('is started by the collège only, once per need even when asked twice', async () => {
    expect((await rejection(startAllocation(services, await as(parties.hostMember.id), parties.internshipNeed.id))).code).toBe('FORBIDDEN');
    expect((await rejection(startAllocation(services, await as(parties.admin.id), parties.internshipNeed.id))).code).toBe('FORBIDDEN');
    const principal = await as(parties.principal.id);
    const started = await startAllocation(services, principal, parties.internshipNeed.id);
    const again = await startAllocation(services, principal, parties.internshipNeed.id);
    expect(again).toEqual(started);
    ({ jobId, allocationId } = started);
    const waiting = await jobView(services, principal, jobId);
    expect(waiting).toMatchObject({ status: 'QUEUED', kind: 'COHORT_ALLOCATION', allocationId });
    expect((await rejection(jobView(services, await as(parties.outsider.id), jobId))).code).toBe('NOT_FOUND');
    expect((await jobView(services, await as(parties.admin.id), jobId)).status).toBe('QUEUED');
  });

  it('refuses a group need: a group leaves together', async () => {
    const group = await createInternshipNeed(db.prisma, {
      ownerId: parties.principal.id,
      organisationId: parties.college.id,
      week: parties.week,
      pupilCount: 4,
      mode: 'GROUP',
    });
    const refused = await rejection(startAllocation(services, await as(parties.principal.id), group.id));
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toContain('groupe');
  });

  it('runs to the end: priority pupil placed, seats respected, a too distant host never used, every pupil explained', async () => {
    await drainJobs(services, jobHandlers);
    const principal = await as(parties.principal.id);
    const job = await jobView(services, principal, jobId);
    expect(job).toMatchObject({ status: 'SUCCEEDED', done: 4, total: 4 });
    const review = await allocationReview(services, principal, allocationId);
    expect(review.rows).toHaveLength(4);
    expect(review.placed).toBe(3);
    const byOffer = (offerId: string) => review.rows.filter((row) => row.offerId === offerId).length;
    expect(byOffer(parties.internshipOffer.id)).toBe(2);
    expect(byOffer(secondHost.id)).toBe(1);
    expect(byOffer(farOffer.id)).toBe(0);
    expect(review.offers.map((offer) => offer.id)).not.toContain(farOffer.id);
    const lea = review.rows.find((row) => row.pupilId === pupils.lea.id)!;
    expect(lea.offerId).not.toBeNull();
    expect(lea.reasons.join(' ')).toContain('priorité');
    const unplaced = review.rows.find((row) => row.offerId === null)!;
    expect(unplaced.reasons[0]).toMatch(/^Non placé\(e\) : les 2 offres possibles .* sont complètes/);
    expect(review.rows[0]!.offerId).toBeNull();
  });

  it('is read by the collège only: pupils are minors', async () => {
    for (const who of [parties.hostMember.id, parties.admin.id, parties.outsider.id]) {
      expect((await rejection(allocationReview(services, await as(who), allocationId))).code).toBe('FORBIDDEN');
    }
  });

  it('is adjusted by hand within the seats and the distance', async () => {
    const principal = await as(parties.principal.id);
    const review = await allocationReview(services, principal, allocationId);
    const unplaced = review.rows.find((row) => row.offerId === null)!;
    const full = await rejection(adjustAllocation(services, principal, allocationId, { pupilId: unplaced.pupilId, offerId: secondHost.id }));
    expect(full.code).toBe('CONFLICT');
    expect(full.message).toContain('plus de place');
    const far = await rejection(adjustAllocation(services, principal, allocationId, { pupilId: unplaced.pupilId, offerId: farOffer.id }));
    expect(far.fieldErrors.offerId?.[0]).toContain('distance');
    expect((await rejection(adjustAllocation(services, principal, allocationId, { offerId: secondHost.id }))).code).toBe('VALIDATION');
    expect((await rejection(adjustAllocation(services, await as(parties.hostMember.id), allocationId, { pupilId: unplaced.pupilId, offerId: '' }))).code).toBe('FORBIDDEN');

    const atSecond = review.rows.find((row) => row.offerId === secondHost.id)!;
    await adjustAllocation(services, principal, allocationId, { pupilId: atSecond.pupilId, offerId: '' });
    await adjustAllocation(services, principal, allocationId, { pupilId: unplaced.pupilId, offerId: secondHost.id });
    const after = await allocationReview(services, principal, allocationId);
    const moved = after.rows.find((row) => row.pupilId === unplaced.pupilId)!;
    expect(moved).toMatchObject({ offerId: secondHost.id, adjusted: true });
    expect(moved.reasons[0]).toContain('modifié à la main');
    expect(after.rows.find((row) => row.pupilId === atSecond.pupilId)).toMatchObject({ offerId: null, adjusted: true });
    expect(after.placed).toBe(3);
  });

  it('is validated into one proposal per host, idempotently; the host’s acceptance ticks the allocated pupils', async () => {
    const principal = await as(parties.principal.id);
    const emailsBefore = await db.prisma.outboxEmail.count({ where: { template: 'match-proposed' } });
    expect(await validateAllocation(services, principal, allocationId)).toEqual({ proposed: 2, problems: [] });
    const matches = await db.prisma.match.findMany({ where: { needId: parties.internshipNeed.id }, orderBy: { offerId: 'asc' } });
    expect(matches.map((m) => [m.offerId, m.status]).sort()).toEqual(
      [
        [parties.internshipOffer.id, 'ACCEPTED_BY_NEED'],
        [secondHost.id, 'ACCEPTED_BY_NEED'],
      ].sort(),
    );
    const emailsAfter = await db.prisma.outboxEmail.count({ where: { template: 'match-proposed' } });
    expect(emailsAfter).toBeGreaterThan(emailsBefore);
    expect(await validateAllocation(services, principal, allocationId)).toEqual({ proposed: 2, problems: [] });
    expect(await db.prisma.outboxEmail.count({ where: { template: 'match-proposed' } })).toBe(emailsAfter);
    expect((await rejection(adjustAllocation(services, principal, allocationId, { pupilId: pupils.noah.id, offerId: '' }))).code).toBe('CONFLICT');
    expect((await rejection(discardAllocation(services, principal, allocationId))).code).toBe('CONFLICT');

    const second = matches.find((m) => m.offerId === secondHost.id)!;
    await acceptMatch(services, await as(parties.hostMember.id), second.id);
    const review = await allocationReview(services, principal, allocationId);
    const allocatedThere = review.rows.filter((row) => row.offerId === secondHost.id).map((row) => row.pupilId);
    const form = await placeablePupils(services, principal, second.id);
    expect(form.filter((pupil) => pupil.allocated).map((pupil) => pupil.id)).toEqual(allocatedThere);
    expect(form.filter((pupil) => !pupil.allocated).length).toBe(3);
  });

  it('a new computation discards the proposal not yet validated', async () => {
    const principal = await as(parties.principal.id);
    const first = await startAllocation(services, principal, parties.internshipNeed.id);
    await drainJobs(services, jobHandlers);
    const second = await startAllocation(services, principal, parties.internshipNeed.id);
    expect(second.allocationId).not.toBe(first.allocationId);
    expect((await db.prisma.allocation.findUniqueOrThrow({ where: { id: first.allocationId } })).status).toBe('DISCARDED');
    await drainJobs(services, jobHandlers);
    await discardAllocation(services, principal, second.allocationId);
    expect((await rejection(validateAllocation(services, principal, second.allocationId))).code).toBe('CONFLICT');
  });
});

describe('background jobs survive a stopped server', () => {
  it('takes up a job whose heartbeat went stale, and leaves a live one alone', async () => {
    const principal = await as(parties.principal.id);
    const { jobId } = await startAllocation(services, principal, parties.internshipNeed.id);
    const now = clock.now();
    await db.prisma.job.update({ where: { id: jobId }, data: { status: 'RUNNING', attempts: 1, heartbeatAt: new Date(now.getTime() - 1000) } });
    expect(await runNextJob(services, jobHandlers)).toBe(false);
    clock.advance(STALE_JOB_MS + 1000);
    expect(await runNextJob(services, jobHandlers)).toBe(true);
    expect(await db.prisma.job.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({ status: 'SUCCEEDED', attempts: 2 });
  });

  it('gives up after repeated interruptions, and reports a handler’s error in French', async () => {
    const principal = await as(parties.principal.id);
    const abandoned = await startAllocation(services, principal, parties.internshipNeed.id);
    await db.prisma.job.update({
      where: { id: abandoned.jobId },
      data: { status: 'RUNNING', attempts: MAX_JOB_ATTEMPTS, heartbeatAt: new Date(clock.now().getTime() - STALE_JOB_MS - 1) },
    });
    await drainJobs(services, jobHandlers);
    const gaveUp = await db.prisma.job.findUniqueOrThrow({ where: { id: abandoned.jobId } });
    expect(gaveUp.status).toBe('FAILED');
    expect(gaveUp.error).toContain('interrompu');

    const orphan = await startAllocation(services, principal, parties.internshipNeed.id);
    await db.prisma.allocation.delete({ where: { id: orphan.allocationId } });
    await drainJobs(services, jobHandlers);
    expect(await db.prisma.job.findUniqueOrThrow({ where: { id: orphan.jobId } })).toMatchObject({
      status: 'FAILED',
      error: 'L’affectation de ce traitement a été supprimée.',
    });
  });

  it('re-embeds every offer and need with progress, once even if asked twice', async () => {
    const first = await enqueueReembedding(services, parties.admin.id);
    expect(await enqueueReembedding(services, parties.admin.id)).toEqual(first);
    await drainJobs(services, jobHandlers);
    const job = await db.prisma.job.findUniqueOrThrow({ where: { id: first.jobId } });
    const rows = (await db.prisma.offer.count()) + (await db.prisma.need.count());
    expect(job.status).toBe('SUCCEEDED');
    expect(job.total).toBe(rows);
    expect(job.done).toBe(rows);
    const stale = await db.prisma.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "Offer" WHERE embedding IS NULL`;
    expect(Number(stale[0]!.n)).toBe(0);
  });
});

describe('routes', () => {
  let cookies: Record<string, string>;
  beforeAll(async () => {
    cookies = {
      principal: await createUserSession(services, parties.principal.id),
      host: await createUserSession(services, parties.hostMember.id),
    };
  });
  const post = (path: string, who: string, fields: Record<string, string>) =>
    requestWithCookie(path, cookies[who] ?? null, { method: 'POST', body: new URLSearchParams(fields) });
  const call = (handler: (args: never) => unknown, request: Request, params: Record<string, string>) =>
    (handler as (args: unknown) => Promise<unknown>)({ request, context: { services, clientIp: '127.0.0.1' }, params });

  it('starting from the collège page leads to the progress page; others are refused', async () => {
    const path = `/espace/college/${parties.college.id}`;
    const started = (await call(collegeRoute.action, post(path, 'principal', { intent: 'allocate', needId: parties.internshipNeed.id }), {
      organisationId: parties.college.id,
    })) as Response;
    expect(started.status).toBe(302);
    const location = started.headers.get('Location')!;
    expect(location).toMatch(/^\/travaux\//);
    const jobId = location.split('/').pop()!;
    expect(await statusOf(jobRoute.loader, services, requestWithCookie(location, cookies.host!), { jobId })).toBe(404);
    expect(await statusOf(jobRoute.loader, services, requestWithCookie(location, cookies.principal!), { jobId })).toBe(200);
    await drainJobs(services, jobHandlers);
    const done = await statusOf(jobRoute.loader, services, requestWithCookie(location, cookies.principal!), { jobId });
    expect(done).toBe(302);
    const refused = (await call(collegeRoute.action, post(path, 'host', { intent: 'allocate', needId: parties.internshipNeed.id }), {
      organisationId: parties.college.id,
    })) as { init: { status: number } };
    expect(refused.init.status).toBe(403);
  });

  it('a bad adjustment is a 400 with the error next to the field, and changes nothing', async () => {
    const allocation = await db.prisma.allocation.findFirstOrThrow({ where: { status: 'PROPOSED' }, include: { lines: true } });
    const line = allocation.lines[0]!;
    const response = (await call(
      affectationRoute.action,
      post(`/affectations/${allocation.id}`, 'principal', { intent: 'adjust', pupilId: line.pupilId, offerId: farOffer.id }),
      { allocationId: allocation.id },
    )) as { data: { fieldErrors: Record<string, string[]> }; init: { status: number } };
    expect(response.init.status).toBe(400);
    expect(response.data.fieldErrors.offerId?.[0]).toContain('distance');
    const unchanged = await db.prisma.allocationLine.findUniqueOrThrow({ where: { allocationId_pupilId: { allocationId: allocation.id, pupilId: line.pupilId } } });
    expect(unchanged).toEqual(line);
    expect(await statusOf(affectationRoute.loader, services, requestWithCookie(`/affectations/${allocation.id}`, cookies.host!), { allocationId: allocation.id })).toBe(403);
  });

  it('the collège marks a pupil as a priority', async () => {
    const path = `/espace/college/${parties.college.id}`;
    await call(collegeRoute.action, post(path, 'principal', { intent: 'priority', pupilId: pupils.noah.id, priority: 'true' }), { organisationId: parties.college.id });
    expect((await db.prisma.pupil.findUniqueOrThrow({ where: { id: pupils.noah.id } })).priority).toBe(true);
    const refused = (await call(collegeRoute.action, post(path, 'host', { intent: 'priority', pupilId: pupils.noah.id, priority: 'false' }), {
      organisationId: parties.college.id,
    })) as { init: { status: number } };
    expect(refused.init.status).toBe(403);
    expect((await db.prisma.pupil.findUniqueOrThrow({ where: { id: pupils.noah.id } })).priority).toBe(true);
  });
});

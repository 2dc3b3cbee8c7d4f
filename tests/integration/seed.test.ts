import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../app/.server/db/connection';
import {
  AgentStatus,
  ApprovalStatus,
  MatchKind,
  OrganisationKind,
  PropertyType,
  PublicationStatus,
  SkillsEligibility,
} from '../../app/.server/db/generated/client';
import { runConventionJobs } from '../../app/.server/conventions/jobs';
import { AppError } from '../../app/.server/errors';
import { loadCommunes } from '../../prisma/seed/communes';
import { isMonday, utcDate } from '../../prisma/seed/dates';
import { DEMO_ACCOUNTS } from '../../prisma/seed/demo-data';
import { isValidSiret, isValidUai } from '../../app/lib/identifiers';
import { seedDemoData, type SeedResult } from '../../prisma/seed/seed';
import { createTestDatabase } from '../support/test-database';
import { createTestServices } from '../support/test-services';

const TODAY = utcDate('2026-11-28');

describe('seedDemoData', () => {
  let db: Database;
  let first: SeedResult;
  const lines: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    first = await seedDemoData(db, { today: TODAY, log: (line) => lines.push(line) });
  });

  afterAll(async () => {
    await db.close();
  });

  it('creates the demo with counts in the expected ranges', () => {
    expect(first.created).toBe(true);
    const { counts } = first;
    expect(counts.communes).toBe(350);
    expect(counts.structures).toBeGreaterThanOrEqual(15);
    expect(counts.colleges).toBeGreaterThanOrEqual(5);
    expect(counts.councilServices).toBeGreaterThanOrEqual(3);
    expect(counts.agents).toBeGreaterThanOrEqual(25);
    expect(counts.skillOffers).toBeGreaterThanOrEqual(25);
    expect(counts.propertyOffers).toBeGreaterThanOrEqual(12);
    expect(counts.internshipOffers).toBeGreaterThanOrEqual(20);
    expect(counts.skillNeeds).toBeGreaterThan(0);
    expect(counts.spaceNeeds).toBeGreaterThan(0);
    expect(counts.internshipNeeds).toBeGreaterThan(0);
    expect(counts.groupingMembers).toBeGreaterThan(0);
    // The past activity (prisma/seed/demo-activity.ts).
    expect(counts.matches).toBe(11);
    expect(counts.matchStatusChanges).toBe(21);
    expect(counts.conventions).toBe(14);
    expect(counts.signatures).toBeGreaterThan(2 * 14);
    expect(counts.surveyResponses).toBe(9);
    expect(lines.at(-1)).toMatch(/^Données de démonstration créées en \d+ ms/);
  });

  it('gives every agent a skill offer, mostly published and approved, from a council address', async () => {
    const agents = await db.prisma.user.findMany({
      where: { agentProfile: { isNot: null } },
      include: { agentProfile: true, skillOffers: { include: { offer: true } } },
    });
    expect(agents.length).toBeGreaterThanOrEqual(25);
    for (const agent of agents) {
      expect(agent.email).toMatch(/@([a-z0-9-]+\.)*gard\.fr$/);
      expect(agent.skillOffers).toHaveLength(1);
    }
    const offers = agents.flatMap((agent) => agent.skillOffers);
    const published = offers.filter(({ offer }) => offer.status === PublicationStatus.PUBLISHED);
    expect(published.length).toBeGreaterThanOrEqual(25);
    for (const skill of published) {
      expect(skill.managerApproval).toBe(ApprovalStatus.APPROVED);
      expect(skill.offer.publishedAt).not.toBeNull();
      expect(skill.hoursPerMonth).toBeGreaterThanOrEqual(4);
      expect(skill.hoursPerMonth).toBeLessThanOrEqual(16);
    }
    expect(offers.some((skill) => skill.managerApproval === ApprovalStatus.PENDING)).toBe(true);
    expect(agents.filter((agent) => agent.agentProfile?.status === AgentStatus.CONTRACTUEL).length).toBeGreaterThanOrEqual(1);
    expect(agents.filter((agent) => agent.agentProfile?.lineManagerId).length).toBeGreaterThan(agents.length / 2);
  });

  it('offers every kind of property', async () => {
    const properties = await db.prisma.propertyOffer.findMany();
    expect(new Set(properties.map((property) => property.propertyType))).toEqual(
      new Set([PropertyType.BUILDING, PropertyType.LAND, PropertyType.ROOFTOP]),
    );
    for (const property of properties) expect(property.free).toBe(property.yearlyFeeCents === null);
  });

  it('places every internship week still published on a Monday of the school year', async () => {
    const published = { status: PublicationStatus.PUBLISHED };
    const offers = await db.prisma.internshipOffer.findMany({ where: { offer: published } });
    const needs = await db.prisma.internshipNeed.findMany({ where: { need: published } });
    const weeks = [...offers.flatMap((offer) => offer.weeks), ...needs.map((need) => need.week)];
    expect(weeks.length).toBeGreaterThan(0);
    for (const week of weeks) {
      expect(isMonday(week)).toBe(true);
      expect(week >= utcDate('2026-12-07') && week <= utcDate('2027-03-29')).toBe(true);
    }
    for (const offer of offers) expect(offer.weeks.length).toBeGreaterThanOrEqual(2);
  });

  it('gives valid SIRETs to structures and valid UAIs to collèges, with varied eligibility', async () => {
    const structures = await db.prisma.organisation.findMany({ where: { kind: OrganisationKind.STRUCTURE } });
    for (const structure of structures) expect(structure.siret !== null && isValidSiret(structure.siret)).toBe(true);
    expect(structures.some((s) => s.skillsEligibility === SkillsEligibility.NONE)).toBe(true);
    expect(structures.some((s) => s.skillsEligibility !== SkillsEligibility.NONE && s.eligibilityVerifiedAt !== null)).toBe(true);
    expect(structures.some((s) => s.skillsEligibility !== SkillsEligibility.NONE && s.eligibilityVerifiedAt === null)).toBe(true);
    const colleges = await db.prisma.organisation.findMany({ where: { kind: OrganisationKind.COLLEGE } });
    for (const college of colleges) expect(college.uai !== null && isValidUai(college.uai)).toBe(true);
    expect(colleges.some((college) => college.rep || college.repPlus)).toBe(true);
  });

  it('creates needs of every kind, including a grouping led by a chef de file', async () => {
    const kinds = await db.prisma.need.groupBy({ by: ['kind'], _count: true });
    expect(new Set(kinds.map((row) => row.kind))).toEqual(new Set([MatchKind.COMPETENCE, MatchKind.LIEU, MatchKind.STAGE]));
    const grouping = await db.prisma.spaceNeed.findFirstOrThrow({
      where: { members: { some: {} } },
      include: { members: true, need: true },
    });
    expect(grouping.members.length).toBeGreaterThanOrEqual(2);
    expect(grouping.members.map((member) => member.organisationId)).not.toContain(grouping.need.organisationId);
  });

  it('lets every demo account sign in with the role it is listed under', async () => {
    for (const [role, accounts] of Object.entries(DEMO_ACCOUNTS)) {
      expect(accounts.length).toBeGreaterThan(0);
      for (const account of accounts) {
        const user = await db.prisma.user.findUnique({ where: { email: account.email }, include: { roles: true } });
        expect(
          user?.roles.map((grant) => grant.role),
          account.email,
        ).toContain(role);
      }
    }
    const multiRole = await db.prisma.user.findMany({ where: { roles: { some: {} } }, include: { roles: true } });
    expect(multiRole.some((user) => new Set(user.roles.map((grant) => grant.role)).size >= 2)).toBe(true);
  });

  it('records a past activity: every event before today, conventions signed by all their signatories, no e-mail', async () => {
    const conventions = await db.prisma.convention.findMany({ include: { signatories: { include: { signatures: true } }, surveys: true, versions: true } });
    expect(new Set(conventions.map((convention) => convention.kind))).toEqual(new Set([MatchKind.COMPETENCE, MatchKind.LIEU, MatchKind.STAGE]));
    expect(new Set(conventions.map((convention) => convention.status))).toEqual(new Set(['SIGNED', 'IN_PROGRESS', 'COMPLETED']));
    expect(conventions.filter((convention) => convention.amendsId !== null)).toHaveLength(2);
    for (const convention of conventions) {
      expect(convention.signedAt !== null && convention.signedAt < TODAY, convention.reference).toBe(true);
      expect(convention.createdAt < TODAY).toBe(true);
      expect(convention.finalPdfKey).toBeNull();
      expect(convention.versions).toEqual([]);
      expect(convention.signatories.length).toBeGreaterThanOrEqual(2);
      for (const signatory of convention.signatories) {
        expect(signatory.signatures.map((signature) => signature.method)).toEqual(['ONLINE']);
        expect(signatory.signatures[0]!.signedAt <= convention.signedAt!).toBe(true);
      }
      for (const survey of convention.surveys) {
        expect(survey.score).toBeGreaterThanOrEqual(1);
        expect(survey.score).toBeLessThanOrEqual(5);
        expect(survey.createdAt < TODAY).toBe(true);
      }
      // Running conventions end beyond the end-of-placement notice; ended ones are completed.
      if (convention.status === 'IN_PROGRESS') expect(convention.endDate.getTime() - TODAY.getTime()).toBeGreaterThan(14 * 86_400_000);
      if (convention.endDate < TODAY) expect(convention.status).toBe('COMPLETED');
    }
    const pupils = conventions.flatMap((convention) => (convention.pupilId ? [convention.pupilId] : []));
    expect(new Set(pupils).size).toBe(pupils.length);
    const garrigues = await db.prisma.pupil.count({ where: { id: { in: pupils }, college: { name: 'Collège Les Garrigues' } } });
    expect(garrigues).toBe(0);
    for (const change of await db.prisma.matchStatusChange.findMany()) expect(change.at < TODAY).toBe(true);
    expect(await db.prisma.agentProfile.count({ where: { grade: null } })).toBe(0);
    expect(await db.prisma.commune.count({ where: { frr: true, frrClassification: 'FRR' } })).toBeGreaterThanOrEqual(2);
    expect(await db.prisma.spaceNeed.count({ where: { tiersLieu: true } })).toBeGreaterThanOrEqual(1);
    expect(await db.prisma.outboxEmail.count()).toBe(0);
  });

  it('gives the periodic convention jobs nothing to do on the fresh demo: no PDF to finalise, no e-mail', async () => {
    const { services } = createTestServices(db, { now: TODAY });
    expect(await runConventionJobs(services)).toEqual({ finalised: 0, reminders: 0, started: 0, endingNotices: 0, completed: 0, surveys: 0 });
    expect(await db.prisma.outboxEmail.count()).toBe(0);
  });

  it('does nothing the second time', async () => {
    const second = await seedDemoData(db, { today: TODAY });
    expect(second).toEqual({ created: false, counts: first.counts });
  });
});

describe('seedDemoData later in the school year', () => {
  it('moves internship weeks and deadlines ahead of today, still on Mondays', async () => {
    const db = await createTestDatabase();
    try {
      const today = utcDate('2027-01-20');
      await seedDemoData(db, { today });
      const published = { status: PublicationStatus.PUBLISHED };
      const offers = await db.prisma.internshipOffer.findMany({ where: { offer: published } });
      const needs = await db.prisma.internshipNeed.findMany({ where: { need: published } });
      for (const week of [...offers.flatMap((offer) => offer.weeks), ...needs.map((need) => need.week)]) {
        expect(isMonday(week)).toBe(true);
        expect(week > today).toBe(true);
      }
      // The calls of the demo's properties; the past activity's properties have had theirs.
      const properties = await db.prisma.propertyOffer.findMany({ where: { callDeadline: { not: null } } });
      expect(properties.length).toBeGreaterThanOrEqual(12);
      for (const property of properties) expect(property.callDeadline?.getTime()).toBeGreaterThan(today.getTime());
    } finally {
      await db.close();
    }
  });
});

describe('loadCommunes', () => {
  let db: Database;

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    await db.close();
  });

  it('writes nothing from an invalid file', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'communes-')), 'communes.json');
    try {
      fs.writeFileSync(file, JSON.stringify([{ code: '30189', name: 'Nîmes' }]));
      const before = await db.prisma.commune.count();
      const failure = loadCommunes(db.prisma, { file });
      await expect(failure).rejects.toBeInstanceOf(AppError);
      await expect(failure).rejects.toMatchObject({ code: 'VALIDATION' });
      expect(await db.prisma.commune.count()).toBe(before);
    } finally {
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }
  });

  it('loads the 350 communes quickly and refreshes existing ones, keeping their FRR flag', async () => {
    const stale = { name: 'Nismes', postcodes: [], population: 0, lat: 0, lon: 0, frr: true };
    await db.prisma.commune.upsert({ where: { code: '30189' }, create: { code: '30189', ...stale }, update: stale });
    const started = performance.now();
    expect(await loadCommunes(db.prisma)).toBe(350);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(await db.prisma.commune.count()).toBe(350);
    expect(await db.prisma.commune.findUnique({ where: { code: '30189' } })).toMatchObject({
      name: 'Nîmes',
      postcodes: ['30000', '30900'],
      frr: true,
    });
  });
});

import { fixedClock, systemClock } from '../../app/.server/clock';
import type { Database } from '../../app/.server/db/connection';
import { OrganisationKind, PublicationStatus, Role, type PrismaClient } from '../../app/.server/db/generated/client';
import {
  createAgent,
  createCollege,
  createCouncilService,
  createInternshipNeed,
  createInternshipOffer,
  createPupil,
  createPropertyOffer,
  createSkillNeed,
  createSkillOffer,
  createSpaceNeed,
  createStructure,
  createUser,
  type BuilderContext,
  type Db,
} from './builders';
import { loadCommunes } from './communes';
import { addDays, daysBetween, mondayOnOrAfter, startOfUtcDay, utcDate } from './dates';
import { seedDemoActivity } from './demo-activity';
import { AGENTS } from './demo-agents';
import { INTERNSHIP_MONDAYS, INTERNSHIP_NEEDS, INTERNSHIP_OFFERS } from './demo-internships';
import { SKILL_NEEDS, SPACE_NEEDS } from './demo-needs';
import {
  ADMIN,
  COLLEGES,
  DEMO_ADMIN_EMAIL,
  PROPERTY_MANAGERS,
  SERVICES,
  STRUCTURES,
  collegeEmail,
  councilEmail,
  managerEmail,
  structureEmail,
} from './demo-people';
import { PROPERTIES } from './demo-properties';
import { demoPupils } from './demo-pupils';
import { createSequence } from './identifiers';

export interface SeedOptions {
  log?: (line: string) => void;
  /** Dates of the demo are placed relative to this day (default: now). */
  today?: Date;
}

export interface SeedResult {
  created: boolean;
  counts: Record<string, number>;
}

/**
 * Loads the communes, then the demo in a single transaction so that a failure leaves no half demo.
 * Does nothing more when the Mission ESS admin already exists.
 */
export async function seedDemoData(db: Database, options: SeedOptions = {}): Promise<SeedResult> {
  const log = options.log ?? (() => {});
  const today = startOfUtcDay(options.today ?? systemClock.now());
  const started = performance.now();

  const communes = await loadCommunes(db.prisma);
  log(`${communes} communes du Gard chargées.`);

  if (await db.prisma.user.findUnique({ where: { email: DEMO_ADMIN_EMAIL }, select: { id: true } })) {
    log('Données de démonstration déjà présentes : rien à ajouter.');
    return { created: false, counts: await countRecords(db.prisma) };
  }

  // Sequence numbers from 5000 keep demo SIRETs and UAIs apart from those of builders used with their defaults.
  const ctx: BuilderContext = { sequence: createSequence(5_000), clock: fixedClock(today) };
  await db.prisma.$transaction((tx) => createDemo(tx, today, ctx), { maxWait: 10_000, timeout: 120_000 });

  const counts = await countRecords(db.prisma);
  log(`Données de démonstration créées en ${Math.round(performance.now() - started)} ms : ${formatCounts(counts)}.`);
  return { created: true, counts };
}

function lookup<T>(records: Map<string, T>, key: string): T {
  const record = records.get(key);
  if (record === undefined) throw new Error(`Donnée de démonstration introuvable : ${key}`);
  return record;
}

async function createDemo(tx: Db, today: Date, ctx: BuilderContext): Promise<void> {
  const daysAgo = (days: number) => addDays(today, -days);
  // Observation weeks and deadlines are written for 2026-2027; past that, they move by whole weeks to stay ahead.
  const shift = Math.max(0, daysBetween(utcDate(INTERNSHIP_MONDAYS[0]), mondayOnOrAfter(today)));
  const ahead = (isoDate: string) => addDays(utcDate(isoDate), shift);
  const status = (draft: boolean | undefined) => (draft ? PublicationStatus.DRAFT : PublicationStatus.PUBLISHED);
  const published = (draft: boolean | undefined, index: number) => (draft ? null : daysAgo(3 + ((index * 7) % 60)));

  const services = new Map<string, string>();
  for (const service of SERVICES) {
    const created = await createCouncilService(tx, { name: service.name, address: service.address }, ctx);
    services.set(service.key, created.id);
  }

  const admin = await createUser(
    tx,
    {
      email: DEMO_ADMIN_EMAIL,
      ...ADMIN,
      roles: [{ role: Role.MISSION_ESS_ADMIN }, { role: Role.LINE_MANAGER, organisationId: lookup(services, 'mission-ess') }],
    },
    ctx,
  );

  // Managers first, so that agents can point at them; a manager who also volunteers is created as an agent.
  const agentEmails = new Set(AGENTS.map(councilEmail));
  const managers = new Map<string, { id: string; email: string }>([['mission-ess', { id: admin.id, email: admin.email }]]);
  const managerServiceByEmail = new Map(SERVICES.map((service) => [managerEmail(service), service.key]));
  for (const service of SERVICES) {
    const email = managerEmail(service);
    if (managers.has(service.key) || agentEmails.has(email)) continue;
    const { firstName, lastName } = service.manager;
    const user = await createUser(
      tx,
      { email, firstName, lastName, roles: [{ role: Role.LINE_MANAGER, organisationId: lookup(services, service.key) }] },
      ctx,
    );
    managers.set(service.key, { id: user.id, email });
  }

  const agentsManagersFirst = [...AGENTS].sort(
    (a, b) => Number(managerServiceByEmail.has(councilEmail(b))) - Number(managerServiceByEmail.has(councilEmail(a))),
  );
  for (const [index, agent] of agentsManagersFirst.entries()) {
    const email = councilEmail(agent);
    const serviceId = lookup(services, agent.serviceKey);
    const managedService = managerServiceByEmail.get(email);
    const manager = managedService === agent.serviceKey ? undefined : managers.get(agent.serviceKey);
    const user = await createAgent(
      tx,
      {
        email,
        firstName: agent.firstName,
        lastName: agent.lastName,
        serviceId,
        jobTitle: agent.jobTitle,
        status: agent.status,
        lineManagerId: manager?.id,
        lineManagerEmail: manager?.email,
        otherRoles: managedService ? [{ role: Role.LINE_MANAGER, organisationId: lookup(services, managedService) }] : [],
      },
      ctx,
    );
    if (managedService) managers.set(managedService, { id: user.id, email });
    const { pending, ...offer } = agent.offer;
    await createSkillOffer(
      tx,
      {
        ...offer,
        agentId: user.id,
        organisationId: serviceId,
        status: pending ? PublicationStatus.PENDING_APPROVAL : PublicationStatus.PUBLISHED,
        publishedAt: pending ? null : daysAgo(5 + ((index * 3) % 45)),
        managerDecisionAt: pending ? null : daysAgo(6 + ((index * 3) % 45)),
        availableFrom: today,
      },
      ctx,
    );
  }

  const patrimoineId = lookup(services, 'patrimoine');
  const propertyManagers = new Map<string, string>();
  for (const { email, firstName, lastName } of PROPERTY_MANAGERS) {
    const user = await createUser(
      tx,
      { email, firstName, lastName, roles: [{ role: Role.PROPERTY_MANAGER, organisationId: patrimoineId }] },
      ctx,
    );
    propertyManagers.set(email, user.id);
  }
  for (const [index, property] of PROPERTIES.entries()) {
    const { managerEmail: owner, draft, callDeadline, ...fields } = property;
    await createPropertyOffer(
      tx,
      {
        ...fields,
        ownerId: lookup(propertyManagers, owner),
        organisationId: patrimoineId,
        status: status(draft),
        publishedAt: published(draft, index),
        callDeadline: ahead(callDeadline),
        availableFrom: addDays(ahead(callDeadline), 60),
      },
      ctx,
    );
  }

  const structures = new Map<string, { id: string; memberId: string; communeCode: string }>();
  for (const structure of STRUCTURES) {
    const { slug, contact, verifiedDaysAgo, ...fields } = structure;
    const organisation = await createStructure(
      tx,
      {
        ...fields,
        eligibilityVerifiedAt: verifiedDaysAgo === undefined ? null : daysAgo(verifiedDaysAgo),
        eligibilityVerifiedBy: verifiedDaysAgo === undefined ? null : admin.id,
      },
      ctx,
    );
    const member = await createUser(
      tx,
      { email: structureEmail(slug), ...contact, roles: [{ role: Role.STRUCTURE_MEMBER, organisationId: organisation.id }] },
      ctx,
    );
    structures.set(slug, { id: organisation.id, memberId: member.id, communeCode: structure.communeCode });
  }

  for (const [index, offer] of INTERNSHIP_OFFERS.entries()) {
    const { structureSlug, tutor, draft, weeks, ...fields } = offer;
    const { id, memberId, communeCode } = lookup(structures, structureSlug);
    await createInternshipOffer(
      tx,
      {
        ...fields,
        ownerId: memberId,
        organisationId: id,
        communeCode,
        weeks: weeks.map(ahead),
        tutorName: tutor,
        status: status(draft),
        publishedAt: published(draft, index),
      },
      ctx,
    );
  }

  for (const [index, need] of SKILL_NEEDS.entries()) {
    const { structureSlug, draft, ...fields } = need;
    const { id, memberId, communeCode } = lookup(structures, structureSlug);
    await createSkillNeed(
      tx,
      { ...fields, ownerId: memberId, organisationId: id, communeCode, status: status(draft), publishedAt: published(draft, index) },
      ctx,
    );
  }

  for (const [index, need] of SPACE_NEEDS.entries()) {
    const { structureSlug, partnerSlugs = [], draft, ...fields } = need;
    const { id, memberId, communeCode } = lookup(structures, structureSlug);
    await createSpaceNeed(
      tx,
      {
        ...fields,
        ownerId: memberId,
        organisationId: id,
        communeCode,
        memberIds: partnerSlugs.map((slug) => lookup(structures, slug).id),
        status: status(draft),
        publishedAt: published(draft, index),
      },
      ctx,
    );
  }

  const colleges = new Map<string, { id: string; staffId: string; communeCode: string }>();
  for (const college of COLLEGES) {
    const { slug, principal, ...fields } = college;
    const organisation = await createCollege(tx, fields, ctx);
    const staff = await createUser(
      tx,
      { email: collegeEmail(slug), ...principal, roles: [{ role: Role.COLLEGE_STAFF, organisationId: organisation.id }] },
      ctx,
    );
    colleges.set(slug, { id: organisation.id, staffId: staff.id, communeCode: college.communeCode });
    for (const [index, pupil] of demoPupils(colleges.size).entries()) {
      await createPupil(
        tx,
        {
          collegeId: organisation.id,
          firstName: pupil.firstName,
          lastName: pupil.lastName,
          className: pupil.className,
          birthDate: new Date(Date.UTC(today.getUTCFullYear() - 14 - (pupil.birthMonth > today.getUTCMonth() ? 1 : 0), pupil.birthMonth, pupil.birthDay)),
          legalRepEmail: `famille.${pupil.lastName.toLowerCase()}.${index + 1}@${slug}.example.org`,
        },
        ctx,
      );
    }
  }
  for (const [index, need] of INTERNSHIP_NEEDS.entries()) {
    const { collegeSlug, week, ...fields } = need;
    const college = lookup(colleges, collegeSlug);
    await createInternshipNeed(
      tx,
      {
        ...fields,
        ownerId: college.staffId,
        organisationId: college.id,
        communeCode: college.communeCode,
        week: ahead(week),
        publishedAt: published(false, index),
      },
      ctx,
    );
  }

  await seedDemoActivity(tx, today, ctx);
}

async function countRecords(prisma: PrismaClient): Promise<Record<string, number>> {
  const organisations = (kind: OrganisationKind) => prisma.organisation.count({ where: { kind } });
  const counts = {
    communes: prisma.commune.count(),
    structures: organisations(OrganisationKind.STRUCTURE),
    colleges: organisations(OrganisationKind.COLLEGE),
    councilServices: organisations(OrganisationKind.COUNCIL_SERVICE),
    users: prisma.user.count(),
    agents: prisma.agentProfile.count(),
    skillOffers: prisma.skillOffer.count(),
    propertyOffers: prisma.propertyOffer.count(),
    internshipOffers: prisma.internshipOffer.count(),
    skillNeeds: prisma.skillNeed.count(),
    spaceNeeds: prisma.spaceNeed.count(),
    internshipNeeds: prisma.internshipNeed.count(),
    groupingMembers: prisma.spaceNeedMember.count(),
    pupils: prisma.pupil.count(),
    matches: prisma.match.count(),
    matchStatusChanges: prisma.matchStatusChange.count(),
    conventions: prisma.convention.count(),
    signatures: prisma.signature.count(),
    surveyResponses: prisma.surveyResponse.count(),
  };
  return Object.fromEntries(await Promise.all(Object.entries(counts).map(async ([name, count]) => [name, await count])));
}

function formatCounts(counts: Record<string, number>): string {
  return Object.entries(counts)
    .map(([name, count]) => `${name} ${count}`)
    .join(', ');
}

import { systemClock, type Clock } from '../../app/.server/clock';
import {
  AgentStatus,
  ApprovalStatus,
  LegalForm,
  MatchKind,
  OrganisationKind,
  PlacementMode,
  PropertyType,
  PublicDomain,
  PublicationStatus,
  Role,
  SkillsEligibility,
  type Need,
  type Offer,
  type Organisation,
  type Prisma,
  type User,
} from '../../app/.server/db/generated/client';
import { addDays, isMonday, mondayOnOrAfter, startOfUtcDay } from './dates';
import { createSequence, siretFromNumber, uaiFromNumber, type Sequence } from './identifiers';

/**
 * Builders create valid records with sensible defaults, for tests and the demo seed alike.
 * Records point at communes, so load them first (loadCommunes).
 */
export type Db = Prisma.TransactionClient;

export interface BuilderContext {
  sequence: Sequence;
  clock: Clock;
}

export const defaultBuilderContext: BuilderContext = { sequence: createSequence(), clock: systemClock };

/** Nîmes, seat of the Département. */
export const DEFAULT_COMMUNE_CODE = '30189';

type OrganisationOverrides = Partial<Omit<Prisma.OrganisationUncheckedCreateInput, 'kind'>>;

export function createStructure(db: Db, overrides: OrganisationOverrides = {}, ctx = defaultBuilderContext): Promise<Organisation> {
  const n = ctx.sequence.next();
  return db.organisation.create({
    data: {
      kind: OrganisationKind.STRUCTURE,
      name: `Association démo n° ${n}`,
      communeCode: DEFAULT_COMMUNE_CODE,
      legalForm: LegalForm.ASSOCIATION,
      siret: siretFromNumber(n),
      skillsEligibility: SkillsEligibility.NONE,
      ...overrides,
    },
  });
}

export function createCollege(db: Db, overrides: OrganisationOverrides = {}, ctx = defaultBuilderContext): Promise<Organisation> {
  const n = ctx.sequence.next();
  return db.organisation.create({
    data: {
      kind: OrganisationKind.COLLEGE,
      name: `Collège démo n° ${n}`,
      communeCode: DEFAULT_COMMUNE_CODE,
      uai: uaiFromNumber(n),
      ...overrides,
    },
  });
}

export function createCouncilService(db: Db, overrides: OrganisationOverrides = {}, ctx = defaultBuilderContext): Promise<Organisation> {
  const n = ctx.sequence.next();
  return db.organisation.create({
    data: { kind: OrganisationKind.COUNCIL_SERVICE, name: `Service démo n° ${n}`, communeCode: DEFAULT_COMMUNE_CODE, ...overrides },
  });
}

export interface RoleInput {
  role: Role;
  organisationId?: string;
}

export interface UserInput {
  email?: string;
  firstName?: string;
  lastName?: string;
  roles?: RoleInput[];
}

export function createUser(db: Db, input: UserInput = {}, ctx = defaultBuilderContext): Promise<User> {
  const n = ctx.sequence.next();
  const { roles = [], ...fields } = input;
  return db.user.create({
    data: {
      email: `utilisateur-${n}@example.org`,
      firstName: 'Camille',
      lastName: `Démo ${n}`,
      ...fields,
      roles: { create: roles.map(({ role, organisationId }) => ({ role, organisationId: organisationId ?? null })) },
    },
  });
}

export interface AgentInput extends Omit<UserInput, 'roles'> {
  serviceId?: string;
  jobTitle?: string;
  status?: AgentStatus;
  lineManagerId?: string;
  lineManagerEmail?: string;
  /** Roles held besides COUNCIL_AGENT (e.g. LINE_MANAGER). */
  otherRoles?: RoleInput[];
}

/** A council agent: the person, the COUNCIL_AGENT role (scoped to the service) and the agent profile. */
export async function createAgent(db: Db, input: AgentInput = {}, ctx = defaultBuilderContext): Promise<User> {
  const n = ctx.sequence.next();
  const {
    serviceId,
    jobTitle = 'Chargé·e de mission',
    status = AgentStatus.FONCTIONNAIRE,
    lineManagerId,
    lineManagerEmail,
    otherRoles = [],
    ...person
  } = input;
  const user = await createUser(
    db,
    { email: `agent-${n}@demo.gard.fr`, ...person, roles: [{ role: Role.COUNCIL_AGENT, organisationId: serviceId }, ...otherRoles] },
    ctx,
  );
  await db.agentProfile.create({
    data: {
      userId: user.id,
      serviceId: serviceId ?? null,
      jobTitle,
      status,
      lineManagerId: lineManagerId ?? null,
      lineManagerEmail: lineManagerEmail ?? null,
    },
  });
  return user;
}

/** Fields every offer and need share; a published record gets its publication date from the clock unless given. */
interface PublicationInput {
  title?: string;
  description?: string;
  status?: PublicationStatus;
  communeCode?: string;
  availableFrom?: Date | null;
  availableUntil?: Date | null;
  publishedAt?: Date | null;
}

function assertMondays(weeks: Date[]): void {
  const wrong = weeks.find((week) => !isMonday(week));
  if (wrong) throw new RangeError(`Une semaine de stage doit commencer un lundi : ${wrong.toISOString().slice(0, 10)}`);
}

function publication(input: PublicationInput, ctx: BuilderContext, defaults: { title: string; description: string }) {
  const { status = PublicationStatus.PUBLISHED, publishedAt, ...rest } = input;
  return {
    ...defaults,
    communeCode: DEFAULT_COMMUNE_CODE,
    ...rest,
    status,
    publishedAt: publishedAt !== undefined ? publishedAt : status === PublicationStatus.PUBLISHED ? ctx.clock.now() : null,
  };
}

export interface SkillOfferInput extends PublicationInput {
  agentId: string;
  organisationId?: string;
  skills?: string[];
  hoursPerMonth?: number;
  radiusKm?: number;
  remote?: boolean;
  managerApproval?: ApprovalStatus;
  managerDecisionAt?: Date | null;
}

/** A published skill offer is approved by the line manager by default; any other status waits for approval. */
export function createSkillOffer(db: Db, input: SkillOfferInput, ctx = defaultBuilderContext): Promise<Offer> {
  const n = ctx.sequence.next();
  const {
    agentId,
    organisationId,
    skills = ['comptabilité'],
    hoursPerMonth = 8,
    radiusKm = 30,
    remote = false,
    managerApproval,
    managerDecisionAt,
    ...common
  } = input;
  const base = publication(common, ctx, {
    title: `Compétence démo n° ${n}`,
    description: 'Un agent du Département propose quelques heures par mois.',
  });
  const approval = managerApproval ?? (base.status === PublicationStatus.PUBLISHED ? ApprovalStatus.APPROVED : ApprovalStatus.PENDING);
  return db.offer.create({
    data: {
      ...base,
      kind: MatchKind.COMPETENCE,
      ownerId: agentId,
      organisationId: organisationId ?? null,
      skill: {
        create: {
          agentId,
          skills,
          hoursPerMonth,
          radiusKm,
          remote,
          managerApproval: approval,
          managerDecisionAt:
            managerDecisionAt !== undefined ? managerDecisionAt : approval === ApprovalStatus.PENDING ? null : ctx.clock.now(),
        },
      },
    },
  });
}

export interface PropertyOfferInput extends PublicationInput {
  ownerId: string;
  organisationId?: string;
  propertyType?: PropertyType;
  address?: string;
  inQpv?: boolean;
  surfaceM2?: number;
  floor?: number | null;
  stepFreeAccess?: boolean;
  domain?: PublicDomain;
  /** Yearly fee in euro cents; none means the property is offered free of charge. */
  yearlyFeeCents?: number | null;
  counterparts?: string | null;
  callDeadline?: Date | null;
}

export function createPropertyOffer(db: Db, input: PropertyOfferInput, ctx = defaultBuilderContext): Promise<Offer> {
  const n = ctx.sequence.next();
  const {
    ownerId,
    organisationId,
    propertyType = PropertyType.BUILDING,
    address = `${n} rue de la Démonstration`,
    inQpv = false,
    surfaceM2 = 120,
    floor = propertyType === PropertyType.BUILDING ? 0 : null,
    stepFreeAccess = propertyType !== PropertyType.ROOFTOP,
    domain = PublicDomain.PRIVATE,
    yearlyFeeCents = null,
    counterparts = null,
    callDeadline = null,
    ...common
  } = input;
  const base = publication(common, ctx, {
    title: `Lieu démo n° ${n}`,
    description: 'Un bien vacant du Département proposé en occupation temporaire.',
  });
  return db.offer.create({
    data: {
      ...base,
      kind: MatchKind.LIEU,
      ownerId,
      organisationId: organisationId ?? null,
      property: {
        create: {
          propertyType,
          address,
          communeCode: base.communeCode,
          inQpv,
          surfaceM2,
          floor,
          stepFreeAccess,
          domain,
          free: yearlyFeeCents === null,
          yearlyFeeCents,
          counterparts,
          callDeadline,
        },
      },
    },
  });
}

export interface InternshipOfferInput extends PublicationInput {
  ownerId: string;
  organisationId: string;
  activities?: string[];
  /** Mondays of the weeks offered. */
  weeks?: Date[];
  capacityPerWeek?: number;
  maxGroupSize?: number;
  tutorName?: string;
  tutorRole?: string | null;
  wheelchairAccessible?: boolean;
  accessibilityNotes?: string | null;
}

export function createInternshipOffer(db: Db, input: InternshipOfferInput, ctx = defaultBuilderContext): Promise<Offer> {
  const n = ctx.sequence.next();
  const firstWeek = mondayOnOrAfter(addDays(startOfUtcDay(ctx.clock.now()), 14));
  const {
    ownerId,
    organisationId,
    activities = ['Découverte des métiers de la structure'],
    weeks = [firstWeek, addDays(firstWeek, 7)],
    capacityPerWeek = 2,
    maxGroupSize = 1,
    tutorName = 'Camille Martin',
    tutorRole = null,
    wheelchairAccessible = false,
    accessibilityNotes = null,
    ...common
  } = input;
  assertMondays(weeks);
  const base = publication(common, ctx, {
    title: `Stage de 3e démo n° ${n}`,
    description: "Une semaine d'observation dans une structure de l'ESS.",
  });
  return db.offer.create({
    data: {
      ...base,
      kind: MatchKind.STAGE,
      ownerId,
      organisationId,
      internship: {
        create: { activities, weeks, capacityPerWeek, maxGroupSize, tutorName, tutorRole, wheelchairAccessible, accessibilityNotes },
      },
    },
  });
}

interface NeedInput extends PublicationInput {
  ownerId: string;
  organisationId: string;
  maxDistanceKm?: number;
}

export interface SkillNeedInput extends NeedInput {
  skills?: string[];
  hoursPerMonth?: number | null;
  remoteOk?: boolean;
}

export function createSkillNeed(db: Db, input: SkillNeedInput, ctx = defaultBuilderContext): Promise<Need> {
  const n = ctx.sequence.next();
  const { ownerId, organisationId, maxDistanceKm = 30, skills = ['comptabilité'], hoursPerMonth = 4, remoteOk = true, ...common } = input;
  const base = publication(common, ctx, {
    title: `Besoin de compétences démo n° ${n}`,
    description: "Une structure de l'ESS cherche un appui ponctuel.",
  });
  return db.need.create({
    data: {
      ...base,
      kind: MatchKind.COMPETENCE,
      ownerId,
      organisationId,
      maxDistanceKm,
      skill: { create: { skills, hoursPerMonth, remoteOk } },
    },
  });
}

export interface SpaceNeedInput extends NeedInput {
  propertyTypes?: PropertyType[];
  minSurfaceM2?: number;
  stepFreeRequired?: boolean;
  intendedUse?: string | null;
  /** Partners of a grouping; the need's organisation is the chef de file. */
  memberIds?: string[];
}

export function createSpaceNeed(db: Db, input: SpaceNeedInput, ctx = defaultBuilderContext): Promise<Need> {
  const n = ctx.sequence.next();
  const {
    ownerId,
    organisationId,
    maxDistanceKm = 30,
    propertyTypes = [PropertyType.BUILDING],
    minSurfaceM2 = 50,
    stepFreeRequired = false,
    intendedUse = null,
    memberIds = [],
    ...common
  } = input;
  const base = publication(common, ctx, { title: `Besoin de lieu démo n° ${n}`, description: "Une structure de l'ESS cherche un local." });
  return db.need.create({
    data: {
      ...base,
      kind: MatchKind.LIEU,
      ownerId,
      organisationId,
      maxDistanceKm,
      space: {
        create: {
          propertyTypes,
          minSurfaceM2,
          stepFreeRequired,
          intendedUse,
          members: { create: memberIds.map((memberId) => ({ organisationId: memberId })) },
        },
      },
    },
  });
}

export interface InternshipNeedInput extends NeedInput {
  /** Monday of the observation week. */
  week?: Date;
  pupilCount?: number;
  mode?: PlacementMode;
  interests?: string[];
}

export function createInternshipNeed(db: Db, input: InternshipNeedInput, ctx = defaultBuilderContext): Promise<Need> {
  const n = ctx.sequence.next();
  const {
    ownerId,
    organisationId,
    maxDistanceKm = 15,
    week = mondayOnOrAfter(addDays(startOfUtcDay(ctx.clock.now()), 14)),
    pupilCount = 1,
    mode = PlacementMode.INDIVIDUAL,
    interests = [],
    ...common
  } = input;
  assertMondays([week]);
  const base = publication(common, ctx, {
    title: `Stage de 3e recherché n° ${n}`,
    description: "Un collège cherche une semaine d'observation pour ses élèves.",
  });
  return db.need.create({
    data: {
      ...base,
      kind: MatchKind.STAGE,
      ownerId,
      organisationId,
      maxDistanceKm,
      internship: { create: { week, pupilCount, mode, interests } },
    },
  });
}

export interface PupilInput {
  collegeId: string;
  firstName?: string;
  lastName?: string;
  className?: string;
  birthDate?: Date;
  legalRepEmail?: string;
  priority?: boolean;
  interests?: string;
}

/** A 3e pupil: only what the convention needs. Born 14 years before today by default. */
export function createPupil(db: Db, input: PupilInput, ctx = defaultBuilderContext) {
  const n = ctx.sequence.next();
  const today = startOfUtcDay(ctx.clock.now());
  const birthDate = input.birthDate ?? new Date(Date.UTC(today.getUTCFullYear() - 14, 2, 1 + (n % 28)));
  return db.pupil.create({
    data: {
      collegeId: input.collegeId,
      firstName: input.firstName ?? `Élève${n}`,
      lastName: input.lastName ?? `Démo`,
      className: input.className ?? '3e A',
      birthDate,
      legalRepEmail: input.legalRepEmail ?? `famille-${n}@example.org`,
      priority: input.priority ?? false,
      interests: input.interests ?? '',
      createdAt: ctx.clock.now(),
      lastActivityAt: ctx.clock.now(),
    },
  });
}

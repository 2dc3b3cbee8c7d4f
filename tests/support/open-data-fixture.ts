import { createUserSession } from '../../app/.server/auth/session';
import { fixedClock } from '../../app/.server/clock';
import type { Database } from '../../app/.server/db/connection';
import type { MatchKind, MatchStatus, Prisma, SignatoryRole } from '../../app/.server/db/generated/client';
import type { Services } from '../../app/.server/services';
import {
  createAgent,
  createCollege,
  createCouncilService,
  createInternshipNeed,
  createInternshipOffer,
  createPropertyOffer,
  createPupil,
  createSkillNeed,
  createSkillOffer,
  createSpaceNeed,
  createStructure,
  createUser,
  type BuilderContext,
} from '../../prisma/seed/builders';
import { loadCommunes } from '../../prisma/seed/communes';
import { createSequence } from '../../prisma/seed/identifiers';
import { ALES, LE_VIGAN, NIMES } from './indicator-rows';
import { createTestDatabase } from './test-database';
import { createTestServices } from './test-services';

export const FIXTURE_NOW = new Date('2026-11-28T10:00:00Z');
const day = (iso: string) => new Date(`${iso}T10:00:00Z`);

export interface OpenDataFixture {
  db: Database;
  services: Services;
  cookies: { admin: string; member: string; staff: string };
  /** Everything a person or a record could be recognised by: names, emails, birth dates, SIRET, UAI, record ids. */
  identifying: string[];
}

/**
 * A year (2026) of activity on the indicators' PGlite database, sized so that some counts pass the open-data
 * threshold (5) and others do not: 15 needs published (7 skills, 6 places, 2 stages), 10 matches proposed (7 skills,
 * 2 places, 1 stage), 9 accepted, 1 declined; 5 pupils registered, 1 placed; 2 skills placements; a property vacant since 2025.
 */
export async function createOpenDataFixture(): Promise<OpenDataFixture> {
  const db = await createTestDatabase();
  const services = createTestServices(db, { now: FIXTURE_NOW }).services;
  const p = db.prisma;
  const ctx: BuilderContext = { sequence: createSequence(700), clock: fixedClock(day('2026-09-10')) };
  const identifying: string[] = [];
  await loadCommunes(p);

  const admin = await createUser(p, { firstName: 'Hortense', lastName: 'Valadier', email: 'hortense.valadier@gard.fr', roles: [{ role: 'MISSION_ESS_ADMIN' }] }, ctx);
  const jardins = await createStructure(p, { name: 'Les Jardins Partagés', communeCode: NIMES, skillsEligibility: 'INTERET_GENERAL' }, ctx);
  const ressourcerie = await createStructure(p, { name: 'Ressourcerie d’Alès', communeCode: ALES, skillsEligibility: 'ARUP' }, ctx);
  const member = await createUser(p, { firstName: 'Gaspard', lastName: 'Tourrette', email: 'gaspard.tourrette@jardins.example.org', roles: [{ role: 'STRUCTURE_MEMBER', organisationId: jardins.id }] }, ctx);
  const finances = await createCouncilService(p, { name: 'Direction des finances' }, ctx);
  const patrimoine = await createCouncilService(p, { name: 'Service du patrimoine' }, ctx);
  const propertyManager = await createUser(p, { firstName: 'Octave', lastName: 'Brunelier', email: 'octave.brunelier@gard.fr', roles: [{ role: 'PROPERTY_MANAGER', organisationId: patrimoine.id }] }, ctx);
  const agents = [
    await createAgent(p, { firstName: 'Philomène', lastName: 'Cabanis', email: 'philomene.cabanis@gard.fr', serviceId: finances.id }, ctx),
    await createAgent(p, { firstName: 'Anatole', lastName: 'Jourdanet', email: 'anatole.jourdanet@gard.fr', serviceId: finances.id }, ctx),
  ];
  const college = await createCollege(p, { name: 'Collège Jean Moulin', communeCode: NIMES, rep: true }, ctx);
  const collegeVigan = await createCollege(p, { name: 'Collège de l’Aigoual', communeCode: LE_VIGAN }, ctx);
  const staff = await createUser(p, { firstName: 'Sidonie', lastName: 'Malaterre', email: 'sidonie.malaterre@ac-montpellier.fr', roles: [{ role: 'COLLEGE_STAFF', organisationId: college.id }] }, ctx);
  for (const person of [admin, member, propertyManager, ...agents, staff]) identifying.push(person.id, person.email, person.firstName ?? '', person.lastName ?? '');
  for (const organisation of [jardins, ressourcerie, college, collegeVigan, finances, patrimoine]) identifying.push(organisation.id, ...[organisation.siret, organisation.uai].filter((value): value is string => Boolean(value)));

  // Needs: 7 for skills, 6 for places, 2 for stages, all published in 2026.
  const skillNeeds = [];
  for (let n = 0; n < 7; n++) {
    skillNeeds.push(await createSkillNeed(p, { ownerId: member.id, organisationId: n % 2 ? ressourcerie.id : jardins.id, communeCode: n % 2 ? ALES : NIMES, publishedAt: day(`2026-0${1 + (n % 6)}-10`) }, ctx));
  }
  const spaceNeeds = [];
  for (let n = 0; n < 6; n++) {
    spaceNeeds.push(await createSpaceNeed(p, { ownerId: member.id, organisationId: jardins.id, communeCode: NIMES, publishedAt: day(`2026-0${2 + (n % 5)}-01`) }, ctx));
  }
  const week = new Date('2026-03-02');
  const stageNeed = await createInternshipNeed(p, { ownerId: staff.id, organisationId: college.id, communeCode: NIMES, week, mode: 'INDIVIDUAL', publishedAt: day('2026-01-15') }, ctx);
  await createInternshipNeed(p, { ownerId: staff.id, organisationId: collegeVigan.id, communeCode: LE_VIGAN, week, mode: 'GROUP', pupilCount: 2, publishedAt: day('2026-01-20') }, ctx);

  // Matches: 7 for skills (6 accepted, 1 declined), 2 for places (accepted).
  const skillOffers = [
    await createSkillOffer(p, { agentId: agents[0]!.id, organisationId: finances.id, publishedAt: day('2025-12-01') }, ctx),
    await createSkillOffer(p, { agentId: agents[1]!.id, organisationId: finances.id, publishedAt: day('2025-12-01') }, ctx),
  ];
  const match = (kind: MatchKind, needId: string, offerId: string, status: MatchStatus, createdAt: string) =>
    p.match.create({ data: { kind, needId, offerId, status, score: 0.5, explanation: [], createdAt: day(createdAt) } });
  const skillMatches = [];
  for (const [n, need] of skillNeeds.entries()) {
    skillMatches.push(await match('COMPETENCE', need.id, skillOffers[n % 2]!.id, n === 6 ? 'DECLINED' : 'ACCEPTED', `2026-07-0${1 + n}`));
  }
  const building = await createPropertyOffer(p, { ownerId: propertyManager.id, organisationId: patrimoine.id, propertyType: 'BUILDING', surfaceM2: 180, communeCode: NIMES, publishedAt: day('2025-06-01') }, ctx);
  await match('LIEU', spaceNeeds[0]!.id, building.id, 'ACCEPTED', '2026-03-10');
  await match('LIEU', spaceNeeds[1]!.id, building.id, 'ACCEPTED', '2026-03-11');

  let sequence = 0;
  const convention = async (on: { id: string; kind: MatchKind }, input: { status: Prisma.ConventionCreateInput['status']; start: string; end: string; signedAt: string; terms?: Record<string, unknown>; pupilId?: string; signatories: SignatoryRole[]; surveys?: Partial<Record<SignatoryRole, number>> }) => {
    sequence += 1;
    const created = await p.convention.create({
      data: {
        reference: `PAS-2026-OD-${String(sequence).padStart(3, '0')}`,
        verificationCode: `OPEN-${String(sequence).padStart(4, '0')}`,
        kind: on.kind,
        matchId: on.id,
        pupilId: input.pupilId ?? null,
        status: input.status,
        templateId: 'modele-essai',
        templateVersion: '2026-11-28',
        templateSha256: '0'.repeat(64),
        terms: { kind: on.kind, ...input.terms },
        startDate: new Date(input.start),
        endDate: new Date(input.end),
        signedAt: day(input.signedAt),
        createdAt: day(input.signedAt),
      },
    });
    identifying.push(created.id, created.reference, created.verificationCode);
    for (const [position, role] of input.signatories.entries()) {
      const name = `Signataire${sequence}x${position} Confidentiel`;
      const email = `signataire-${sequence}-${position}@personne.example.org`;
      identifying.push(name, email);
      const signatory = await p.signatory.create({ data: { conventionId: created.id, role, name, email, position } });
      const score = input.surveys?.[role];
      if (score !== undefined) await p.surveyResponse.create({ data: { conventionId: created.id, signatoryId: signatory.id, role, score } });
    }
  };
  const skills: SignatoryRole[] = ['DEPARTEMENT', 'HOST', 'AGENT'];
  await convention(skillMatches[0]!, { status: 'COMPLETED', start: '2026-02-01', end: '2026-05-31', signedAt: '2026-01-25', terms: { hoursPerMonth: 6, activities: 'Tenue de la comptabilité de Gaspard' }, signatories: skills, surveys: { AGENT: 5, HOST: 4 } });
  await convention(skillMatches[1]!, { status: 'IN_PROGRESS', start: '2026-03-01', end: '2026-12-31', signedAt: '2026-02-20', terms: { hoursPerMonth: 4, activities: 'Plan de communication' }, signatories: skills });

  // Stages: five pupils registered, one placed.
  const stageOffer = await createInternshipOffer(p, { ownerId: member.id, organisationId: jardins.id, communeCode: NIMES, weeks: [week], publishedAt: day('2026-01-05') }, ctx);
  const stageMatch = await match('STAGE', stageNeed.id, stageOffer.id, 'ACCEPTED', '2026-02-01');
  const pupils = [];
  for (const [firstName, lastName] of [['Inès', 'Martinez'], ['Lucas', 'Bernardi'], ['Jade', 'Rouvière'], ['Nathan', 'Fabrègue'], ['Louise', 'Chabaudel']] as const) {
    const pupil = await createPupil(p, { collegeId: college.id, firstName, lastName }, ctx);
    identifying.push(pupil.id, pupil.firstName, pupil.lastName, pupil.legalRepEmail, pupil.birthDate?.toISOString().slice(0, 10) ?? '');
    pupils.push(pupil);
  }
  await convention(stageMatch, { status: 'SIGNED', start: '2026-03-02', end: '2026-03-06', signedAt: '2026-02-20', pupilId: pupils[0]!.id, signatories: ['HOST', 'COLLEGE', 'PUPIL', 'LEGAL_REPRESENTATIVE'] });

  return {
    db,
    services,
    cookies: {
      admin: await createUserSession(services, admin.id),
      member: await createUserSession(services, member.id),
      staff: await createUserSession(services, staff.id),
    },
    identifying: identifying.filter((value) => value.length >= 4),
  };
}

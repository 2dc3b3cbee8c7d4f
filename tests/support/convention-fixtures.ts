import type { CurrentUser } from '../../app/.server/auth/session';
import type { Database } from '../../app/.server/db/connection';
import {
  createAgent,
  createCollege,
  createCouncilService,
  createInternshipNeed,
  createInternshipOffer,
  createPupil,
  createSkillNeed,
  createSkillOffer,
  createStructure,
  createUser,
} from '../../prisma/seed/builders';
import { loadCommunes } from '../../prisma/seed/communes';

export async function asCurrentUser(db: Database, id: string): Promise<CurrentUser> {
  const user = await db.prisma.user.findUniqueOrThrow({ where: { id }, include: { roles: true } });
  return { id: user.id, email: user.email, firstName: user.firstName, lastName: user.lastName, roles: user.roles };
}

/** Every party of a skills placement and of a stage, with the outsiders the access tests need. */
export async function conventionParties(db: Database, now: Date) {
  await loadCommunes(db.prisma);
  const p = db.prisma;
  const admin = await createUser(p, { email: 'mission@gard.fr', firstName: 'Claire', lastName: 'Mission', roles: [{ role: 'MISSION_ESS_ADMIN' }] });
  const host = await createStructure(p, { name: 'Les Jardins Partagés', skillsEligibility: 'INTERET_GENERAL', eligibilityVerifiedAt: now, address: '4 rue de la Placette' });
  const hostMember = await createUser(p, { email: 'presidente@jardins.example.org', firstName: 'Lucie', lastName: 'Arnaud', roles: [{ role: 'STRUCTURE_MEMBER', organisationId: host.id }] });
  const other = await createStructure(p, { name: 'Autre Association' });
  const outsider = await createUser(p, { email: 'autre@example.org', roles: [{ role: 'STRUCTURE_MEMBER', organisationId: other.id }] });
  const service = await createCouncilService(p, { name: 'Direction des finances' });
  const manager = await createUser(p, { email: 'chef@gard.fr', firstName: 'Paul', lastName: 'Chef', roles: [{ role: 'LINE_MANAGER', organisationId: service.id }] });
  const agent = await createAgent(p, { email: 'agent@gard.fr', firstName: 'Marc', lastName: 'Chabert', serviceId: service.id, jobTitle: 'Comptable', lineManagerId: manager.id });
  const contractual = await createAgent(p, { email: 'contractuel@gard.fr', firstName: 'Léa', lastName: 'Soulier', serviceId: service.id, status: 'CONTRACTUEL', lineManagerId: manager.id });
  const skillOffer = await createSkillOffer(p, { agentId: agent.id, skills: ['comptabilité'], availableFrom: now });
  const contractualOffer = await createSkillOffer(p, { agentId: contractual.id, skills: ['comptabilité'], availableFrom: now });
  const skillNeed = await createSkillNeed(p, { ownerId: hostMember.id, organisationId: host.id, skills: ['comptabilité'], title: 'Tenir la comptabilité de l’association', description: 'Mettre en place un plan comptable et former la trésorière.' });

  const college = await createCollege(p, { name: 'Collège Jean Moulin' });
  const principal = await createUser(p, { email: 'principal@college.example.org', firstName: 'Anne', lastName: 'Principale', roles: [{ role: 'COLLEGE_STAFF', organisationId: college.id }] });
  const pupil = await createPupil(p, { collegeId: college.id, firstName: 'Inès', lastName: 'Martin', birthDate: new Date('2012-06-10'), legalRepEmail: 'famille.martin@example.org' });
  const week = new Date('2027-01-11');
  const internshipOffer = await createInternshipOffer(p, { ownerId: hostMember.id, organisationId: host.id, weeks: [week], capacityPerWeek: 2, maxGroupSize: 2, tutorName: 'Lucie Arnaud' });
  const internshipNeed = await createInternshipNeed(p, { ownerId: principal.id, organisationId: college.id, week, pupilCount: 1 });
  return { admin, host, hostMember, outsider, agent, contractual, skillOffer, contractualOffer, skillNeed, college, principal, pupil, internshipOffer, internshipNeed, week };
}

/** The clear tokens of the links sent by email, read from the outbox as a person would from their mailbox. */
export async function linksFromOutbox(db: Database, path: 'signature' | 'enquete' | 'telechargement'): Promise<{ to: string; token: string; subject: string }[]> {
  const emails = await db.prisma.outboxEmail.findMany({ orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
  return emails.flatMap((email) => {
    const match = new RegExp(`/${path}/([A-Za-z0-9_-]{20,})`).exec(email.text);
    return match?.[1] ? [{ to: email.to, token: match[1], subject: email.subject }] : [];
  });
}

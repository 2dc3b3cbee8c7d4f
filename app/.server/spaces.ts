import { eligibilityStatus } from './admin/eligibility';
import { assertAccess, hasRole, organisationsWithRole } from './auth/authorize';
import type { CurrentUser } from './auth/session';
import { AppError } from './errors';
import { structureMembers } from './organisations/members';
import type { Services } from './services';

/** Where each role works; the account page links to these and each loader re-checks access itself. */
export async function listUserSpaces(services: Services, user: CurrentUser) {
  const organisationIds = [...new Set(user.roles.flatMap((grant) => (grant.organisationId ? [grant.organisationId] : [])))];
  const organisations = await services.prisma.organisation.findMany({
    where: { id: { in: organisationIds } },
    select: { id: true, name: true, kind: true },
  });
  const nameOf = (id: string) => organisations.find((org) => org.id === id)?.name ?? 'Organisation';
  const spaces: { href: string; label: string }[] = [];
  for (const id of organisationsWithRole(user, 'STRUCTURE_MEMBER')) {
    spaces.push({ href: `/espace/structure/${id}`, label: `Espace de la structure ${nameOf(id)}` });
  }
  for (const id of organisationsWithRole(user, 'COLLEGE_STAFF')) {
    spaces.push({ href: `/espace/college/${id}`, label: `Espace du collège ${nameOf(id)}` });
  }
  if (user.roles.some((grant) => grant.role === 'COUNCIL_AGENT')) {
    spaces.push({ href: '/espace/agent', label: 'Mes propositions de compétences' });
  }
  if (user.roles.some((grant) => grant.role === 'PROPERTY_MANAGER')) {
    spaces.push({ href: '/espace/patrimoine', label: 'Les biens proposés par mon service' });
  }
  if (user.roles.some((grant) => grant.role === 'MISSION_ESS_ADMIN')) {
    spaces.push({ href: '/admin', label: 'Administration de la Mission ESS' });
  }
  return spaces;
}

const needSelect = { id: true, kind: true, title: true, status: true, createdAt: true } as const;
const offerSelect = { id: true, kind: true, title: true, status: true, createdAt: true } as const;

export async function getStructureSpace(services: Services, user: CurrentUser, organisationId: string) {
  assertAccess(user, { roles: ['STRUCTURE_MEMBER'], organisationId, missionEssMayRead: true });
  const organisation = await services.prisma.organisation.findFirst({
    where: { id: organisationId, kind: 'STRUCTURE' },
    include: {
      commune: { select: { name: true } },
      needs: { select: needSelect, orderBy: { createdAt: 'desc' } },
      offers: { select: offerSelect, orderBy: { createdAt: 'desc' } },
    },
  });
  if (!organisation) throw new AppError('NOT_FOUND', 'Cette structure n’existe pas.');
  return {
    ...organisation,
    eligibility: await eligibilityStatus(services.prisma, organisation),
    members: await structureMembers(services.prisma, organisationId),
    /** Members manage the team; the Mission ESS only reads it. */
    mayManageMembers: hasRole(user, 'STRUCTURE_MEMBER', organisationId),
  };
}

export async function getCollegeSpace(services: Services, user: CurrentUser, organisationId: string) {
  assertAccess(user, { roles: ['COLLEGE_STAFF'], organisationId, missionEssMayRead: true });
  const organisation = await services.prisma.organisation.findFirst({
    where: { id: organisationId, kind: 'COLLEGE' },
    include: {
      commune: { select: { name: true } },
      needs: { select: { ...needSelect, internship: { select: { week: true, pupilCount: true, mode: true } } } },
    },
  });
  if (!organisation) throw new AppError('NOT_FOUND', 'Ce collège n’existe pas.');
  return organisation;
}

export async function getAgentSpace(services: Services, user: CurrentUser) {
  assertAccess(user, { roles: ['COUNCIL_AGENT'] });
  return services.prisma.offer.findMany({
    where: { kind: 'COMPETENCE', skill: { agentId: user.id } },
    select: { ...offerSelect, skill: { select: { skills: true, managerApproval: true, managerRefusal: true } } },
    orderBy: { createdAt: 'desc' },
  });
}

export async function getPropertySpace(services: Services, user: CurrentUser) {
  assertAccess(user, { roles: ['PROPERTY_MANAGER'] });
  const serviceIds = organisationsWithRole(user, 'PROPERTY_MANAGER');
  return services.prisma.offer.findMany({
    where: { kind: 'LIEU', organisationId: { in: serviceIds } },
    select: { ...offerSelect, property: { select: { propertyType: true, surfaceM2: true } }, commune: { select: { name: true } } },
    orderBy: { createdAt: 'desc' },
  });
}

export async function getAdminSpace(services: Services, user: CurrentUser) {
  assertAccess(user, { roles: ['MISSION_ESS_ADMIN'] });
  const [toVerify, users, offers, needs] = await Promise.all([
    services.prisma.organisation.findMany({
      where: { kind: 'STRUCTURE', skillsEligibility: { not: 'NONE' }, eligibilityVerifiedAt: null },
      select: { id: true, name: true, skillsEligibility: true, commune: { select: { name: true } } },
      orderBy: { name: 'asc' },
    }),
    services.prisma.user.count(),
    services.prisma.offer.count(),
    services.prisma.need.count(),
  ]);
  return { toVerify, totals: { users, offers, needs } };
}

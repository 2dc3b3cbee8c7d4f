import type { ConventionActor } from '../../../matching/conventions/lifecycle';
import { hasRole } from '../auth/authorize';
import type { CurrentUser } from '../auth/session';
import type { Prisma } from '../db/generated/client';
import { AppError } from '../errors';

const organisation = { include: { commune: true, roles: { include: { user: true } } } } as const;

export const matchPartiesInclude = {
  need: {
    include: {
      organisation,
      commune: true,
      skill: true,
      internship: true,
      space: { include: { members: { include: { organisation } } } },
    },
  },
  offer: {
    include: {
      organisation,
      owner: true,
      commune: true,
      property: { include: { commune: true } },
      internship: true,
      skill: { include: { agent: { include: { agentProfile: { include: { service: true, lineManager: true } } } } } },
    },
  },
} satisfies Prisma.MatchInclude;

export const conventionInclude = {
  match: { include: matchPartiesInclude },
  pupil: true,
  amends: true,
  versions: { orderBy: { number: 'asc' } },
  signatories: {
    orderBy: { position: 'asc' },
    include: { signatures: { orderBy: { signedAt: 'asc' } } },
  },
} satisfies Prisma.ConventionInclude;

export type MatchWithParties = Prisma.MatchGetPayload<{ include: typeof matchPartiesInclude }>;
export type ConventionRecord = Prisma.ConventionGetPayload<{ include: typeof conventionInclude }>;

/**
 * Who may act on a match's conventions: the Mission ESS, the organisations on each side (structure, collège,
 * property service) and the placed agent. Members of a grouping only read: the chef de file acts for them.
 */
export function partyAccess(user: CurrentUser, match: MatchWithParties): { actor: ConventionActor | null; mayRead: boolean } {
  if (hasRole(user, 'MISSION_ESS_ADMIN')) return { actor: 'MISSION_ESS', mayRead: true };
  const need = match.need;
  const offer = match.offer;
  const needSide = hasRole(user, need.kind === 'STAGE' ? 'COLLEGE_STAFF' : 'STRUCTURE_MEMBER', need.organisationId);
  const offerSide =
    (offer.kind === 'COMPETENCE' && offer.skill?.agentId === user.id) ||
    (offer.kind === 'LIEU' && offer.organisationId !== null && hasRole(user, 'PROPERTY_MANAGER', offer.organisationId)) ||
    (offer.kind === 'STAGE' && offer.organisationId !== null && hasRole(user, 'STRUCTURE_MEMBER', offer.organisationId));
  if (needSide || offerSide) return { actor: 'PARTY', mayRead: true };
  const groupingMember = need.space?.members.some((member) => hasRole(user, 'STRUCTURE_MEMBER', member.organisationId)) ?? false;
  return { actor: null, mayRead: groupingMember };
}

/** Which side of the match the user stands on, for accepting or declining it. */
export function matchSideOf(user: CurrentUser, match: MatchWithParties): 'NEED' | 'OFFER' | null {
  const { need, offer } = match;
  if (hasRole(user, need.kind === 'STAGE' ? 'COLLEGE_STAFF' : 'STRUCTURE_MEMBER', need.organisationId)) return 'NEED';
  if (offer.kind === 'COMPETENCE' && offer.skill?.agentId === user.id) return 'OFFER';
  if (offer.kind === 'LIEU' && offer.organisationId && hasRole(user, 'PROPERTY_MANAGER', offer.organisationId)) return 'OFFER';
  if (offer.kind === 'STAGE' && offer.organisationId && hasRole(user, 'STRUCTURE_MEMBER', offer.organisationId)) return 'OFFER';
  return null;
}

export async function loadConvention(db: Prisma.TransactionClient, id: string): Promise<ConventionRecord> {
  const convention = await db.convention.findUnique({ where: { id }, include: conventionInclude });
  if (!convention) throw new AppError('NOT_FOUND', 'Cette convention n’existe pas.');
  return convention;
}

/** Reading a convention: parties, grouping members and the Mission ESS; nobody else learns it exists. */
export function assertMayRead(user: CurrentUser, convention: ConventionRecord): ConventionActor | null {
  const access = partyAccess(user, convention.match);
  if (!access.mayRead) throw new AppError('NOT_FOUND', 'Cette convention n’existe pas.');
  return access.actor;
}

export function assertMayAct(user: CurrentUser, convention: ConventionRecord): ConventionActor {
  const actor = assertMayRead(user, convention);
  if (!actor) throw new AppError('FORBIDDEN', 'Seules les parties et la Mission ESS peuvent modifier cette convention.');
  return actor;
}

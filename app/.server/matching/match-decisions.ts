import { suggest } from '../../../matching/rank';
import type { CurrentUser } from '../auth/session';
import { hasRole } from '../auth/authorize';
import type { Prisma, PropertyOffer } from '../db/generated/client';
import type { MatchStatus } from '../db/generated/enums';
import { enqueuePrepared, prepareEmail, type PreparedEmail } from '../email/outbox';
import { thesaurusInForce } from '../contents/published-contents';
import { AppError } from '../errors';
import { requiredReason } from '../reason';
import { matchPartiesInclude, matchSideOf, type MatchWithParties } from '../conventions/records';
import { draftConventions } from '../conventions/drafting';
import type { Services } from '../services';
import { embeddedRelatedness } from './engine-inputs';
import { needFacts, needFactsInclude, offerFacts, offerFactsInclude } from './facts';

export interface Contact {
  email: string;
  name?: string;
}

const personName = (user: { firstName: string | null; lastName: string | null }) =>
  [user.firstName, user.lastName].filter(Boolean).join(' ') || undefined;

/** The people who answer for one side of a match. */
export function sideContacts(match: MatchWithParties, side: 'NEED' | 'OFFER'): Contact[] {
  const members = (organisation: MatchWithParties['need']['organisation'] | null, role: string) =>
    (organisation?.roles ?? []).filter((grant) => grant.role === role).map((grant) => ({ email: grant.user.email, name: personName(grant.user) }));
  if (side === 'NEED') return members(match.need.organisation, match.kind === 'STAGE' ? 'COLLEGE_STAFF' : 'STRUCTURE_MEMBER');
  if (match.kind === 'COMPETENCE' && match.offer.skill) {
    const agent = match.offer.skill.agent;
    return [{ email: agent.email, name: personName(agent) }];
  }
  return members(match.offer.organisation, match.kind === 'LIEU' ? 'PROPERTY_MANAGER' : 'STRUCTURE_MEMBER');
}

const matchUrl = (services: Services, id: string) => `${services.env.appUrl}/mises-en-relation/${id}`;
const today = (services: Services) => services.clock.now().toISOString().slice(0, 10);

export type OccupationCallStatus = 'NOT_OPEN' | 'OPEN' | 'CLOSED';

/**
 * A property's call for occupation (appel à occupation) is open from its opening through its deadline day (dates in
 * UTC, as every date here), unless the property service closes it early.
 */
export function occupationCallStatus(property: Pick<PropertyOffer, 'callOpenedAt' | 'callDeadline' | 'callClosedAt'>, day: string): OccupationCallStatus {
  if (!property.callOpenedAt) return 'NOT_OPEN';
  if (property.callClosedAt) return 'CLOSED';
  if (property.callDeadline && property.callDeadline.toISOString().slice(0, 10) < day) return 'CLOSED';
  return 'OPEN';
}

/**
 * Under a call for occupation, structures apply until the call closes and the elected officials' decision picks one
 * application: the property service does not propose its property directly.
 */
function assertCallAllowsProposal(match: MatchWithParties, side: 'NEED' | 'OFFER', day: string): void {
  const property = match.kind === 'LIEU' ? match.offer.property : null;
  const status = property ? occupationCallStatus(property, day) : 'NOT_OPEN';
  if (status === 'NOT_OPEN') return;
  if (side === 'OFFER') {
    throw new AppError(
      'CONFLICT',
      'Ce bien fait l’objet d’un appel à occupation : les structures y candidatent et la décision des élus désigne la candidature retenue. Invitez cette structure à candidater.',
    );
  }
  if (status === 'CLOSED') {
    throw new AppError('CONFLICT', 'L’appel à occupation de ce bien est clos : il n’est plus possible de candidater.');
  }
}

/**
 * One side proposes a suggested pair: the match is recorded as accepted by that side and the other side is told.
 * If the other side had already proposed it, this is an acceptance.
 */
export async function proposeMatch(services: Services, user: CurrentUser, input: { needId: string; offerId: string }) {
  const [needRow, offerRow] = await Promise.all([
    services.prisma.need.findUnique({ where: { id: input.needId }, include: needFactsInclude }),
    services.prisma.offer.findUnique({ where: { id: input.offerId }, include: offerFactsInclude }),
  ]);
  if (!needRow || !offerRow) throw new AppError('NOT_FOUND', 'Ce besoin ou cette offre n’existe plus.');
  const existing = await services.prisma.match.findUnique({
    where: { needId_offerId: { needId: input.needId, offerId: input.offerId } },
    include: matchPartiesInclude,
  });
  if (existing) return decideExisting(services, user, existing);

  const need = needFacts(needRow);
  const offer = offerFacts(offerRow);
  const relatedness = await embeddedRelatedness(services.embeddings, [need], [offer], (await thesaurusInForce(services.prisma)).thesaurus);
  const suggestion = suggest(need, offer, relatedness, today(services));
  if (!suggestion) {
    throw new AppError('CONFLICT', 'Cette offre ne respecte pas toutes les conditions du besoin : la mise en relation n’est pas possible.');
  }
  if (needRow.status !== 'PUBLISHED' || offerRow.status !== 'PUBLISHED') {
    throw new AppError('CONFLICT', 'Le besoin et l’offre doivent être publiés pour être mis en relation.');
  }
  const now = services.clock.now();
  const created = await services.prisma.$transaction(async (tx) => {
    const match = await tx.match.create({
      data: {
        kind: needRow.kind,
        needId: needRow.id,
        offerId: offerRow.id,
        score: suggestion.score,
        explanation: suggestion.reasons,
        status: 'SUGGESTED',
        createdAt: now,
      },
      include: matchPartiesInclude,
    });
    const side = matchSideOf(user, match);
    if (!side) throw new AppError('FORBIDDEN', 'Seules les parties du besoin ou de l’offre peuvent proposer cette mise en relation.');
    assertCallAllowsProposal(match, side, today(services));
    const to = side === 'NEED' ? 'ACCEPTED_BY_NEED' : 'ACCEPTED_BY_OFFER';
    await tx.match.update({ where: { id: match.id }, data: { status: to } });
    await tx.matchStatusChange.create({ data: { matchId: match.id, from: 'SUGGESTED', to, actorId: user.id, at: now } });
    return { match, side };
  });
  const other = created.side === 'NEED' ? 'OFFER' : 'NEED';
  const proposer =
    created.side === 'NEED'
      ? created.match.need.organisation.name
      : created.match.kind === 'COMPETENCE'
        ? `${personName(user) ?? user.email}, agent du Département`
        : (created.match.offer.organisation?.name ?? user.email);
  const emails = await Promise.all(
    sideContacts(created.match, other).map((contact) =>
      prepareEmail({
        dedupeKey: `match-proposed:${created.match.id}:${contact.email}`,
        to: contact.email,
        template: 'match-proposed',
        props: {
          recipientName: contact.name,
          proposerOrganisation: proposer,
          kind: created.match.kind,
          needTitle: created.match.need.title,
          offerTitle: created.match.offer.title,
          explanation: suggestion.reasons.slice(0, 6),
          url: matchUrl(services, created.match.id),
        },
      }),
    ),
  );
  await services.prisma.$transaction(async (tx) => {
    for (const email of emails) await enqueuePrepared(tx, email, services.clock);
  });
  return { matchId: created.match.id, status: created.side === 'NEED' ? 'ACCEPTED_BY_NEED' : 'ACCEPTED_BY_OFFER' };
}

/**
 * Whose answer a match awaits: a pair suggested by the Mission ESS awaits both sides, a pair one side proposed awaits
 * the other, a decided one nobody.
 */
export function sidesAwaited(status: MatchStatus): ('NEED' | 'OFFER')[] {
  if (status === 'SUGGESTED') return ['NEED', 'OFFER'];
  if (status === 'ACCEPTED_BY_NEED') return ['OFFER'];
  if (status === 'ACCEPTED_BY_OFFER') return ['NEED'];
  return [];
}

async function decideExisting(services: Services, user: CurrentUser, match: MatchWithParties) {
  const side = matchSideOf(user, match);
  if (!side) throw new AppError('FORBIDDEN', 'Seules les parties du besoin ou de l’offre peuvent proposer cette mise en relation.');
  if (sidesAwaited(match.status).includes(side)) return acceptMatch(services, user, match.id);
  if (match.status === 'ACCEPTED_BY_NEED' || match.status === 'ACCEPTED_BY_OFFER') {
    return { matchId: match.id, status: match.status };
  }
  throw new AppError('CONFLICT', 'Cette mise en relation a déjà été traitée.');
}

export async function loadMatch(db: Prisma.TransactionClient, id: string): Promise<MatchWithParties> {
  const match = await db.match.findUnique({ where: { id }, include: matchPartiesInclude });
  if (!match) throw new AppError('NOT_FOUND', 'Cette mise en relation n’existe pas.');
  return match;
}

/** The match page: both sides and the Mission ESS; anyone else is told it does not exist. */
export async function viewMatch(services: Services, user: CurrentUser, id: string) {
  const match = await loadMatch(services.prisma, id);
  const side = matchSideOf(user, match);
  if (!side && !hasRole(user, 'MISSION_ESS_ADMIN')) throw new AppError('NOT_FOUND', 'Cette mise en relation n’existe pas.');
  const conventions = await services.prisma.convention.findMany({
    where: { matchId: id },
    select: { id: true, reference: true, status: true, pupil: { select: { firstName: true, lastName: true } } },
    orderBy: { createdAt: 'asc' },
  });
  return { match, side, mayDecide: side !== null && sidesAwaited(match.status).includes(side), conventions };
}

/**
 * The second side accepts: the match becomes real and its convention(s) are drafted in the same transaction. On a
 * pair the Mission ESS suggested, the first side's acceptance only records that side's answer.
 */
export async function acceptMatch(services: Services, user: CurrentUser, id: string) {
  const match = await loadMatch(services.prisma, id);
  const side = matchSideOf(user, match);
  if (!side) throw new AppError('FORBIDDEN', 'Seules les parties de cette mise en relation peuvent l’accepter.');
  if (match.status === 'ACCEPTED') return { matchId: id, status: 'ACCEPTED' as const, conventionIds: [] as string[] };
  if (!sidesAwaited(match.status).includes(side)) throw new AppError('CONFLICT', 'Cette mise en relation n’attend pas votre réponse.');
  if (match.status === 'SUGGESTED') return acceptFirst(services, user, match, side);
  if (match.kind === 'COMPETENCE') assertAgentMayBePlaced(match);
  if (match.kind === 'LIEU' && match.offer.property?.callOpenedAt) {
    // Under a call for occupation, only the application the elected officials chose may become an occupation.
    const decision = await services.prisma.occupationDecision.findUnique({ where: { matchId: id }, select: { id: true } });
    if (!decision) {
      throw new AppError(
        'CONFLICT',
        side === 'OFFER'
          ? 'Enregistrez d’abord la décision des élus retenant cette candidature, sur la page de l’appel à occupation : la convention ne peut être préparée qu’ensuite.'
          : 'Ce bien fait l’objet d’un appel à occupation : seule la candidature retenue par la décision des élus peut aboutir.',
      );
    }
  }

  const now = services.clock.now();
  const drafted = await services.prisma.$transaction(async (tx) => {
    const { count } = await tx.match.updateMany({ where: { id, status: match.status }, data: { status: 'ACCEPTED' } });
    if (count === 0) throw new AppError('CONFLICT', 'Cette mise en relation vient d’être traitée par quelqu’un d’autre.');
    await tx.matchStatusChange.create({ data: { matchId: id, from: match.status, to: 'ACCEPTED', actorId: user.id, at: now } });
    // A stage's conventions are drafted when the collège names the pupils (one convention per pupil).
    return match.kind === 'STAGE' ? [] : draftConventions(tx, services, match, { actorId: user.id, pupils: [] });
  });
  const url = drafted[0] ? `${services.env.appUrl}/conventions/${drafted[0]}` : matchUrl(services, id);
  const contacts = [...sideContacts(match, 'NEED'), ...sideContacts(match, 'OFFER')];
  const emails: PreparedEmail[] = await Promise.all(
    contacts.map((contact) =>
      prepareEmail({
        dedupeKey: `match-accepted:${id}:${contact.email}`,
        to: contact.email,
        template: 'match-accepted',
        props: {
          recipientName: contact.name,
          kind: match.kind,
          needTitle: match.need.title,
          offerTitle: match.offer.title,
          url,
          conventionCount: Math.max(1, drafted.length),
        },
      }),
    ),
  );
  await services.prisma.$transaction(async (tx) => {
    for (const email of emails) await enqueuePrepared(tx, email, services.clock);
  });
  return { matchId: id, status: 'ACCEPTED' as const, conventionIds: drafted };
}

async function acceptFirst(services: Services, user: CurrentUser, match: MatchWithParties, side: 'NEED' | 'OFFER') {
  const to = side === 'NEED' ? 'ACCEPTED_BY_NEED' : 'ACCEPTED_BY_OFFER';
  await services.prisma.$transaction(async (tx) => {
    const { count } = await tx.match.updateMany({ where: { id: match.id, status: 'SUGGESTED' }, data: { status: to } });
    if (count === 0) throw new AppError('CONFLICT', 'Cette mise en relation vient d’être traitée par quelqu’un d’autre.');
    await tx.matchStatusChange.create({ data: { matchId: match.id, from: 'SUGGESTED', to, actorId: user.id, at: services.clock.now() } });
  });
  return { matchId: match.id, status: to, conventionIds: [] as string[] };
}

export async function declineMatch(services: Services, user: CurrentUser, id: string, rawReason: unknown) {
  const reason = requiredReason(rawReason);
  const match = await loadMatch(services.prisma, id);
  const side = matchSideOf(user, match);
  if (!side) throw new AppError('FORBIDDEN', 'Seules les parties de cette mise en relation peuvent la refuser.');
  if (match.status !== 'ACCEPTED_BY_NEED' && match.status !== 'ACCEPTED_BY_OFFER' && match.status !== 'SUGGESTED') {
    throw new AppError('CONFLICT', 'Cette mise en relation a déjà été traitée.');
  }
  const now = services.clock.now();
  await services.prisma.$transaction(async (tx) => {
    const { count } = await tx.match.updateMany({ where: { id, status: match.status }, data: { status: 'DECLINED' } });
    if (count === 0) throw new AppError('CONFLICT', 'Cette mise en relation vient d’être traitée par quelqu’un d’autre.');
    await tx.matchStatusChange.create({ data: { matchId: id, from: match.status, to: 'DECLINED', actorId: user.id, reason, at: now } });
  });
  return { matchId: id, status: 'DECLINED' as const };
}

/** Loi 3DS art. 209: only fonctionnaires may be placed, with their line manager's approval. */
export function assertAgentMayBePlaced(match: MatchWithParties): void {
  const profile = match.offer.skill?.agent.agentProfile;
  if (profile?.status !== 'FONCTIONNAIRE') {
    throw new AppError(
      'CONFLICT',
      'Seuls les fonctionnaires peuvent être mis à disposition dans le cadre de l’expérimentation (loi n° 2022-217, art. 209) : cet agent est enregistré comme contractuel.',
    );
  }
  if (match.offer.skill?.managerApproval !== 'APPROVED') {
    throw new AppError('CONFLICT', 'Le ou la responsable hiérarchique de l’agent n’a pas encore donné son accord à cette offre.');
  }
}

import { signedStatuses, statusLabels as conventionStatusLabels, type ConventionStatus } from '../../../matching/conventions/lifecycle';
import { suggest } from '../../../matching/rank';
import { kindLabels } from '../../lib/labels';
import { matchStatusLabels } from '../../lib/match-labels';
import { hasRole } from '../auth/authorize';
import type { CurrentUser } from '../auth/session';
import { applyCancellation, prepareCancellation, type PreparedCancellation } from '../conventions/lifecycle-actions';
import { conventionInclude, matchPartiesInclude, type MatchWithParties } from '../conventions/records';
import type { Prisma } from '../db/generated/client';
import type { MatchStatus } from '../db/generated/enums';
import { enqueueEmail, enqueuePrepared, prepareEmail, type PreparedEmail } from '../email/outbox';
import { thesaurusInForce } from '../contents/published-contents';
import { AppError, isAppError } from '../errors';
import { requiredReason } from '../reason';
import type { Services } from '../services';
import { embeddedRelatedness } from './engine-inputs';
import { needFacts, needFactsInclude, offerFacts, offerFactsInclude } from './facts';
import { loadMatch, sideContacts } from './match-decisions';
import { suggestNeedsForOffer, suggestOffersForNeed } from './suggestions';

/**
 * What the Mission ESS does on a match for others: cancel it (with its conventions not yet signed) or hand it to
 * another offer or need. A signed convention is never undone from here: it ends through its own lifecycle.
 */

const activeStatuses: readonly MatchStatus[] = ['SUGGESTED', 'ACCEPTED_BY_NEED', 'ACCEPTED_BY_OFFER', 'ACCEPTED'];

function assertMissionEss(user: CurrentUser): void {
  if (!hasRole(user, 'MISSION_ESS_ADMIN')) {
    throw new AppError('FORBIDDEN', 'Seule la Mission ESS peut annuler ou réattribuer une mise en relation.');
  }
}

const matchUrl = (services: Services, id: string) => `${services.env.appUrl}/mises-en-relation/${id}`;

/** The match's live conventions; the French refusal when one is signed, in progress or completed. */
async function liveConventions(db: Prisma.TransactionClient, matchId: string) {
  const conventions = await db.convention.findMany({
    where: { matchId, status: { notIn: ['CANCELLED', 'REJECTED'] } },
    include: conventionInclude,
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  const signed = conventions.filter((convention) => signedStatuses.includes(convention.status as ConventionStatus));
  const blockedBy = signed.length
    ? `Cette mise en relation a une convention signée (${signed
        .map((c) => `réf. ${c.reference}, « ${conventionStatusLabels[c.status as ConventionStatus]} »`)
        .join(' ; ')}) : elle ne peut pas être annulée ni réattribuée d’ici. Une convention signée prend fin par sa propre procédure (annulation motivée ou avenant, depuis la page de la convention).`
    : null;
  return { conventions, blockedBy };
}

interface PreparedMatchCancellation {
  match: MatchWithParties;
  reason: string;
  conventions: PreparedCancellation[];
  emails: PreparedEmail[];
}

/** Every check and every email of a cancellation, before the transaction. */
async function prepareMatchCancellation(services: Services, user: CurrentUser, match: MatchWithParties, reason: string, now: Date): Promise<PreparedMatchCancellation> {
  if (!activeStatuses.includes(match.status)) {
    throw new AppError('CONFLICT', `Cette mise en relation est déjà « ${matchStatusLabels[match.status]} » : il n’y a plus rien à annuler.`);
  }
  const { conventions, blockedBy } = await liveConventions(services.prisma, match.id);
  if (blockedBy) throw new AppError('CONFLICT', blockedBy);
  const cancellations = await Promise.all(conventions.map((convention) => prepareCancellation(services, user, convention, reason)));
  const references = conventions.map((convention) => convention.reference);
  const contacts = new Map([...sideContacts(match, 'NEED'), ...sideContacts(match, 'OFFER')].map((contact) => [contact.email, contact.name]));
  const emails = await Promise.all(
    [...contacts].map(([email, name]) =>
      prepareEmail({
        dedupeKey: `match-cancelled:${match.id}:${now.getTime()}:${email}`,
        to: email,
        template: 'match-cancelled',
        props: {
          recipientName: name,
          kind: match.kind,
          needTitle: match.need.title,
          offerTitle: match.offer.title,
          reason,
          cancelledConventions: references,
          url: matchUrl(services, match.id),
        },
      }),
    ),
  );
  return { match, reason, conventions: cancellations, emails };
}

async function applyMatchCancellation(tx: Prisma.TransactionClient, services: Services, user: CurrentUser, prepared: PreparedMatchCancellation, now: Date) {
  const { match, reason } = prepared;
  const { count } = await tx.match.updateMany({ where: { id: match.id, status: match.status }, data: { status: 'CANCELLED' } });
  if (count === 0) throw new AppError('CONFLICT', 'Cette mise en relation vient d’être modifiée par quelqu’un d’autre : rechargez la page.');
  await tx.matchStatusChange.create({ data: { matchId: match.id, from: match.status, to: 'CANCELLED', actorId: user.id, reason, at: now } });
  for (const cancellation of prepared.conventions) await applyCancellation(tx, services, user, cancellation);
  for (const email of prepared.emails) await enqueuePrepared(tx, email, services.clock);
  await tx.auditLog.create({
    data: {
      actorId: user.id,
      action: 'match.cancelled',
      targetType: 'Match',
      targetId: match.id,
      details: { reason, from: match.status, conventions: prepared.conventions.map((c) => c.id) },
      at: now,
    },
  });
}

/** The Mission ESS cancels a match that is not over, with a reason told to both sides; drafts and unsigned conventions go with it. */
export async function cancelMatch(services: Services, user: CurrentUser, matchId: string, rawReason: unknown) {
  assertMissionEss(user);
  const reason = requiredReason(rawReason);
  const now = services.clock.now();
  const prepared = await prepareMatchCancellation(services, user, await loadMatch(services.prisma, matchId), reason, now);
  await services.prisma.$transaction((tx) => applyMatchCancellation(tx, services, user, prepared, now));
  return { matchId, status: 'CANCELLED' as const, cancelledConventions: prepared.conventions.map((c) => c.id) };
}

/** The single selector of the page: « offre:<id> » or « besoin:<id> ». */
export function reassignTargetFromForm(raw: unknown): { offerId?: string; needId?: string } {
  if (typeof raw !== 'string') return {};
  const [side, id] = raw.split(':');
  if (side === 'offre' && id) return { offerId: id };
  if (side === 'besoin' && id) return { needId: id };
  return {};
}

function readReassignment(input: { offerId?: unknown; needId?: unknown; reason: unknown }) {
  const fieldErrors: Record<string, string[]> = {};
  const id = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined);
  const offerId = id(input.offerId);
  const needId = id(input.needId);
  if (Boolean(offerId) === Boolean(needId)) fieldErrors.target = ['Choisissez une autre offre ou un autre besoin (l’un ou l’autre).'];
  let reason = '';
  try {
    reason = requiredReason(input.reason);
  } catch (error) {
    if (!isAppError(error)) throw error;
    Object.assign(fieldErrors, error.fieldErrors);
  }
  if (Object.keys(fieldErrors).length) throw new AppError('VALIDATION', 'La mise en relation n’a pas été réattribuée.', { fieldErrors });
  return { offerId, needId, reason };
}

/**
 * The Mission ESS cancels a match (as cancelMatch) and proposes in its place the same need with another published
 * offer of the same kind, or the same offer with another need. The new pair must pass every hard constraint; it is
 * scored and explained by the matching engine, recorded as suggested by the Mission ESS, and both its sides are told.
 */
export async function reassignMatch(services: Services, user: CurrentUser, matchId: string, input: { offerId?: unknown; needId?: unknown; reason: unknown }) {
  assertMissionEss(user);
  const { offerId, needId, reason } = readReassignment(input);
  const match = await loadMatch(services.prisma, matchId);
  const now = services.clock.now();
  const prepared = await prepareMatchCancellation(services, user, match, reason, now);
  const pair = { needId: needId ?? match.needId, offerId: offerId ?? match.offerId };
  const targetError = (message: string) => new AppError('CONFLICT', message, { fieldErrors: { target: [message] } });
  if (pair.needId === match.needId && pair.offerId === match.offerId) {
    throw targetError('C’est la mise en relation actuelle : choisissez une autre offre ou un autre besoin.');
  }
  const [needRow, offerRow, existing] = await Promise.all([
    services.prisma.need.findUnique({ where: { id: pair.needId }, include: needFactsInclude }),
    services.prisma.offer.findUnique({ where: { id: pair.offerId }, include: offerFactsInclude }),
    services.prisma.match.findUnique({ where: { needId_offerId: pair }, select: { id: true, status: true } }),
  ]);
  if (!needRow || !offerRow) throw new AppError('NOT_FOUND', needRow ? 'Cette offre n’existe pas.' : 'Ce besoin n’existe pas.', { fieldErrors: { target: ['Choix introuvable.'] } });
  const target = offerId ? offerRow : needRow;
  const what = offerId ? 'L’offre choisie' : 'Le besoin choisi';
  if (target.kind !== match.kind) {
    throw targetError(`${what} est du type « ${kindLabels[target.kind].singular} » : la mise en relation reste du type « ${kindLabels[match.kind].singular} ».`);
  }
  if (needRow.status !== 'PUBLISHED' || offerRow.status !== 'PUBLISHED') {
    throw targetError('Le besoin et l’offre doivent être publiés pour être mis en relation.');
  }
  if (offerRow.property?.callOpenedAt) {
    // The elected officials choose among the applications to a call: nobody may put a structure on that property.
    throw targetError('Ce bien fait l’objet d’un appel à occupation : les structures y candidatent et la décision revient aux élus.');
  }
  if (existing && activeStatuses.includes(existing.status)) {
    throw targetError(`Ce besoin et cette offre sont déjà en relation (« ${matchStatusLabels[existing.status]} »).`);
  }
  const need = needFacts(needRow);
  const offer = offerFacts(offerRow);
  const relatedness = await embeddedRelatedness(services.embeddings, [need], [offer], (await thesaurusInForce(services.prisma)).thesaurus);
  const suggestion = suggest(need, offer, relatedness, now.toISOString().slice(0, 10));
  if (!suggestion) throw targetError('Cette offre ne respecte pas toutes les conditions du besoin : la mise en relation n’est pas possible.');
  const created = await services.prisma.$transaction(async (tx) => {
    await applyMatchCancellation(tx, services, user, prepared, now);
    const data = { score: suggestion.score, explanation: suggestion.reasons, status: 'SUGGESTED' as const };
    let newId: string;
    if (existing) {
      // A pair once declined or cancelled keeps its row (one row per pair): it is proposed again.
      const { count } = await tx.match.updateMany({ where: { id: existing.id, status: existing.status }, data });
      if (count === 0) throw new AppError('CONFLICT', 'Cette mise en relation vient d’être modifiée par quelqu’un d’autre : rechargez la page.');
      newId = existing.id;
    } else {
      newId = (await tx.match.create({ data: { ...data, kind: match.kind, ...pair, createdAt: now }, select: { id: true } })).id;
    }
    await tx.matchStatusChange.create({ data: { matchId: newId, from: existing?.status ?? null, to: 'SUGGESTED', actorId: user.id, reason, at: now } });
    const fresh = await tx.match.findUniqueOrThrow({ where: { id: newId }, include: matchPartiesInclude });
    const contacts = new Map([...sideContacts(fresh, 'NEED'), ...sideContacts(fresh, 'OFFER')].map((contact) => [contact.email, contact.name]));
    for (const [email, name] of contacts) {
      await enqueueEmail(
        tx,
        {
          dedupeKey: `match-proposed:${newId}:${now.getTime()}:${email}`,
          to: email,
          template: 'match-proposed',
          props: {
            recipientName: name,
            proposerOrganisation: 'La Mission ESS du Département',
            kind: fresh.kind,
            needTitle: fresh.need.title,
            offerTitle: fresh.offer.title,
            explanation: suggestion.reasons.slice(0, 6),
            url: matchUrl(services, newId),
          },
        },
        services.clock,
      );
    }
    await tx.auditLog.create({ data: { actorId: user.id, action: 'match.reassigned', targetType: 'Match', targetId: newId, details: { reason, replaces: match.id }, at: now } });
    return newId;
  });
  return { cancelledMatchId: matchId, matchId: created, status: 'SUGGESTED' as const };
}

interface ReassignCandidate {
  id: string;
  title: string;
  communeName: string;
}

/**
 * What the match page shows the Mission ESS: nothing on a match that is over; the reason when a signed convention
 * holds it; else the candidates of the same kind the engine ranks for its need and for its offer, without the
 * current pair and the pairs already in progress.
 */
export async function matchAdminPanel(services: Services, user: CurrentUser, matchId: string) {
  if (!hasRole(user, 'MISSION_ESS_ADMIN')) return null;
  const match = await loadMatch(services.prisma, matchId);
  if (!activeStatuses.includes(match.status)) return null;
  const { blockedBy } = await liveConventions(services.prisma, matchId);
  if (blockedBy) return { blockedBy, offers: [], needs: [] };
  const [forNeed, forOffer] = await Promise.all([
    match.need.status === 'PUBLISHED' ? suggestOffersForNeed(services, user, match.needId) : null,
    match.offer.status === 'PUBLISHED' ? suggestNeedsForOffer(services, user, match.offerId) : null,
  ]);
  const offers = forNeed?.suggestions ?? [];
  const needs = forOffer?.suggestions ?? [];
  const busy = await services.prisma.match.findMany({
    where: {
      status: { in: [...activeStatuses] },
      OR: [
        { needId: match.needId, offerId: { in: offers.map((s) => s.offerId) } },
        { offerId: match.offerId, needId: { in: needs.map((s) => s.needId) } },
      ],
    },
    select: { needId: true, offerId: true },
  });
  const taken = new Set(busy.map((m) => `${m.needId}:${m.offerId}`));
  return {
    blockedBy: null,
    offers: offers
      .filter((s) => !taken.has(`${match.needId}:${s.offerId}`))
      .map((s): ReassignCandidate => ({ id: s.offerId, title: s.title, communeName: s.communeName })),
    needs: needs
      .filter((s) => !taken.has(`${s.needId}:${match.offerId}`))
      .map((s): ReassignCandidate => ({ id: s.needId, title: s.title, communeName: s.communeName })),
  };
}

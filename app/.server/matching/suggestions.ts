import { sharedConcepts } from '../../../matching/local-embedder';
import { suggestGrouping } from '../../../matching/groupings';
import { rankNeedsForOffer, rankOffersForNeed, type Relatedness, type Suggestion } from '../../../matching/rank';
import { matchingText } from '../../../matching/scoring';
import type { Need, Offer } from '../../../matching/types';
import { assertAccess, hasRole } from '../auth/authorize';
import type { CurrentUser } from '../auth/session';
import { thesaurusInForce } from '../contents/published-contents';
import { AppError } from '../errors';
import type { Services } from '../services';
import { needCandidates, offerCandidates, type Candidate } from './candidates';
import { needFacts, needFactsInclude, offerFacts, offerFactsInclude } from './facts';

export const TOP = 10;
// Candidates fetched by vector order before the engine's exact checks and full scoring re-rank them.
export const CANDIDATE_POOL = 50;

/** Similarity from the vector search; shared terms named with the thesaurus in force (as published online). */
async function relatednessFrom(services: Services, candidates: Candidate[], pick: (need: Need, offer: Offer) => string): Promise<Relatedness> {
  const similarity = new Map(candidates.map((candidate) => [candidate.id, candidate.similarity]));
  const { thesaurus } = await thesaurusInForce(services.prisma);
  return {
    similarity: (need, offer) => similarity.get(pick(need, offer)) ?? 0,
    sharedTerms: (need, offer) => sharedConcepts(matchingText(need), matchingText(offer), thesaurus),
  };
}

async function vectorOf(services: Services, table: 'Offer' | 'Need', id: string, text: string) {
  const { model } = await services.embeddings.embed([]);
  const rows =
    table === 'Offer'
      ? await services.prisma.$queryRaw<{ v: string }[]>`SELECT embedding::text AS v FROM "Offer" WHERE id = ${id} AND "embeddingModel" = ${model.key}`
      : await services.prisma.$queryRaw<{ v: string }[]>`SELECT embedding::text AS v FROM "Need" WHERE id = ${id} AND "embeddingModel" = ${model.key}`;
  const stored = rows[0]?.v;
  if (stored) return { model, vector: JSON.parse(stored) as number[] };
  const { vectors } = await services.embeddings.embed([text]);
  return { model, vector: vectors[0] ?? [] };
}

function today(services: Services): string {
  return services.clock.now().toISOString().slice(0, 10);
}

export interface SuggestionView extends Suggestion {
  title: string;
  communeName: string;
}

/** Offers for a need: visible to the need's organisation and to the Mission ESS. */
export async function suggestOffersForNeed(services: Services, user: CurrentUser, needId: string) {
  const row = await services.prisma.need.findUnique({ where: { id: needId }, include: needFactsInclude });
  if (!row) throw new AppError('NOT_FOUND', 'Ce besoin n’existe pas.');
  assertAccess(user, { roles: ['STRUCTURE_MEMBER', 'COLLEGE_STAFF'], organisationId: row.organisationId, missionEssMayRead: true });
  const need = needFacts(row);
  const query = await vectorOf(services, 'Need', need.id, matchingText(need));
  const candidates = await offerCandidates(services.prisma, need, query, CANDIDATE_POOL);
  const offerRows = await services.prisma.offer.findMany({ where: { id: { in: candidates.map((c) => c.id) } }, include: offerFactsInclude });
  const offers = offerRows.map(offerFacts);
  const ranked = rankOffersForNeed(need, offers, await relatednessFrom(services, candidates, (_, offer) => offer.id), { top: TOP, today: today(services) });
  const byId = new Map(offers.map((offer) => [offer.id, offer]));
  return {
    need: { id: need.id, title: need.title, kind: need.kind },
    mayPropose: hasRole(user, row.kind === 'STAGE' ? 'COLLEGE_STAFF' : 'STRUCTURE_MEMBER', row.organisationId),
    suggestions: ranked.map((s): SuggestionView => ({ ...s, title: byId.get(s.offerId)?.title ?? '', communeName: byId.get(s.offerId)?.place.name ?? '' })),
  };
}

/** Needs an offer could serve: visible to whoever owns the offer and to the Mission ESS. */
export async function suggestNeedsForOffer(services: Services, user: CurrentUser, offerId: string) {
  const row = await services.prisma.offer.findUnique({ where: { id: offerId }, include: offerFactsInclude });
  if (!row) throw new AppError('NOT_FOUND', 'Cette offre n’existe pas.');
  const ownsIt = row.ownerId === user.id;
  if (!ownsIt) {
    assertAccess(user, {
      roles: ['STRUCTURE_MEMBER', 'PROPERTY_MANAGER'],
      organisationId: row.organisationId ?? '—',
      missionEssMayRead: true,
    });
  }
  const offer = offerFacts(row);
  const query = await vectorOf(services, 'Offer', offer.id, matchingText(offer));
  const candidates = await needCandidates(services.prisma, offer, query, CANDIDATE_POOL);
  const needRows = await services.prisma.need.findMany({ where: { id: { in: candidates.map((c) => c.id) } }, include: needFactsInclude });
  const needs = needRows.map(needFacts);
  const ranked = rankNeedsForOffer(offer, needs, await relatednessFrom(services, candidates, (need) => need.id), { top: TOP, today: today(services) });
  const byId = new Map(needs.map((need) => [need.id, need]));
  const grouping = suggestGrouping(offer, ranked.map((s) => byId.get(s.needId)).filter((need): need is Need => need !== undefined));
  return {
    offer: { id: offer.id, title: offer.title, kind: offer.kind },
    mayPropose:
      (row.kind === 'COMPETENCE' && row.skill?.agentId === user.id) ||
      (row.organisationId !== null && hasRole(user, row.kind === 'LIEU' ? 'PROPERTY_MANAGER' : 'STRUCTURE_MEMBER', row.organisationId)),
    grouping,
    suggestions: ranked.map((s): SuggestionView => ({ ...s, title: byId.get(s.needId)?.title ?? '', communeName: byId.get(s.needId)?.place.name ?? '' })),
  };
}

import { checkHardConstraints } from './constraints';
import { explainMatch } from './explain';
import { combineScore, freshness, proximity, type ScoreParts } from './scoring';
import type { Need, Offer } from './types';

/** How related two texts are; injected so the engine works with any embedding provider. */
export interface Relatedness {
  /** Cosine similarity of the two items' embeddings. */
  similarity(need: Need, offer: Offer): number;
  /** What the two texts share, in words people use (for the explanation). */
  sharedTerms(need: Need, offer: Offer): string[];
}

export interface Suggestion {
  needId: string;
  offerId: string;
  score: number;
  reasons: string[];
}

export interface RankOptions {
  top: number;
  /** ISO date used for freshness; without it every offer counts as equally fresh. */
  today?: string;
}

/** The components of a pair's score, before weighting (published with the weights, for algorithmic transparency). */
export function scoreParts(need: Need, offer: Offer, distanceKm: number, relatedness: Relatedness, today?: string): ScoreParts {
  return {
    similarity: relatedness.similarity(need, offer),
    proximity: proximity(need, offer, distanceKm),
    freshness: freshness(offer, today),
    priority: need.kind === 'stage' && need.priority === true,
  };
}

/** Scores one pair, or null when a hard constraint is broken: such pairs are never suggested. */
export function suggest(need: Need, offer: Offer, relatedness: Relatedness, today?: string): Suggestion | null {
  const check = checkHardConstraints(need, offer);
  if (!check.ok) return null;
  const score = combineScore(scoreParts(need, offer, check.distanceKm, relatedness, today));
  return { needId: need.id, offerId: offer.id, score, reasons: explainMatch(need, offer, check, relatedness.sharedTerms(need, offer)) };
}

const byScoreThenId = (key: 'offerId' | 'needId') => (a: Suggestion, b: Suggestion) =>
  b.score - a.score || (a[key] < b[key] ? -1 : a[key] > b[key] ? 1 : 0);

export function rankOffersForNeed(need: Need, offers: Offer[], relatedness: Relatedness, options: RankOptions): Suggestion[] {
  return offers
    .map((offer) => suggest(need, offer, relatedness, options.today))
    .filter((suggestion): suggestion is Suggestion => suggestion !== null)
    .sort(byScoreThenId('offerId'))
    .slice(0, options.top);
}

export function rankNeedsForOffer(offer: Offer, needs: Need[], relatedness: Relatedness, options: RankOptions): Suggestion[] {
  return needs
    .map((need) => suggest(need, offer, relatedness, options.today))
    .filter((suggestion): suggestion is Suggestion => suggestion !== null)
    .sort(byScoreThenId('needId'))
    .slice(0, options.top);
}

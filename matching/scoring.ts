import type { Need, Offer } from './types';

/**
 * Weights of the relevance score, published as they are (algorithmic transparency): text similarity dominates,
 * then closeness, then how recent the offer is. Priority needs (pupils without a network) come first for an offer.
 */
export const SCORE_WEIGHTS = { similarity: 0.7, proximity: 0.2, freshness: 0.1 } as const;
export const PRIORITY_BONUS = 0.1;
/** An offer's freshness falls linearly from 1 on its publication day to 0 this many days later. */
export const FRESHNESS_HORIZON_DAYS = 365;
/** Freshness of an offer without a publication date (or when no date is given for today). */
export const UNDATED_FRESHNESS = 0.5;

/** The text an embedding is computed from. */
export function matchingText(item: Offer | Need): string {
  const lists = [
    ...(item.skills ?? []),
    ...('activities' in item ? (item.activities ?? []) : []),
    ...('interests' in item ? (item.interests ?? []) : []),
  ];
  return [item.title, item.description, ...lists].filter(Boolean).join('. ');
}

/** Remote help counts as half-way: it must not push aside relevant people who can come in person. */
export const REMOTE_PROXIMITY = 0.5;

export function proximity(need: Need, offer: Offer, distanceKm: number): number {
  const nearby = Math.max(0, 1 - distanceKm / Math.max(need.maxDistanceKm, 1));
  return offer.kind === 'competence' && offer.remote ? Math.max(REMOTE_PROXIMITY, nearby) : nearby;
}

export function freshness(offer: Offer, today: string | undefined): number {
  if (!offer.publishedAt || !today) return UNDATED_FRESHNESS;
  const ageDays = (Date.parse(today) - Date.parse(offer.publishedAt)) / 86_400_000;
  return 1 - Math.min(Math.max(ageDays, 0), FRESHNESS_HORIZON_DAYS) / FRESHNESS_HORIZON_DAYS;
}

export interface ScoreParts {
  similarity: number;
  proximity: number;
  freshness: number;
  priority: boolean;
}

/** Each component's share of the score: its weight times its value (similarity clamped to [0, 1]). */
export function weightedParts(parts: ScoreParts): Record<keyof ScoreParts, number> {
  return {
    similarity: SCORE_WEIGHTS.similarity * Math.min(Math.max(parts.similarity, 0), 1),
    proximity: SCORE_WEIGHTS.proximity * parts.proximity,
    freshness: SCORE_WEIGHTS.freshness * parts.freshness,
    priority: parts.priority ? PRIORITY_BONUS : 0,
  };
}

/** The score, rounded to the thousandth. */
export function combineScore(parts: ScoreParts): number {
  const weighted = weightedParts(parts);
  const score = weighted.similarity + weighted.proximity + weighted.freshness + weighted.priority;
  return Math.round(score * 1000) / 1000;
}

import type { Need, Offer } from './types';

/**
 * Weights of the relevance score, published as they are (algorithmic transparency): text similarity dominates,
 * then closeness, then how recent the offer is. Priority needs (pupils without a network) come first for an offer.
 */
export const SCORE_WEIGHTS = { similarity: 0.7, proximity: 0.2, freshness: 0.1 } as const;
export const PRIORITY_BONUS = 0.1;
const FRESHNESS_HORIZON_DAYS = 365;

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
  if (!offer.publishedAt || !today) return 0.5;
  const ageDays = (Date.parse(today) - Date.parse(offer.publishedAt)) / 86_400_000;
  return 1 - Math.min(Math.max(ageDays, 0), FRESHNESS_HORIZON_DAYS) / FRESHNESS_HORIZON_DAYS;
}

export interface ScoreParts {
  similarity: number;
  proximity: number;
  freshness: number;
  priority: boolean;
}

export function combineScore(parts: ScoreParts): number {
  const similarity = Math.min(Math.max(parts.similarity, 0), 1);
  const score =
    SCORE_WEIGHTS.similarity * similarity +
    SCORE_WEIGHTS.proximity * parts.proximity +
    SCORE_WEIGHTS.freshness * parts.freshness +
    (parts.priority ? PRIORITY_BONUS : 0);
  return Math.round(score * 1000) / 1000;
}

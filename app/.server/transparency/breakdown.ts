import { CLOSE_FIT, quantizedFit } from '../../../matching/allocation';
import { checkHardConstraints } from '../../../matching/constraints';
import { explainMatch } from '../../../matching/explain';
import { haversineKm } from '../../../matching/geo';
import { scoreParts, type Relatedness } from '../../../matching/rank';
import {
  combineScore,
  FRESHNESS_HORIZON_DAYS,
  PRIORITY_BONUS,
  REMOTE_PROXIMITY,
  SCORE_WEIGHTS,
  weightedParts,
  type ScoreParts,
} from '../../../matching/scoring';
import type { Need, Offer, Pupil } from '../../../matching/types';
import { formatDayFr } from '../../../matching/weeks';
import { decimalFr } from '../../lib/transparency';
import { CONSTRAINT_RULES } from './public-rules';

/**
 * What the engine does with one person's case, recomputed with the engine's own functions: the hard constraints one
 * by one and the score's components with their weights (a pair), or the interest fit with every possible host (a
 * pupil). Pure, so the numbers can be checked by hand.
 */

export interface ConstraintOutcome {
  title: string;
  /** Null when the constraint holds, else the engine's French reason. */
  failure: string | null;
}

export interface ScoreRow {
  component: keyof ScoreParts;
  label: string;
  /** The component's value for this pair, before weighting (1 or 0 for priority). */
  value: number;
  weight: number;
  /** Its share of the score: weight × value. */
  weighted: number;
  detail: string;
}

export interface PairBreakdown {
  distanceKm: number;
  constraints: ConstraintOutcome[];
  rows: ScoreRow[];
  /** The score exactly as the engine computes it (rounded to the thousandth). */
  score: number;
  sharedTerms: string[];
  reasons: string[];
}

const kmFr = (km: number) => `${decimalFr(km, 1)} km`;
const dayFr = (isoDate: string) => formatDayFr(new Date(`${isoDate}T00:00:00Z`));

function proximityDetail(need: Need, offer: Offer, distanceKm: number): string {
  const distance = `${kmFr(distanceKm)} entre les centres des communes, pour ${need.maxDistanceKm} km au plus`;
  if (offer.kind === 'competence' && offer.remote) return `compétence exerçable à distance : au moins ${decimalFr(REMOTE_PROXIMITY)} ; ${distance}`;
  return `1 − ${decimalFr(distanceKm, 1)} ÷ ${need.maxDistanceKm} (${distance})`;
}

function freshnessDetail(offer: Offer, today: string): string {
  if (!offer.publishedAt) return 'offre sans date de publication';
  const days = Math.max(0, Math.round((Date.parse(today) - Date.parse(offer.publishedAt)) / 86_400_000));
  return `offre publiée le ${dayFr(offer.publishedAt)}, ${days} jour(s) avant le ${dayFr(today)} : 1 − ${Math.min(days, FRESHNESS_HORIZON_DAYS)} ÷ ${FRESHNESS_HORIZON_DAYS}`;
}

function priorityDetail(need: Need): string {
  if (need.kind !== 'stage') return 'ne concerne que les besoins de stage de 3e';
  return need.priority ? 'besoin d’un collège en REP, REP+, QPV ou commune FRR' : 'collège ni en REP, REP+ ou QPV, ni dans une commune FRR';
}

export function pairBreakdown(need: Need, offer: Offer, relatedness: Relatedness, today: string): PairBreakdown {
  const check = checkHardConstraints(need, offer);
  const parts = scoreParts(need, offer, check.distanceKm, relatedness, today);
  const weighted = weightedParts(parts);
  const sharedTerms = relatedness.sharedTerms(need, offer);
  const rows: ScoreRow[] = [
    {
      component: 'similarity',
      label: 'Similarité des textes',
      value: parts.similarity,
      weight: SCORE_WEIGHTS.similarity,
      weighted: weighted.similarity,
      detail: sharedTerms.length ? `cosinus des deux textes ; notions communes : ${sharedTerms.join(', ')}` : 'cosinus des deux textes ; aucune notion commune repérée',
    },
    {
      component: 'proximity',
      label: 'Proximité',
      value: parts.proximity,
      weight: SCORE_WEIGHTS.proximity,
      weighted: weighted.proximity,
      detail: proximityDetail(need, offer, check.distanceKm),
    },
    {
      component: 'freshness',
      label: 'Fraîcheur de l’offre',
      value: parts.freshness,
      weight: SCORE_WEIGHTS.freshness,
      weighted: weighted.freshness,
      detail: freshnessDetail(offer, today),
    },
    {
      component: 'priority',
      label: 'Priorité',
      value: parts.priority ? 1 : 0,
      weight: PRIORITY_BONUS,
      weighted: weighted.priority,
      detail: priorityDetail(need),
    },
  ];
  return {
    distanceKm: check.distanceKm,
    constraints: CONSTRAINT_RULES.filter((rule) => rule.kinds.includes(need.kind)).map((rule) => ({
      title: rule.title,
      failure: rule.check(need, offer, check.distanceKm),
    })),
    rows,
    score: combineScore(parts),
    sharedTerms,
    reasons: explainMatch(need, offer, check, sharedTerms),
  };
}

export interface HostOption {
  offerId: string;
  distanceKm: number;
  /** Interest fit as the allocation counts it, in thousandths. */
  fit: number;
  /** At least CLOSE_FIT: the explanation says « centres d’intérêt proches ». */
  close: boolean;
}

export interface PupilBreakdown {
  options: HostOption[];
  /** The pupil's share of each component of the allocation's objective, in its order (no wishes: none are collected). */
  objective: { priorityPlaced: 0 | 1; placed: 0 | 1; fit: number | null };
}

/** Every host of the week as the allocation saw it for this pupil, and what the pupil's result adds to the objective. */
export function pupilBreakdown(pupil: Pupil, offers: Offer[], interestFit: (pupil: Pupil, offer: Offer) => number, assignedOfferId: string | null): PupilBreakdown {
  const options = offers.map((offer): HostOption => {
    const distanceKm = haversineKm(pupil.place, offer.place);
    const fit = quantizedFit(interestFit(pupil, offer));
    return { offerId: offer.id, distanceKm, fit, close: fit >= CLOSE_FIT };
  });
  const assigned = options.find((option) => option.offerId === assignedOfferId);
  const placed = assignedOfferId !== null ? 1 : 0;
  return {
    options,
    objective: { priorityPlaced: placed && pupil.priority ? 1 : 0, placed, fit: assigned ? assigned.fit : null },
  };
}

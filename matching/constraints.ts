import { haversineKm } from './geo';
import type { Need, Offer } from './types';

/** One hard constraint: null when it holds, else the French reason it does not. */
type Constraint = (need: Need, offer: Offer, distanceKm: number) => string | null;

export const sameKind: Constraint = (need, offer) =>
  need.kind === offer.kind ? null : 'l’offre et le besoin ne sont pas du même type';

/** A remote skill offer ignores distance; otherwise the need's limit, and the agent's radius for skills. */
export const withinDistance: Constraint = (need, offer, distanceKm) => {
  if (offer.kind === 'competence' && offer.remote) return null;
  if (distanceKm > need.maxDistanceKm) {
    return `à ${Math.round(distanceKm)} km, au-delà des ${need.maxDistanceKm} km acceptés par le besoin`;
  }
  if (offer.kind === 'competence' && offer.radiusKm !== undefined && distanceKm > offer.radiusKm) {
    return `à ${Math.round(distanceKm)} km, au-delà des ${offer.radiusKm} km de déplacement proposés`;
  }
  return null;
};

/** Periods must overlap when both sides give one; an open end means no limit on that side. */
export const periodsOverlap: Constraint = (need, offer) => {
  if (offer.kind === 'stage') return null;
  const offerGiven = offer.availableFrom !== undefined || offer.availableTo !== undefined;
  const needGiven = need.from !== undefined || need.to !== undefined;
  if (!offerGiven || !needGiven) return null;
  const startsBeforeNeedEnds = offer.availableFrom === undefined || need.to === undefined || offer.availableFrom <= need.to;
  const needStartsBeforeOfferEnds = need.from === undefined || offer.availableTo === undefined || need.from <= offer.availableTo;
  return startsBeforeNeedEnds && needStartsBeforeOfferEnds ? null : 'les périodes de disponibilité ne se recouvrent pas';
};

export const eligibleForSkills: Constraint = (need) =>
  need.kind !== 'competence' || need.requesterEligibleMecenat === true
    ? null
    : 'la structure n’est pas éligible à la mise à disposition de compétences (intérêt général, ARUP ou fondation)';

export const propertyFits: Constraint = (need, offer) => {
  if (need.kind !== 'lieu') return null;
  if (!offer.propertyType || !(need.propertyTypes ?? []).includes(offer.propertyType)) {
    return 'le type de bien ne fait pas partie des types recherchés';
  }
  if ((offer.surfaceM2 ?? 0) < (need.minSurfaceM2 ?? 0)) {
    return `surface de ${offer.surfaceM2 ?? 0} m², inférieure aux ${need.minSurfaceM2} m² demandés`;
  }
  if (need.needsPMR && !offer.accessiblePMR) return 'le bien n’est pas accessible aux personnes à mobilité réduite';
  return null;
};

export const internshipFits: Constraint = (need, offer) => {
  if (need.kind !== 'stage') return null;
  if (!need.week || !(offer.weeks ?? []).includes(need.week)) return 'la semaine demandée n’est pas proposée';
  const capacity = offer.capacity ?? 0;
  const pupils = need.pupils ?? 1;
  if (need.group) {
    const groupMax = offer.groupMax ?? 1;
    if (pupils > groupMax) return `groupe de ${pupils} élèves, au-delà des ${groupMax} accueillis ensemble`;
    if (pupils > capacity) return `groupe de ${pupils} élèves, au-delà des ${capacity} places de la semaine`;
    return null;
  }
  return capacity >= 1 ? null : 'aucune place cette semaine';
};

export const HARD_CONSTRAINTS: readonly Constraint[] = [
  sameKind,
  eligibleForSkills,
  withinDistance,
  periodsOverlap,
  propertyFits,
  internshipFits,
];

export interface ConstraintCheck {
  ok: boolean;
  distanceKm: number;
  violations: string[];
}

export function checkHardConstraints(need: Need, offer: Offer): ConstraintCheck {
  const distanceKm = haversineKm(need.place, offer.place);
  const violations = HARD_CONSTRAINTS.map((constraint) => constraint(need, offer, distanceKm)).filter(
    (reason): reason is string => reason !== null,
  );
  return { ok: violations.length === 0, distanceKm, violations };
}

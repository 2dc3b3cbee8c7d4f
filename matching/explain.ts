import type { ConstraintCheck } from './constraints';
import type { Need, Offer, PropertyKind } from './types';
import { formatDayFr, formatWeekFr } from './weeks';

const formatDateFr = (isoDate: string) => formatDayFr(new Date(`${isoDate}T00:00:00Z`));

const propertyLabels: Record<PropertyKind, string> = { batiment: 'bâtiment', terrain: 'terrain', toiture: 'toiture' };

function distanceReason(offer: Offer, check: ConstraintCheck): string {
  if (offer.kind === 'competence' && offer.remote) return 'possible à distance';
  if (check.distanceKm < 1) return `dans la même commune (${offer.place.name})`;
  return `à ${Math.round(check.distanceKm)} km (${offer.place.name})`;
}

function availabilityReason(need: Need, offer: Offer): string | null {
  if (offer.kind === 'stage' && need.week) return `disponible la ${formatWeekFr(need.week)}`;
  if (offer.availableFrom && offer.availableTo) {
    return `disponible du ${formatDateFr(offer.availableFrom)} au ${formatDateFr(offer.availableTo)}`;
  }
  if (offer.availableFrom) return `disponible à partir du ${formatDateFr(offer.availableFrom)}`;
  if (offer.availableTo) return `disponible jusqu’au ${formatDateFr(offer.availableTo)}`;
  return null;
}

function kindReasons(need: Need, offer: Offer): string[] {
  switch (offer.kind) {
    case 'competence':
      return need.requesterEligibleMecenat ? ['structure éligible au mécénat de compétences'] : [];
    case 'lieu': {
      const reasons = [
        `${offer.propertyType ? propertyLabels[offer.propertyType] : 'bien'} de ${offer.surfaceM2 ?? 0} m²` +
          (need.minSurfaceM2 ? ` (minimum demandé : ${need.minSurfaceM2} m²)` : ''),
      ];
      if (offer.accessiblePMR) reasons.push('accessible aux personnes à mobilité réduite');
      return reasons;
    }
    case 'stage': {
      const pupils = need.pupils ?? 1;
      return need.group
        ? [`groupe de ${pupils} élève${pupils > 1 ? 's' : ''} accueilli ensemble (jusqu’à ${offer.groupMax ?? 1})`]
        : [`${offer.capacity ?? 0} place${(offer.capacity ?? 0) > 1 ? 's' : ''} cette semaine`];
    }
  }
}

const closeness: Record<Offer['kind'], string> = {
  competence: 'compétences proches',
  lieu: 'usage proche',
  stage: 'centres d’intérêt proches',
};

/**
 * Plain-French reasons, from the facts that made the suggestion: what the texts share, where, when, and the
 * kind-specific facts. Never a bare score.
 */
export function explainMatch(need: Need, offer: Offer, check: ConstraintCheck, sharedTerms: string[]): string[] {
  const reasons: string[] = [];
  if (sharedTerms.length) reasons.push(`${closeness[offer.kind]} : ${sharedTerms.join(', ')}`);
  reasons.push(distanceReason(offer, check));
  const availability = availabilityReason(need, offer);
  if (availability) reasons.push(availability);
  reasons.push(...kindReasons(need, offer));
  if (need.kind === 'stage' && need.priority) reasons.push('priorité : élèves sans réseau (QPV/REP, FRR)');
  return reasons;
}

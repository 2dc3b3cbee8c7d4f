import { checkHardConstraints } from './constraints';
import type { Need, Offer } from './types';

export interface GroupingSuggestion {
  offerId: string;
  needIds: string[];
  /** The proposed chef de file: the need asking for the most space. */
  leadNeedId: string;
  reasons: string[];
}

const byLargestSurfaceThenId = (a: Need, b: Need) =>
  (b.minSurfaceM2 ?? 0) - (a.minSurfaceM2 ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function listFr(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} et ${items[items.length - 1]}`;
}

/**
 * When several space needs each fit a property and their surfaces add up within it, propose that they share it,
 * led by the one needing most space (it will carry the convention for the grouping). Largest needs are taken first,
 * so the lead's own need is always met in full.
 */
export function suggestGrouping(offer: Offer, needs: Need[]): GroupingSuggestion | null {
  if (offer.kind !== 'lieu') return null;
  const surface = offer.surfaceM2 ?? 0;
  const fitting = needs.filter((need) => need.kind === 'lieu' && checkHardConstraints(need, offer).ok).sort(byLargestSurfaceThenId);
  const members: Need[] = [];
  let used = 0;
  for (const need of fitting) {
    const wanted = need.minSurfaceM2 ?? 0;
    if (used + wanted <= surface) {
      members.push(need);
      used += wanted;
    }
  }
  const [lead] = members;
  if (!lead || members.length < 2) return null;
  return {
    offerId: offer.id,
    needIds: members.map((need) => need.id),
    leadNeedId: lead.id,
    reasons: [
      `${listFr(members.map((need) => `« ${need.title} »`))} tiennent ensemble dans les ${surface} m² ` +
        `(${members.map((need) => need.minSurfaceM2 ?? 0).join(' + ')} m² demandés)`,
      `chef de file proposé : « ${lead.title} », qui demande le plus de surface (${lead.minSurfaceM2 ?? 0} m²)`,
      'chaque membre respecte seul les conditions du bien (type, distance, période, accessibilité)',
    ],
  };
}

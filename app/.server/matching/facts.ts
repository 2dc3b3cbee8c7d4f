import type { Need, Offer, Place, PropertyKind } from '../../../matching/types';
import { isoWeekOf } from '../../../matching/weeks';
import type { Prisma } from '../db/generated/client';
import type { PropertyType } from '../db/generated/enums';

/** Database rows as the engine sees them. Eligibility for skills counts only once verified by the Mission ESS. */

const kinds = { COMPETENCE: 'competence', LIEU: 'lieu', STAGE: 'stage' } as const;
const propertyKinds: Record<PropertyType, PropertyKind> = { BUILDING: 'batiment', LAND: 'terrain', ROOFTOP: 'toiture' };

export const offerFactsInclude = {
  commune: true,
  skill: true,
  property: true,
  internship: true,
} satisfies Prisma.OfferInclude;

export const needFactsInclude = {
  commune: true,
  organisation: { include: { commune: true } },
  skill: true,
  space: true,
  internship: true,
} satisfies Prisma.NeedInclude;

type OfferRow = Prisma.OfferGetPayload<{ include: typeof offerFactsInclude }>;
type NeedRow = Prisma.NeedGetPayload<{ include: typeof needFactsInclude }>;

const isoDate = (date: Date | null | undefined) => (date ? date.toISOString().slice(0, 10) : undefined);

function placeOf(commune: { code: string; name: string; lat: number; lon: number; frr: boolean }): Place {
  return { code: commune.code, name: commune.name, lat: commune.lat, lon: commune.lon, frr: commune.frr };
}

export function offerFacts(row: OfferRow): Offer {
  const offer: Offer = {
    id: row.id,
    kind: kinds[row.kind],
    title: row.title,
    description: row.description,
    place: placeOf(row.commune),
    availableFrom: isoDate(row.availableFrom),
    availableTo: isoDate(row.availableUntil),
    publishedAt: isoDate(row.publishedAt),
  };
  if (row.skill) Object.assign(offer, { skills: row.skill.skills, radiusKm: row.skill.radiusKm, remote: row.skill.remote });
  if (row.property) {
    Object.assign(offer, {
      propertyType: propertyKinds[row.property.propertyType],
      surfaceM2: row.property.surfaceM2,
      accessiblePMR: row.property.stepFreeAccess,
    });
  }
  if (row.internship) {
    Object.assign(offer, {
      activities: row.internship.activities,
      weeks: row.internship.weeks.map(isoWeekOf),
      capacity: row.internship.capacityPerWeek,
      groupMax: row.internship.maxGroupSize,
    });
  }
  return offer;
}

export function needFacts(row: NeedRow): Need {
  const need: Need = {
    id: row.id,
    kind: kinds[row.kind],
    title: row.title,
    description: row.description,
    place: placeOf(row.commune),
    maxDistanceKm: row.maxDistanceKm,
    from: isoDate(row.availableFrom),
    to: isoDate(row.availableUntil),
  };
  const organisation = row.organisation;
  if (row.skill) {
    Object.assign(need, {
      skills: row.skill.skills,
      requesterEligibleMecenat: organisation.skillsEligibility !== 'NONE' && organisation.eligibilityVerifiedAt !== null,
    });
  }
  if (row.space) {
    Object.assign(need, {
      propertyTypes: row.space.propertyTypes.map((type) => propertyKinds[type]),
      minSurfaceM2: row.space.minSurfaceM2,
      needsPMR: row.space.stepFreeRequired,
    });
  }
  if (row.internship) {
    Object.assign(need, {
      week: isoWeekOf(row.internship.week),
      pupils: row.internship.pupilCount,
      group: row.internship.mode === 'GROUP',
      interests: row.internship.interests,
      priority: organisation.rep || organisation.repPlus || organisation.qpv || organisation.commune?.frr === true,
    });
  }
  return need;
}

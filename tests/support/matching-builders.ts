import type { Need, Offer, Place } from '../../matching/types';

/** Real centroids of a few Gard communes (prisma/data/communes-gard.json). */
export const places = {
  nimes: { code: '30189', name: 'Nîmes', lat: 43.8446, lon: 4.34761 },
  ales: { code: '30007', name: 'Alès', lat: 44.12516, lon: 4.08854 },
  uzes: { code: '30334', name: 'Uzès', lat: 44.01209, lon: 4.41958 },
  leVigan: { code: '30350', name: 'Le Vigan', lat: 43.98916, lon: 3.61189 },
} satisfies Record<string, Place>;

export function skillOffer(overrides: Partial<Offer> = {}): Offer {
  return {
    id: 'o-skill',
    kind: 'competence',
    title: 'Graphiste',
    description: 'Mise en page de plaquettes et d’affiches',
    place: places.nimes,
    radiusKm: 30,
    remote: false,
    ...overrides,
  };
}

export function propertyOffer(overrides: Partial<Offer> = {}): Offer {
  return {
    id: 'o-lieu',
    kind: 'lieu',
    title: 'Ancienne gendarmerie',
    description: 'Cinq bureaux et un garage',
    place: places.nimes,
    propertyType: 'batiment',
    surfaceM2: 310,
    accessiblePMR: true,
    ...overrides,
  };
}

export function internshipOffer(overrides: Partial<Offer> = {}): Offer {
  return {
    id: 'o-stage',
    kind: 'stage',
    title: 'Radio associative',
    description: 'Découverte du journalisme et de la technique radio',
    place: places.nimes,
    weeks: ['2027-W07'],
    capacity: 3,
    groupMax: 3,
    ...overrides,
  };
}

export function skillNeed(overrides: Partial<Need> = {}): Need {
  return {
    id: 'n-skill',
    kind: 'competence',
    title: 'Affiche de notre festival',
    description: 'Créer l’affiche et le programme',
    place: places.nimes,
    maxDistanceKm: 25,
    requesterEligibleMecenat: true,
    ...overrides,
  };
}

export function spaceNeed(overrides: Partial<Need> = {}): Need {
  return {
    id: 'n-lieu',
    kind: 'lieu',
    title: 'École de musique associative',
    description: 'Salles de cours et de répétition',
    place: places.nimes,
    maxDistanceKm: 20,
    propertyTypes: ['batiment'],
    minSurfaceM2: 120,
    needsPMR: true,
    ...overrides,
  };
}

export function internshipNeed(overrides: Partial<Need> = {}): Need {
  return {
    id: 'n-stage',
    kind: 'stage',
    title: 'Médias',
    description: 'Élèves curieux du journalisme',
    place: places.nimes,
    maxDistanceKm: 20,
    week: '2027-W07',
    pupils: 3,
    group: true,
    ...overrides,
  };
}

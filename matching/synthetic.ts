import { haversineKm } from './geo';
import type { IsoWeek, Offer, Place, Pupil } from './types';
import { isoWeekMonday, isoWeekOf } from './weeks';

/**
 * Plausible Gard-like stage cohorts for tests and benchmarks: real commune centroids weighted by population, ESS
 * activities, one-week internships with 1–4 seats. Pure: the same seed gives the same cohort.
 */

export interface SyntheticOptions {
  pupils: number;
  offers: number;
  weeks: number;
  firstWeek?: IsoWeek;
}

export interface SyntheticCohort {
  offers: Offer[];
  pupils: Pupil[];
  weeks: IsoWeek[];
  /** Share of the offer's activities the pupil mentions: a stand-in for the caller's text similarity. */
  interestFit: (pupil: Pupil, offer: Offer) => number;
}

type Commune = Place & { population: number };

// Centroids and populations from prisma/data/communes-gard.json.
const COMMUNES: Commune[] = [
  { code: '30189', name: 'Nîmes', lat: 43.8446, lon: 4.34761, population: 151839 },
  { code: '30007', name: 'Alès', lat: 44.12516, lon: 4.08854, population: 46125 },
  { code: '30028', name: 'Bagnols-sur-Cèze', lat: 44.16282, lon: 4.62457, population: 18112 },
  { code: '30032', name: 'Beaucaire', lat: 43.7797, lon: 4.59378, population: 15692 },
  { code: '30258', name: 'Saint-Gilles', lat: 43.65787, lon: 4.40746, population: 14734 },
  { code: '30351', name: 'Villeneuve-lès-Avignon', lat: 43.97676, lon: 4.7944, population: 13148 },
  { code: '30341', name: 'Vauvert', lat: 43.62564, lon: 4.30595, population: 11671 },
  { code: '30202', name: 'Pont-Saint-Esprit', lat: 44.25254, lon: 4.63928, population: 10958 },
  { code: '30003', name: 'Aigues-Mortes', lat: 43.55054, lon: 4.18424, population: 8699 },
  { code: '30133', name: 'Le Grau-du-Roi', lat: 43.50718, lon: 4.16648, population: 8588 },
  { code: '30334', name: 'Uzès', lat: 44.01334, lon: 4.4162, population: 8519 },
  { code: '30156', name: 'Marguerittes', lat: 43.86121, lon: 4.44932, population: 8346 },
  { code: '30034', name: 'Bellegarde', lat: 43.7516, lon: 4.4958, population: 8035 },
  { code: '30141', name: 'Laudun-l’Ardoise', lat: 44.10284, lon: 4.66371, population: 6835 },
  { code: '30169', name: 'Milhaud', lat: 43.78932, lon: 4.30904, population: 6297 },
  { code: '30221', name: 'Roquemaure', lat: 44.04167, lon: 4.75671, population: 5529 },
  { code: '30321', name: 'Sommières', lat: 43.77555, lon: 4.08235, population: 5073 },
  { code: '30132', name: 'La Grand-Combe', lat: 44.22756, lon: 4.03006, population: 4783 },
  { code: '30350', name: 'Le Vigan', lat: 43.98895, lon: 3.62502, population: 3863 },
  { code: '30263', name: 'Saint-Hippolyte-du-Fort', lat: 43.95351, lon: 3.85272, population: 3737 },
  { code: '30210', name: 'Quissac', lat: 43.9184, lon: 3.99706, population: 3528 },
  { code: '30227', name: 'Saint-Ambroix', lat: 44.25299, lon: 4.19446, population: 3445 },
  { code: '30010', name: 'Anduze', lat: 44.05078, lon: 3.97431, population: 3391 },
  { code: '30037', name: 'Bessèges', lat: 44.29031, lon: 4.10722, population: 2606 },
  { code: '30212', name: 'Remoulins', lat: 43.94086, lon: 4.56477, population: 2278 },
  { code: '30029', name: 'Barjac', lat: 44.31244, lon: 4.34877, population: 1608 },
  { code: '30140', name: 'Lasalle', lat: 44.04326, lon: 3.85171, population: 1202 },
  { code: '30130', name: 'Génolhac', lat: 44.34411, lon: 3.95182, population: 815 },
  { code: '30009', name: 'Alzon', lat: 43.97382, lon: 3.44705, population: 194 },
];

const THEMES: { activity: string; title: string }[] = [
  { activity: 'radio', title: 'Radio associative' },
  { activity: 'recyclage', title: 'Recyclerie' },
  { activity: 'jardinage', title: 'Jardin partagé' },
  { activity: 'vélo', title: 'Atelier vélo solidaire' },
  { activity: 'cuisine', title: 'Restaurant d’insertion' },
  { activity: 'théâtre', title: 'Compagnie de théâtre' },
  { activity: 'numérique', title: 'Fablab associatif' },
  { activity: 'animaux', title: 'Refuge pour animaux' },
  { activity: 'menuiserie', title: 'Menuiserie coopérative' },
  { activity: 'commerce', title: 'Épicerie solidaire' },
  { activity: 'musique', title: 'École de musique associative' },
  { activity: 'couture', title: 'Atelier couture' },
  { activity: 'environnement', title: 'Association de protection de la nature' },
  { activity: 'sport', title: 'Club sportif' },
  { activity: 'lecture', title: 'Médiathèque associative' },
  { activity: 'agriculture', title: 'Ferme coopérative' },
  { activity: 'santé', title: 'Centre de santé associatif' },
  { activity: 'petite enfance', title: 'Crèche parentale' },
];

const SEATS = [
  { seats: 1, weight: 35 },
  { seats: 2, weight: 35 },
  { seats: 3, weight: 20 },
  { seats: 4, weight: 10 },
];

/** mulberry32: small, fast, good enough for test data; the same seed replays the same sequence. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function weightedPicker<T>(items: T[], weight: (item: T) => number, random: () => number): () => T {
  const cumulative: number[] = [];
  let total = 0;
  for (const item of items) cumulative.push((total += weight(item)));
  return () => {
    const target = random() * total;
    const index = cumulative.findIndex((bound) => bound > target);
    return items[index === -1 ? items.length - 1 : index] as T;
  };
}

/** k distinct items, in random order. */
function sample<T>(items: readonly T[], k: number, random: () => number): T[] {
  const pool = [...items];
  const picked: T[] = [];
  while (picked.length < k && pool.length) picked.push(pool.splice(Math.floor(random() * pool.length), 1)[0] as T);
  return picked;
}

const pick = <T>(items: readonly T[], random: () => number): T => items[Math.floor(random() * items.length)] as T;
const place = ({ population: _population, ...commune }: Commune): Place => commune;
const pad = (n: number) => String(n).padStart(5, '0');

function consecutiveWeeks(first: IsoWeek, count: number): IsoWeek[] {
  const monday = isoWeekMonday(first).getTime();
  return Array.from({ length: count }, (_, i) => isoWeekOf(new Date(monday + i * 7 * 86_400_000)));
}

export function syntheticCohort(seed: number, options: SyntheticOptions): SyntheticCohort {
  const random = seededRandom(seed);
  const weeks = consecutiveWeeks(options.firstWeek ?? '2027-W03', options.weeks);
  // Structures are spread more evenly than pupils, who concentrate in the towns.
  const offerCommune = weightedPicker(COMMUNES, (c) => Math.sqrt(c.population), random);
  const pupilCommune = weightedPicker(COMMUNES, (c) => c.population ** 0.8, random);
  const capacity = weightedPicker(SEATS, (seats) => seats.weight, random);

  const activitiesOf = new Map<string, string[]>();
  const offers: Offer[] = Array.from({ length: options.offers }, (_, i) => {
    const commune = offerCommune();
    const main = pick(THEMES, random);
    const extra = sample(
      THEMES.filter((theme) => theme !== main),
      Math.floor(random() * 3),
      random,
    );
    const seats = capacity().seats;
    const activities = [main, ...extra].map((theme) => theme.activity);
    const offer: Offer = {
      id: `o${pad(i)}`,
      kind: 'stage',
      title: `${main.title} ${commune.name}`,
      description: `Découverte des métiers : ${activities.join(', ')}.`,
      place: place(commune),
      activities,
      weeks: sample(weeks, 1 + Math.floor(random() * Math.min(4, weeks.length)), random).sort(),
      capacity: seats,
      groupMax: 1 + Math.floor(random() * seats),
    };
    activitiesOf.set(offer.id, activities);
    return offer;
  });

  const offersByWeek = new Map<IsoWeek, Offer[]>(weeks.map((week) => [week, offers.filter((o) => o.weeks?.includes(week))]));
  const interestsOf = new Map<string, Set<string>>();
  const pupils: Pupil[] = Array.from({ length: options.pupils }, (_, i) => {
    const commune = pupilCommune();
    const week = pick(weeks, random);
    const maxDistanceKm = pick([10, 15, 20, 25, 30], random);
    const interests = sample(THEMES, 1 + Math.floor(random() * 3), random).map((theme) => theme.activity);
    const pupil: Pupil = {
      id: `e${pad(i)}`,
      place: place(commune),
      week,
      maxDistanceKm,
      interests: `J’aimerais découvrir : ${interests.join(', ')}.`,
      priority: random() < 0.3,
    };
    if (random() < 0.6) {
      // Mostly reachable offers of the right week, sometimes a little too far, as pupils really do.
      const reachable = (offersByWeek.get(week) ?? []).filter((o) => haversineKm(pupil.place, o.place) <= maxDistanceKm + 5);
      const wishes = sample(reachable, 1 + Math.floor(random() * 4), random).map((o) => o.id);
      if (wishes.length) pupil.wishes = wishes;
    }
    interestsOf.set(pupil.id, new Set(interests));
    return pupil;
  });

  const interestFit = (pupil: Pupil, offer: Offer): number => {
    const wanted = interestsOf.get(pupil.id);
    const activities = activitiesOf.get(offer.id);
    if (!wanted || !activities?.length) return 0;
    return activities.filter((activity) => wanted.has(activity)).length / activities.length;
  };
  return { offers, pupils, weeks, interestFit };
}

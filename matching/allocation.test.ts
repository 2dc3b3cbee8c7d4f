import { describe, expect, it } from 'vitest';
import { places } from '../tests/support/matching-builders';
import { allocateCohort, type AllocationInput, type AllocationResult } from './allocation';
import { EARTH_RADIUS_KM, haversineKm } from './geo';
import { seededRandom, syntheticCohort } from './synthetic';
import type { Offer, Place, Pupil } from './types';

const W07 = '2027-W07';
const W08 = '2027-W08';

function offer(id: string, overrides: Partial<Offer> = {}): Offer {
  return {
    id,
    kind: 'stage',
    title: `Stage ${id}`,
    description: '',
    place: places.nimes,
    weeks: [W07],
    capacity: 1,
    groupMax: 1,
    ...overrides,
  };
}

function pupil(id: string, overrides: Partial<Pupil> = {}): Pupil {
  return { id, place: places.nimes, week: W07, maxDistanceKm: 10, interests: '', priority: false, ...overrides };
}

/** Fit from a table "pupilId offerId" → value, 0 otherwise. */
const fits =
  (table: Record<string, number> = {}): AllocationInput['interestFit'] =>
  (p, o) =>
    table[`${p.id} ${o.id}`] ?? 0;

const allocate = (offers: Offer[], pupils: Pupil[], table?: Record<string, number>) =>
  allocateCohort({ offers, pupils, interestFit: fits(table) });


function shuffled<T>(items: T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

const feasible = (p: Pupil, o: Offer) =>
  o.kind === 'stage' && (o.weeks ?? []).includes(p.week) && haversineKm(p.place, o.place) <= p.maxDistanceKm;

/** Distinct wishes, 1 = first. */
const rankOf = (p: Pupil, offerId: string) => [...new Set(p.wishes ?? [])].indexOf(offerId) + 1;

/** Priority placed, placed, count per wish rank 1…maxRank, fit in thousandths: compared lexicographically. */
function objective(input: AllocationInput, assignments: Record<string, string | null>, maxRank: number): number[] {
  const offers = new Map(input.offers.map((o) => [o.id, o]));
  const value = new Array<number>(3 + maxRank).fill(0);
  for (const p of input.pupils) {
    const o = offers.get(assignments[p.id] ?? '');
    if (!o) continue;
    if (p.priority) value[0]!++;
    value[1]!++;
    const rank = rankOf(p, o.id);
    if (rank) value[1 + rank]!++;
    value[2 + maxRank]! += Math.round(input.interestFit(p, o) * 1000);
  }
  return value;
}

const lexGreater = (a: number[], b: number[]) => {
  const k = a.findIndex((x, i) => x !== b[i]);
  return k !== -1 && a[k]! > b[k]!;
};

/** Every assignment: feasible (week, distance) and within each offer's capacity for that week. */
function expectFeasible(input: AllocationInput, result: AllocationResult): void {
  const offers = new Map(input.offers.map((o) => [o.id, o]));
  const load = new Map<string, number>();
  expect(Object.keys(result.assignments).sort()).toEqual(input.pupils.map((p) => p.id).sort());
  for (const p of input.pupils) {
    const id = result.assignments[p.id];
    if (id === null || id === undefined) continue;
    const o = offers.get(id);
    expect(o, `${p.id} → ${id}`).toBeDefined();
    expect(feasible(p, o!), `${p.id} → ${id}`).toBe(true);
    const key = `${id} ${p.week}`;
    load.set(key, (load.get(key) ?? 0) + 1);
  }
  for (const [key, count] of load) expect(count, key).toBeLessThanOrEqual(offers.get(key.split(' ')[0]!)!.capacity ?? 0);
}

/** Exhaustive optimum of the lexicographic objective: every pupil tries "unplaced" and each feasible offer. */
function bruteForceOptimum(input: AllocationInput, maxRank: number): number[] {
  const options = input.pupils.map((p) => input.offers.filter((o) => feasible(p, o)));
  const load = new Map<string, number>();
  const current: Record<string, string | null> = {};
  let best = objective(input, current, maxRank);
  const visit = (i: number): void => {
    const p = input.pupils[i];
    if (!p) {
      const value = objective(input, current, maxRank);
      if (lexGreater(value, best)) best = value;
      return;
    }
    current[p.id] = null;
    visit(i + 1);
    for (const o of options[i]!) {
      const key = `${o.id} ${p.week}`;
      if ((load.get(key) ?? 0) >= (o.capacity ?? 0)) continue;
      load.set(key, (load.get(key) ?? 0) + 1);
      current[p.id] = o.id;
      visit(i + 1);
      load.set(key, load.get(key)! - 1);
    }
    current[p.id] = null;
  };
  visit(0);
  return best;
}

/** Small instances around Nîmes (a 10 km square), tight distances and capacities so that pupils compete. */
function tinyInstance(seed: number): AllocationInput & { maxRank: number } {
  const random = seededRandom(seed);
  const int = (n: number) => Math.floor(random() * n);
  const near = (): Place => ({ ...places.nimes, lat: 43.8 + random() * 0.09, lon: 4.3 + random() * 0.12 });
  const weeks = random() < 0.5 ? [W07] : [W07, W08];
  const offers = Array.from({ length: 1 + int(4) }, (_, i) =>
    offer(`o${i}`, { place: near(), weeks: weeks.filter((w, j) => j === 0 || random() < 0.5), capacity: int(3) }),
  );
  const offerIds = [...offers.map((o) => o.id), 'inconnue'];
  let maxRank = 0;
  const pupils = Array.from({ length: 1 + int(8) }, (_, i) => {
    const wishes = Array.from({ length: int(4) }, () => offerIds[int(offerIds.length)]!);
    maxRank = Math.max(maxRank, new Set(wishes).size);
    return pupil(`p${i}`, {
      place: near(),
      week: weeks[int(weeks.length)]!,
      maxDistanceKm: 2 + int(9),
      priority: random() < 0.35,
      ...(wishes.length ? { wishes } : {}),
    });
  });
  const table: Record<string, number> = {};
  for (const p of pupils) for (const o of offers) table[`${p.id} ${o.id}`] = int(11) / 10;
  return { offers, pupils, interestFit: fits(table), maxRank };
}

/** Kuhn's augmenting paths on seats, for an independent maximum count of placeable pupils. */
function maxPlaceable(input: AllocationInput, among: (p: Pupil) => boolean): number {
  const pupils = input.pupils.filter(among);
  const seatHolders = new Map<string, string[]>();
  const options = new Map(pupils.map((p) => [p.id, input.offers.filter((o) => feasible(p, o)).map((o) => `${o.id} ${p.week}`)]));
  const capacity = new Map<string, number>(
    input.offers.flatMap((o) => (o.weeks ?? []).map((w) => [`${o.id} ${w}`, o.capacity ?? 0])),
  );
  const tryPlace = (id: string, seen: Set<string>): boolean => {
    for (const key of options.get(id)!) {
      if (seen.has(key)) continue;
      seen.add(key);
      const holders = seatHolders.get(key) ?? [];
      if (holders.length < capacity.get(key)!) {
        seatHolders.set(key, [...holders, id]);
        return true;
      }
      for (const holder of holders) {
        if (tryPlace(holder, seen)) {
          seatHolders.set(key, [...seatHolders.get(key)!.filter((h) => h !== holder), id]);
          return true;
        }
      }
    }
    return false;
  };
  return pupils.filter((p) => tryPlace(p.id, new Set())).length;
}

describe('allocateCohort: hard constraints', () => {
  it('never breaks week, distance or capacity (random Gard-like cohorts)', () => {
    for (let seed = 1; seed <= 25; seed++) {
      const cohort = syntheticCohort(seed, { pupils: 160, offers: 40, weeks: 3 });
      expectFeasible(cohort, allocateCohort(cohort));
    }
  });

  it('never breaks them on small adversarial instances either', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const instance = tinyInstance(seed);
      expectFeasible(instance, allocateCohort(instance));
    }
  });

  it('finds every offer within the distance, also across the antimeridian and near a pole', () => {
    const at = (lat: number, lon: number): Place => ({ code: '00000', name: `${lat},${lon}`, lat, lon });
    const rad = Math.PI / 180;
    // The easternmost point of a circle of radius km: sin φ = sin φ0 / cos θ, sin Δλ = sin θ / cos φ0.
    const farthestEast = (lat: number, km: number) => {
      const theta = km / EARTH_RADIUS_KM;
      return at(Math.asin(Math.sin(lat * rad) / Math.cos(theta)) / rad, Math.asin(Math.sin(theta) / Math.cos(lat * rad)) / rad);
    };
    const cases = [
      { from: at(0, 179.95), to: at(0, -179.95) }, // ≈ 11 km apart
      { from: at(89.95, 0), to: at(89.95, 180) }, // ≈ 11 km apart, over the pole
      { from: at(80, 0), to: farthestEast(80, 50) },
      { from: places.leVigan, to: places.ales },
    ];
    for (const { from, to } of cases) {
      const km = haversineKm(from, to);
      const pupils = [
        pupil('juste', { place: from, maxDistanceKm: km }),
        pupil('court', { place: from, maxDistanceKm: km * 0.999 }),
      ];
      const result = allocate([offer('o', { place: to, capacity: 2 })], pupils);
      expect(result.assignments, `${from.name} → ${to.name}`).toEqual({ juste: 'o', court: null });
    }
  });

  it('counts capacity per week: pupils of different weeks do not compete', () => {
    const result = allocate([offer('radio', { weeks: [W07, W08] })], [pupil('a', { week: W07 }), pupil('b', { week: W08 })]);
    expect(result.assignments).toEqual({ a: 'radio', b: 'radio' });
  });

  it('ignores offers that are not internships, and a missing capacity means no seat', () => {
    const notStage = { ...offer('lieu'), kind: 'lieu' as const };
    const result = allocate([notStage, offer('sans-capacite', { capacity: undefined })], [pupil('a', { wishes: ['lieu'] })]);
    expect(result.assignments).toEqual({ a: null });
    expect(result.reasons.a).toContain(
      'aucun vœu possible : 1er vœu « lieu » inconnu (aucune offre de stage ne porte cet identifiant)',
    );
  });

  it('refuses duplicate ids', () => {
    expect(() => allocate([offer('o'), offer('o')], [])).toThrow(/identifiant d’offre en double : o/);
    expect(() => allocate([], [pupil('a'), pupil('a')])).toThrow(/identifiant d’élève en double : a/);
  });
});

describe('allocateCohort: objective', () => {
  it('gives the only seat to the priority pupil, even against a first wish and a better fit', () => {
    // Id order would serve « a » first: a greedy pass would fill the seat before « z » arrives.
    const result = allocate([offer('radio')], [pupil('a', { wishes: ['radio'] }), pupil('z', { priority: true })], {
      'a radio': 1,
    });
    expect(result.assignments).toEqual({ a: null, z: 'radio' });
    expect(result.stats).toMatchObject({ priorityPupils: 1, priorityPlaced: 1, placed: 1 });
  });

  it('moves a pupil to another offer rather than leave a priority pupil out', () => {
    const offers = [offer('radio'), offer('jardin', { place: places.uzes })];
    const pupils = [
      pupil('a', { maxDistanceKm: 40, wishes: ['radio', 'jardin'] }),
      pupil('z', { priority: true }), // only the radio is within 10 km
    ];
    const result = allocate(offers, pupils);
    expect(result.assignments).toEqual({ a: 'jardin', z: 'radio' });
    expect(result.reasons.a).toEqual([
      `Placé(e) à « Stage jardin » (Uzès), à ${Math.round(haversineKm(places.nimes, places.uzes))} km, semaine du 15 février 2027`,
      '2e vœu respecté',
      '1er vœu « Stage radio » complet (sa place est prise par un(e) élève prioritaire)',
    ]);
  });

  it('places as many pupils as possible before honouring wishes', () => {
    const offers = [offer('radio'), offer('jardin', { place: places.uzes })];
    const pupils = [pupil('a', { maxDistanceKm: 40, wishes: ['radio'] }), pupil('b')];
    const result = allocate(offers, pupils);
    expect(result.assignments).toEqual({ a: 'jardin', b: 'radio' });
    expect(result.stats).toMatchObject({ placed: 2, wishesHonoured: { firstChoice: 0, anyWish: 0 } });
  });

  it('honours wishes in rank order when seats are free', () => {
    const offers = [offer('radio', { capacity: 2 }), offer('jardin', { capacity: 2 }), offer('velo', { capacity: 2 })];
    const result = allocate(offers, [pupil('a', { wishes: ['velo', 'radio'] }), pupil('b', { wishes: ['jardin'] })], {
      'a radio': 1,
    });
    expect(result.assignments).toEqual({ a: 'velo', b: 'jardin' });
    expect(result.reasons.a).toContain('1er vœu respecté');
    expect(result.stats.wishesHonoured).toEqual({ firstChoice: 2, anyWish: 2 });
  });

  it('maximises first wishes before second wishes (lexicographic, not a count of wishes)', () => {
    // Either {a→radio, b or c→velo} (two first wishes) or {a→jardin, b→radio, c→velo} (one first, two seconds).
    const offers = [offer('radio'), offer('jardin'), offer('velo'), offer('repli', { capacity: 5 })];
    const pupils = [
      pupil('a', { wishes: ['radio', 'jardin'] }),
      pupil('b', { wishes: ['velo', 'radio'] }),
      pupil('c', { wishes: ['velo'] }),
    ];
    const result = allocate(offers, pupils);
    expect(result.stats).toMatchObject({ placed: 3, wishesHonoured: { firstChoice: 2, anyWish: 2 } });
    expect(result.assignments.a).toBe('radio');
  });

  it('then maximises interest fit', () => {
    const offers = [offer('radio'), offer('jardin')];
    const table = { 'a radio': 0.9, 'a jardin': 0.8, 'b radio': 0.9, 'b jardin': 0.1 };
    const result = allocate(offers, [pupil('a'), pupil('b')], table);
    expect(result.assignments).toEqual({ a: 'jardin', b: 'radio' });
    expect(result.reasons.a).toContain('centres d’intérêt proches');
  });

  it('matches an exhaustive search on small random instances (priority, placed, each wish rank, fit)', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const instance = tinyInstance(seed);
      const result = allocateCohort(instance);
      const best = bruteForceOptimum(instance, instance.maxRank);
      expect(objective(instance, result.assignments, instance.maxRank), `seed ${seed}`).toEqual(best);
      expect(result.stats.priorityPlaced).toBe(best[0]);
      expect(result.stats.placed).toBe(best[1]);
      expect(result.stats.wishesHonoured.firstChoice).toBe(instance.maxRank ? best[2] : 0);
    }
  });

  it('on larger cohorts, places the most priority pupils possible and, still, the most pupils possible', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const cohort = syntheticCohort(seed, { pupils: 300, offers: 50, weeks: 2 });
      const result = allocateCohort(cohort);
      expect(result.stats.priorityPlaced, `seed ${seed}`).toBe(maxPlaceable(cohort, (p) => p.priority));
      expect(result.stats.placed, `seed ${seed}`).toBe(maxPlaceable(cohort, () => true));
    }
  });

  it('leaves no free seat that would improve anyone: unplaced pupils, better wishes, priority over non-priority', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const cohort = syntheticCohort(seed, { pupils: 300, offers: 60, weeks: 3 });
      const { assignments } = allocateCohort(cohort);
      const holders = new Map<string, Pupil[]>();
      for (const p of cohort.pupils) {
        const id = assignments[p.id];
        if (id) holders.set(`${id} ${p.week}`, [...(holders.get(`${id} ${p.week}`) ?? []), p]);
      }
      const full = (o: Offer, week: string) => (holders.get(`${o.id} ${week}`)?.length ?? 0) >= (o.capacity ?? 0);
      for (const p of cohort.pupils) {
        const current = assignments[p.id] ?? null;
        const currentRank = current ? rankOf(p, current) || Infinity : Infinity;
        for (const o of cohort.offers.filter((o) => feasible(p, o))) {
          const rank = rankOf(p, o.id) || Infinity;
          if (current === null || rank < currentRank) expect(full(o, p.week), `${p.id} could take ${o.id}`).toBe(true);
          if (current === null && p.priority) {
            expect(
              holders.get(`${o.id} ${p.week}`)?.every((h) => h.priority),
              `${p.id} vs holders of ${o.id}`,
            ).toBe(true);
          }
        }
      }
    }
  });
});

describe('allocateCohort: determinism', () => {
  it('gives the same output for shuffled input', () => {
    const cohort = syntheticCohort(7, { pupils: 400, offers: 80, weeks: 3 });
    const reference = JSON.stringify(allocateCohort(cohort));
    for (let seed = 1; seed <= 3; seed++) {
      const random = seededRandom(seed);
      const shuffledInput = { ...cohort, offers: shuffled(cohort.offers, random), pupils: shuffled(cohort.pupils, random) };
      expect(JSON.stringify(allocateCohort(shuffledInput))).toBe(reference);
    }
  });

  it('breaks exact ties by id', () => {
    const result = allocate([offer('radio'), offer('jardin')], [pupil('b'), pupil('a'), pupil('c')]);
    expect(result.assignments).toEqual({ a: 'jardin', b: 'radio', c: null });
  });
});

describe('allocateCohort: reasons in French', () => {
  it('explains a placement: where, how far, which week, wish, interests, priority', () => {
    const result = allocate(
      [offer('radio', { title: 'Radio associative' })],
      [pupil('a', { wishes: ['radio'], priority: true })],
      { 'a radio': 0.8 },
    );
    expect(result.reasons.a).toEqual([
      'Placé(e) à « Radio associative » (Nîmes), à moins de 1 km, semaine du 15 février 2027',
      '1er vœu respecté',
      'centres d’intérêt proches',
      'priorité : élève sans réseau (QPV/REP, FRR)',
    ]);
  });

  it('does not claim close interests for a weak fit, nor mention wishes never made', () => {
    const result = allocate(
      [offer('radio', { title: 'Radio associative', place: places.uzes })],
      [pupil('a', { maxDistanceKm: 30 })],
      {
        'a radio': 0.2,
      },
    );
    expect(result.reasons.a).toEqual([
      `Placé(e) à « Radio associative » (Uzès), à ${Math.round(haversineKm(places.nimes, places.uzes))} km, semaine du 15 février 2027`,
    ]);
  });

  it('says when no offer runs that week', () => {
    const result = allocate([offer('radio')], [pupil('a', { week: '2027-W10' })]);
    expect(result.reasons.a).toEqual(['Non placé(e) : aucune offre la semaine du 8 mars 2027']);
  });

  it('says when every offer of the week is too far, naming the nearest', () => {
    const result = allocate(
      [offer('radio', { title: 'Radio associative' })],
      [pupil('a', { place: places.ales, maxDistanceKm: 15 })],
    );
    expect(result.reasons.a).toEqual([
      'Non placé(e) : aucune offre à moins de 15 km la semaine du 15 février 2027 (la plus proche, « Radio associative » à Nîmes, est à 37,5 km)',
    ]);
  });

  it('says when every possible offer is full, and how many seats went to priority pupils', () => {
    const offers = [offer('radio', { capacity: 2 }), offer('jardin')];
    const pupils = [
      pupil('p1', { priority: true }),
      pupil('p2', { priority: true }),
      pupil('x'),
      pupil('y', { wishes: ['jardin', 'radio'] }),
    ];
    const result = allocate(offers, pupils, { 'y jardin': 0 });
    const unplaced = Object.keys(result.assignments).filter((id) => result.assignments[id] === null);
    expect(unplaced).toHaveLength(1);
    const reasons = result.reasons[unplaced[0]!]!;
    expect(reasons[0]).toBe(
      'Non placé(e) : les 2 offres possibles la semaine du 15 février 2027 sont complètes (3 places, dont 2 données en priorité à des élèves sans réseau)',
    );
    expect(reasons[1]).toBe('placer cet(te) élève aurait obligé à retirer sa place à un(e) autre élève');
  });

  it('explains wishes that could not be honoured: unknown, wrong week, too far, full', () => {
    const offers = [
      offer('autre-semaine', { title: 'Ferme', weeks: [W08] }),
      offer('loin', { title: 'Recyclerie', place: places.ales }),
      offer('pleine', { title: 'Radio associative' }),
      offer('libre', { title: 'Jardin partagé' }),
    ];
    const pupils = [
      pupil('a', { wishes: ['pleine'], priority: true }),
      pupil('b', { wishes: ['inconnue', 'autre-semaine', 'loin', 'pleine'] }),
    ];
    const result = allocate(offers, pupils);
    expect(result.assignments).toEqual({ a: 'pleine', b: 'libre' });
    expect(result.reasons.b).toEqual([
      'Placé(e) à « Jardin partagé » (Nîmes), à moins de 1 km, semaine du 15 février 2027',
      'aucun vœu possible : 1er vœu « inconnue » inconnu (aucune offre de stage ne porte cet identifiant) ; ' +
        '2e vœu « Ferme » pas proposé cette semaine ; 3e vœu « Recyclerie » trop loin (37,5 km, pour 10 km au plus) ; ' +
        '4e vœu « Radio associative » complet (sa place est prise par un(e) élève prioritaire)',
    ]);
  });

  it('explains an invalid week', () => {
    const result = allocate([offer('radio')], [pupil('a', { week: '2027-W53' })]);
    expect(result.assignments).toEqual({ a: null });
    expect(result.reasons.a).toEqual(['Non placé(e) : semaine « 2027-W53 » invalide (attendu AAAA-Sss, ex. 2027-W07)']);
  });

  it('reports every pupil, with stats', () => {
    const cohort = syntheticCohort(3, { pupils: 200, offers: 30, weeks: 2 });
    const result = allocateCohort(cohort);
    for (const p of cohort.pupils) {
      const [first] = result.reasons[p.id]!;
      expect(first).toMatch(result.assignments[p.id] ? /^Placé\(e\) à « .+ » \(.+\), à .+, semaine du / : /^Non placé\(e\) : /);
      expect(result.reasons[p.id]!.includes('priorité : élève sans réseau (QPV/REP, FRR)')).toBe(p.priority);
      expect(result.reasons[p.id]!.join(' ')).not.toMatch(/\d\.\d/); // no bare score
    }
    const placed = cohort.pupils.filter((p) => result.assignments[p.id]);
    expect(result.stats).toEqual({
      pupils: 200,
      placed: placed.length,
      priorityPupils: cohort.pupils.filter((p) => p.priority).length,
      priorityPlaced: placed.filter((p) => p.priority).length,
      wishesHonoured: {
        firstChoice: placed.filter((p) => rankOf(p, result.assignments[p.id]!) === 1).length,
        anyWish: placed.filter((p) => rankOf(p, result.assignments[p.id]!) > 0).length,
      },
    });
  });
});

describe('syntheticCohort (the benchmark’s data)', () => {
  it('is a pure function of its seed, with Gard-like places, valid weeks and 1–4 seats', () => {
    const options = { pupils: 300, offers: 60, weeks: 4 };
    const cohort = syntheticCohort(11, options);
    const again = syntheticCohort(11, options);
    expect(JSON.stringify(again)).toBe(JSON.stringify(cohort));
    expect(JSON.stringify(syntheticCohort(12, options).pupils)).not.toBe(JSON.stringify(cohort.pupils));
    expect(cohort.weeks).toEqual(['2027-W03', '2027-W04', '2027-W05', '2027-W06']);
    expect(cohort.pupils).toHaveLength(300);
    expect(cohort.offers).toHaveLength(60);
    for (const { place } of [...cohort.pupils, ...cohort.offers]) {
      expect(place.lat).toBeGreaterThanOrEqual(43.5);
      expect(place.lat).toBeLessThanOrEqual(44.4);
      expect(place.lon).toBeGreaterThanOrEqual(3.3);
      expect(place.lon).toBeLessThanOrEqual(4.8);
    }
    for (const o of cohort.offers) {
      expect(o.weeks!.length).toBeGreaterThan(0);
      expect(o.weeks!.every((w) => cohort.weeks.includes(w))).toBe(true);
      expect([1, 2, 3, 4]).toContain(o.capacity);
    }
    const p = cohort.pupils.find((pupil) => pupil.wishes)!;
    const o = cohort.offers.find((offer) => offer.id === p.wishes![0])!;
    expect(cohort.interestFit(p, o)).toBeGreaterThanOrEqual(0);
    expect(cohort.interestFit(p, o)).toBeLessThanOrEqual(1);
  });
});

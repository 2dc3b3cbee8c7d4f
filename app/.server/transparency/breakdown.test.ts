import { describe, expect, it } from 'vitest';
import type { Relatedness } from '../../../matching/rank';
import type { Pupil } from '../../../matching/types';
import { internshipNeed, internshipOffer, places, skillNeed, skillOffer } from '../../../tests/support/matching-builders';
import { pairBreakdown, pupilBreakdown } from './breakdown';

/** A fixed similarity, so every number below can be computed by hand. */
const related = (similarity: number, shared: string[] = []): Relatedness => ({
  similarity: () => similarity,
  sharedTerms: () => shared,
});

const valuesOf = (rows: ReturnType<typeof pairBreakdown>['rows']) =>
  Object.fromEntries(rows.map((row) => [row.component, { value: row.value, weight: row.weight, weighted: row.weighted }]));

describe('pairBreakdown', () => {
  it('gives each component, its weight and its share for a skill offer in the same commune, published 73 days ago', () => {
    const need = skillNeed({ maxDistanceKm: 25 });
    const offer = skillOffer({ publishedAt: '2026-09-16' });
    const breakdown = pairBreakdown(need, offer, related(0.6, ['graphisme']), '2026-11-28');
    // 0.7 × 0.6 + 0.2 × (1 − 0 / 25) + 0.1 × (1 − 73 / 365) + 0 = 0.42 + 0.2 + 0.08 = 0.7
    const values = valuesOf(breakdown.rows);
    expect(values.similarity).toEqual({ value: 0.6, weight: 0.7, weighted: expect.closeTo(0.42, 12) });
    expect(values.proximity).toEqual({ value: 1, weight: 0.2, weighted: 0.2 });
    expect(values.freshness).toEqual({ value: expect.closeTo(0.8, 12), weight: 0.1, weighted: expect.closeTo(0.08, 12) });
    expect(values.priority).toEqual({ value: 0, weight: 0.1, weighted: 0 });
    expect(breakdown.score).toBe(0.7);
    expect(breakdown.distanceKm).toBe(0);
    expect(breakdown.rows.find((row) => row.component === 'freshness')?.detail).toContain('73 jour(s)');
    expect(breakdown.rows.find((row) => row.component === 'similarity')?.detail).toContain('graphisme');
    expect(breakdown.constraints).toEqual([
      { title: 'Même type', failure: null },
      { title: 'Structure éligible', failure: null },
      { title: 'Distance', failure: null },
      { title: 'Périodes', failure: null },
    ]);
    expect(breakdown.reasons).toContain('compétences proches : graphisme');
  });

  it('counts a remote offer far away as half close, and an undated offer as half fresh', () => {
    const need = skillNeed({ maxDistanceKm: 25 });
    const offer = skillOffer({ place: places.leVigan, remote: true, radiusKm: 10 });
    const breakdown = pairBreakdown(need, offer, related(0.3), '2026-11-28');
    // Le Vigan is about 60 km from Nîmes, beyond the 25 km asked: 1 − d / 25 < 0, so the remote floor 0.5 applies.
    // 0.7 × 0.3 + 0.2 × 0.5 + 0.1 × 0.5 = 0.21 + 0.1 + 0.05 = 0.36
    const values = valuesOf(breakdown.rows);
    expect(values.proximity).toEqual({ value: 0.5, weight: 0.2, weighted: 0.1 });
    expect(values.freshness).toEqual({ value: 0.5, weight: 0.1, weighted: 0.05 });
    expect(breakdown.score).toBe(0.36);
    expect(breakdown.distanceKm).toBeGreaterThan(50);
    expect(breakdown.constraints.every((outcome) => outcome.failure === null)).toBe(true);
  });

  it('adds the priority bonus to a priority stage need, and names the constraint a pair breaks', () => {
    const need = internshipNeed({ priority: true, week: '2027-W07' });
    const offer = internshipOffer({ weeks: ['2027-W07'], publishedAt: '2026-11-28' });
    const breakdown = pairBreakdown(need, offer, related(0.5), '2026-11-28');
    // 0.7 × 0.5 + 0.2 × 1 + 0.1 × 1 + 0.1 = 0.35 + 0.2 + 0.1 + 0.1 = 0.75
    expect(valuesOf(breakdown.rows).priority).toEqual({ value: 1, weight: 0.1, weighted: 0.1 });
    expect(breakdown.score).toBe(0.75);

    const ineligible = pairBreakdown(skillNeed({ requesterEligibleMecenat: false }), skillOffer(), related(0.5), '2026-11-28');
    expect(ineligible.constraints.find((outcome) => outcome.title === 'Structure éligible')?.failure).toContain('n’est pas éligible');
  });
});

describe('pupilBreakdown', () => {
  const pupil: Pupil = { id: 'p1', place: places.nimes, week: '2027-W07', maxDistanceKm: 30, interests: 'radio', priority: true };
  const near = internshipOffer({ id: 'o-near' });
  const uzes = internshipOffer({ id: 'o-uzes', place: places.uzes });
  const fits: Record<string, number> = { 'o-near': 0.8, 'o-uzes': 0.4004 };
  const fit = (_: Pupil, offer: { id: string }) => fits[offer.id] ?? 0;

  it('gives the fit in thousandths with every host, and what the pupil’s seat adds to each criterion', () => {
    const breakdown = pupilBreakdown(pupil, [near, uzes], fit, 'o-near');
    expect(breakdown.options.map(({ offerId, fit: thousandths, close }) => ({ offerId, thousandths, close }))).toEqual([
      { offerId: 'o-near', thousandths: 800, close: true },
      { offerId: 'o-uzes', thousandths: 400, close: false },
    ]);
    expect(breakdown.options[0]!.distanceKm).toBe(0);
    expect(breakdown.options[1]!.distanceKm).toBeGreaterThan(10);
    expect(breakdown.objective).toEqual({ priorityPlaced: 1, placed: 1, fit: 800 });
  });

  it('adds nothing for a pupil left without a host', () => {
    expect(pupilBreakdown({ ...pupil, priority: false }, [near], fit, null).objective).toEqual({ priorityPlaced: 0, placed: 0, fit: null });
  });
});

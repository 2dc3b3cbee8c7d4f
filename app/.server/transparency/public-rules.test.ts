import { describe, expect, it } from 'vitest';
import { CLOSE_FIT, FIT_SCALE } from '../../../matching/allocation';
import { HARD_CONSTRAINTS } from '../../../matching/constraints';
import { EARTH_RADIUS_KM } from '../../../matching/geo';
import { FRESHNESS_HORIZON_DAYS, PRIORITY_BONUS, REMOTE_PROXIMITY, SCORE_WEIGHTS, UNDATED_FRESHNESS } from '../../../matching/scoring';
import { KINDS } from '../../../matching/types';
import { CANDIDATE_POOL, TOP } from '../matching/suggestions';
import { CONSTRAINT_RULES, engineRules } from './public-rules';

describe('the rules published on /transparence', () => {
  it('are the engine’s constants, read from the engine', () => {
    const rules = engineRules();
    expect(rules.suggestion.weights).toEqual(SCORE_WEIGHTS);
    expect(rules.suggestion.priorityBonus).toBe(PRIORITY_BONUS);
    expect(rules.suggestion.remoteProximity).toBe(REMOTE_PROXIMITY);
    expect(rules.suggestion.freshnessHorizonDays).toBe(FRESHNESS_HORIZON_DAYS);
    expect(rules.suggestion.undatedFreshness).toBe(UNDATED_FRESHNESS);
    expect(rules.suggestion.shown).toBe(TOP);
    expect(rules.suggestion.candidatePool).toBe(CANDIDATE_POOL);
    expect(rules.allocation).toEqual({ fitScale: FIT_SCALE, closeFit: CLOSE_FIT });
    expect(rules.earthRadiusKm).toBe(EARTH_RADIUS_KM);
  });

  it('publish weights that sum to one, so the score stays between 0 and 1 before the priority bonus', () => {
    const { weights } = engineRules().suggestion;
    expect(weights.similarity + weights.proximity + weights.freshness).toBeCloseTo(1, 12);
  });

  it('describe every hard constraint of the engine, in the engine’s order, and nothing else', () => {
    expect(CONSTRAINT_RULES.map((rule) => rule.check)).toEqual([...HARD_CONSTRAINTS]);
  });

  it('list, for each kind, the constraints that can refuse a pair of that kind', () => {
    const filters = engineRules().suggestion.filters;
    expect(filters.map((group) => group.kind)).toEqual([...KINDS]);
    const titles = Object.fromEntries(filters.map((group) => [group.kind, group.rules.map((rule) => rule.title)]));
    expect(titles).toEqual({
      competence: ['Même type', 'Structure éligible', 'Distance', 'Périodes'],
      lieu: ['Même type', 'Distance', 'Périodes', 'Bien adapté'],
      stage: ['Même type', 'Distance', 'Semaine et places'],
    });
  });
});

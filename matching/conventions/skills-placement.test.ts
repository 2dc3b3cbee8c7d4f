import { describe, expect, it } from 'vitest';
import { checkSkillsPlacement, durationLabel, eligibilityLabel, type SkillsPlacementInput } from './skills-placement';

const valid: SkillsPlacementInput = {
  agentStatus: 'FONCTIONNAIRE',
  hostEligibility: 'ARUP',
  hostEligibilityVerified: true,
  start: '2026-01-01',
  end: '2026-06-30',
  previousPlacements: [],
  experimentEnd: '2027-12-27',
};
// Far enough not to interfere with the duration checks.
const LATE_END = '2035-12-31';

const check = (change: Partial<SkillsPlacementInput>) => checkSkillsPlacement({ ...valid, ...change });
const ruleIds = (change: Partial<SkillsPlacementInput>) => check(change).map((violation) => violation.ruleId);

describe('durationLabel', () => {
  it('counts whole months, then days, the last day included', () => {
    expect(durationLabel('2026-01-01', '2026-06-30')).toBe('6 mois');
    expect(durationLabel('2026-01-01', '2027-02-28')).toBe('1 an et 2 mois');
    expect(durationLabel('2026-01-01', '2027-07-03')).toBe('1 an, 6 mois et 3 jours');
    expect(durationLabel('2026-01-01', '2026-12-31')).toBe('1 an');
    expect(durationLabel('2024-01-01', '2026-12-31')).toBe('3 ans');
    expect(durationLabel('2026-01-01', '2028-01-05')).toBe('2 ans et 5 jours');
    expect(durationLabel('2026-01-15', '2026-01-15')).toBe('1 jour');
    expect(durationLabel('2026-01-01', '2026-01-10')).toBe('10 jours');
    expect(durationLabel('2026-01-15', '2026-02-14')).toBe('1 mois');
    expect(durationLabel('2026-01-15', '2026-02-15')).toBe('1 mois et 1 jour');
  });

  it('ends a month started on the 31st on the eve of the same day, or of the last day of a shorter month', () => {
    // 31 January + 1 month = 28 February (2026) or 29 February (2024).
    expect(durationLabel('2026-01-31', '2026-02-27')).toBe('1 mois');
    expect(durationLabel('2026-01-31', '2026-02-28')).toBe('1 mois et 1 jour');
    expect(durationLabel('2024-01-31', '2024-02-28')).toBe('1 mois');
    expect(durationLabel('2024-01-31', '2024-02-29')).toBe('1 mois et 1 jour');
    // Counted from the 31st each time, not month after month: 31 January + 2 months = 31 March.
    expect(durationLabel('2026-01-31', '2026-03-30')).toBe('2 mois');
    expect(durationLabel('2026-03-31', '2026-04-29')).toBe('1 mois');
    // Whole calendar months.
    expect(durationLabel('2026-02-01', '2026-02-28')).toBe('1 mois');
    expect(durationLabel('2026-02-01', '2026-03-31')).toBe('2 mois');
  });

  it('gives "n mois" from the first of a month to the last day of the (n-1)-th month after', () => {
    for (let n = 1; n <= 11; n++) {
      // Day 0 of month n+1 (1-based month index n) is the last day of month n.
      const last = new Date(Date.UTC(2026, n, 0)).toISOString().slice(0, 10);
      expect(durationLabel('2026-01-01', last), last).toBe(`${n} mois`);
    }
  });

  it('refuses malformed dates and an end before the start', () => {
    expect(() => durationLabel('2026-02-30', '2026-03-31')).toThrow(RangeError);
    expect(() => durationLabel('2026-03-01', '2026-02-28')).toThrow(RangeError);
  });
});

describe('eligibilityLabel', () => {
  it('names each kind of host as the convention writes it', () => {
    expect(eligibilityLabel('INTERET_GENERAL')).toBe(
      'organisme d’intérêt général au sens de l’article 238 bis, 1, a du code général des impôts',
    );
    expect(eligibilityLabel('ARUP')).toBe('association reconnue d’utilité publique');
    expect(eligibilityLabel('FONDATION')).toBe('fondation (autre qu’une fondation d’entreprise)');
    expect(eligibilityLabel('NONE')).toBe('organisme non éligible au mécénat de compétences');
  });
});

describe('checkSkillsPlacement', () => {
  it('accepts a six-month placement of a fonctionnaire with a verified host', () => {
    expect(checkSkillsPlacement(valid)).toEqual([]);
    expect(ruleIds({ hostEligibility: 'INTERET_GENERAL' })).toEqual([]);
    expect(ruleIds({ hostEligibility: 'FONDATION' })).toEqual([]);
  });

  it('refuses a contractual agent, explaining why', () => {
    const violations = check({ agentStatus: 'CONTRACTUEL' });
    expect(violations.map((violation) => violation.ruleId)).toEqual(['statut']);
    expect(violations[0]?.message).toContain('Seul un fonctionnaire');
    expect(violations[0]?.message).toContain('agents contractuels');
    expect(violations[0]?.message).toContain('(loi n° 2022-217 du 21 février 2022, art. 209)');
  });

  it('refuses an ineligible host, whatever was verified', () => {
    const violations = check({ hostEligibility: 'NONE', hostEligibilityVerified: true });
    expect(violations.map((violation) => violation.ruleId)).toEqual(['organisme-eligible']);
    expect(violations[0]?.message).toContain('article 238 bis, 1, a du code général des impôts');
    expect(violations[0]?.message).toContain('autre qu’une fondation d’entreprise');
    expect(violations[0]?.message).toContain('loi n° 2022-217 du 21 février 2022, art. 209');
    expect(ruleIds({ hostEligibility: 'NONE', hostEligibilityVerified: false })).toEqual(['organisme-eligible']);
  });

  it('refuses an eligibility the Mission ESS has not verified', () => {
    const violations = check({ hostEligibility: 'FONDATION', hostEligibilityVerified: false });
    expect(violations.map((violation) => violation.ruleId)).toEqual(['eligibilite-verifiee']);
    expect(violations[0]?.message).toContain('fondation (autre qu’une fondation d’entreprise)');
    expect(violations[0]?.message).toContain('Mission ESS');
  });

  it('reports reversed and malformed dates without throwing', () => {
    expect(check({ start: '2026-03-01', end: '2026-02-28' })).toEqual([
      { ruleId: 'dates', message: 'La mise à disposition se termine le 28 février 2026, avant de commencer le 1er mars 2026.' },
    ]);
    expect(check({ start: '2026-02-30' })).toEqual([
      { ruleId: 'dates', message: 'Date de début « 2026-02-30 » invalide (attendu AAAA-MM-JJ).' },
    ]);
    expect(ruleIds({ experimentEnd: 'fin 2027' })).toEqual(['dates']);
    expect(ruleIds({ previousPlacements: [{ start: '2025-01-01', end: '2025-13-01' }] })).toEqual(['dates']);
    // A single day is a valid placement.
    expect(ruleIds({ start: '2026-03-01', end: '2026-03-01' })).toEqual([]);
  });

  describe('18 months at most', () => {
    it('ends on the eve of the same day 18 months later', () => {
      // 31 January 2026 + 18 months = 31 July 2027.
      expect(ruleIds({ start: '2026-01-31', end: '2027-07-30', experimentEnd: LATE_END })).toEqual([]);
      const violations = check({ start: '2026-01-31', end: '2027-07-31', experimentEnd: LATE_END });
      expect(violations.map((violation) => violation.ruleId)).toEqual(['duree']);
      expect(violations[0]?.message).toBe(
        'La mise à disposition dure 1 an, 6 mois et 1 jour : elle ne peut pas dépasser 18 mois ' +
          '(loi n° 2022-217 du 21 février 2022, art. 209 ; décret n° 2022-1682 du 27 décembre 2022).',
      );
    });

    it('clamps to the last day of a shorter month', () => {
      // 31 August 2026 + 18 months = 29 February 2028 (leap year): last day 28 February.
      expect(ruleIds({ start: '2026-08-31', end: '2028-02-28', experimentEnd: LATE_END })).toEqual([]);
      expect(ruleIds({ start: '2026-08-31', end: '2028-02-29', experimentEnd: LATE_END })).toEqual(['duree']);
      // 31 March 2026 + 18 months = 30 September 2027: last day 29 September.
      expect(ruleIds({ start: '2026-03-31', end: '2027-09-29', experimentEnd: LATE_END })).toEqual([]);
      expect(ruleIds({ start: '2026-03-31', end: '2027-09-30', experimentEnd: LATE_END })).toEqual(['duree']);
    });
  });

  describe('3 years at most with renewals', () => {
    const first = { start: '2024-01-01', end: '2025-06-30' }; // 18 months
    const second = { start: '2025-07-01', end: '2025-12-31' }; // 6 months

    it('accepts exactly 3 years', () => {
      expect(ruleIds({ previousPlacements: [first, second], start: '2026-01-01', end: '2026-12-31' })).toEqual([]);
    });

    it('refuses 3 years and 1 day', () => {
      const violations = check({ previousPlacements: [first, second], start: '2026-01-01', end: '2027-01-01' });
      expect(violations.map((violation) => violation.ruleId)).toEqual(['duree-totale']);
      expect(violations[0]?.message).toBe(
        'Avec les 2 mises à disposition précédentes de cet agent auprès du même organisme, la durée totale atteint ' +
          '3 ans et 1 jour : renouvellements compris, elle ne peut pas dépasser 3 ans ' +
          '(loi n° 2022-217 du 21 février 2022, art. 209 ; décret n° 2022-1682 du 27 décembre 2022).',
      );
    });

    it('leaves gaps between placements out of the total', () => {
      // 547 days (1 January 2023 – 30 June 2024) + 546 days (1 January 2025 – 30 June 2026) = 1 093 days, within the
      // 1 096 days from 1 January 2023 to 31 December 2025, although the placements span three and a half years.
      const earlier = { start: '2023-01-01', end: '2024-06-30' };
      expect(ruleIds({ previousPlacements: [earlier], start: '2025-01-01', end: '2026-06-30' })).toEqual([]);
      // Starting four days earlier: 551 + 546 = 1 097 days, over the 1 096 from 28 December 2022 to 27 December 2025.
      const violations = check({ previousPlacements: [{ ...earlier, start: '2022-12-28' }], start: '2025-01-01', end: '2026-06-30' });
      expect(violations.map((violation) => violation.ruleId)).toEqual(['duree-totale']);
      expect(violations[0]?.message).toContain('Avec la mise à disposition précédente');
      expect(violations[0]?.message).toContain('la durée totale atteint 3 ans et 1 jour');
    });

    it('counts once a period listed twice (a convention and its amendment)', () => {
      expect(ruleIds({ previousPlacements: [first, first, second], start: '2026-01-01', end: '2026-12-31' })).toEqual([]);
    });
  });

  it('ends by the end of the experiment', () => {
    expect(ruleIds({ start: '2027-01-01', end: '2027-12-27' })).toEqual([]);
    const violations = check({ start: '2027-01-01', end: '2027-12-28' });
    expect(violations).toEqual([
      {
        ruleId: 'fin-experimentation',
        message:
          'La mise à disposition se termine le 28 décembre 2027, après la fin de l’expérimentation le 27 décembre 2027 : ' +
          'elle doit s’achever au plus tard ce jour-là (loi n° 2022-217 du 21 février 2022, art. 209).',
      },
    ]);
  });

  it('reports every broken rule at once', () => {
    expect(
      ruleIds({
        agentStatus: 'CONTRACTUEL',
        hostEligibility: 'ARUP',
        hostEligibilityVerified: false,
        start: '2026-06-01',
        end: '2028-01-31',
      }),
    ).toEqual(['statut', 'eligibilite-verifiee', 'duree', 'fin-experimentation']);
  });
});

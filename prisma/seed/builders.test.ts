import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, isMonday, mondayOnOrAfter, utcDate } from './dates';
import { isValidSiret, isValidUai } from '../../app/lib/identifiers';
import { createSequence, siretFromNumber, uaiFromNumber } from './identifiers';

describe('SIRET', () => {
  it('accepts a known SIRET and rejects it with a wrong key', () => {
    expect(isValidSiret('73282932000074')).toBe(true);
    expect(isValidSiret('73282932000075')).toBe(false);
  });

  it('rejects anything but 14 digits', () => {
    expect(isValidSiret('7328293200007')).toBe(false);
    expect(isValidSiret('732829320000741')).toBe(false);
    expect(isValidSiret('7328293200007A')).toBe(false);
    expect(isValidSiret('732 829 320 00074')).toBe(false);
  });

  it("checks La Poste's establishments by their digit sum", () => {
    expect(isValidSiret('35600000000048')).toBe(true);
    expect(isValidSiret('35600000049837')).toBe(true);
    expect(isValidSiret('35600000049838')).toBe(false);
  });

  it('generates distinct SIRETs whose SIREN and SIRET keys are valid', () => {
    const sirets = Array.from({ length: 500 }, (_, n) => siretFromNumber(n * 199));
    expect(new Set(sirets).size).toBe(sirets.length);
    for (const siret of sirets) {
      expect(isValidSiret(siret)).toBe(true);
      // Leading zeros leave a Luhn sum unchanged: this checks the SIREN's own key.
      expect(isValidSiret(`00000${siret.slice(0, 9)}`)).toBe(true);
    }
    expect(siretFromNumber(42)).toBe(siretFromNumber(42));
  });

  it('refuses numbers it cannot encode', () => {
    expect(() => siretFromNumber(100_000)).toThrow(RangeError);
    expect(() => siretFromNumber(-1)).toThrow(RangeError);
  });
});

describe('UAI', () => {
  it('generates Gard UAIs with their key letter', () => {
    expect(uaiFromNumber(1)).toMatch(/^0300001[A-Z]$/);
    for (let n = 0; n < 300; n++) expect(isValidUai(uaiFromNumber(n))).toBe(true);
  });

  it('rejects a wrong key letter or format', () => {
    const uai = uaiFromNumber(12);
    const wrongLetter = uai.endsWith('A') ? `${uai.slice(0, 7)}B` : `${uai.slice(0, 7)}A`;
    expect(isValidUai(wrongLetter)).toBe(false);
    expect(isValidUai('030001A')).toBe(false);
    expect(isValidUai('0300001a')).toBe(false);
  });
});

describe('sequence', () => {
  it('counts up from its start, independently of other sequences', () => {
    const a = createSequence(5);
    const b = createSequence();
    expect([a.next(), a.next(), b.next(), a.next()]).toEqual([5, 6, 1, 7]);
  });
});

describe('dates', () => {
  it('builds UTC midnight dates and refuses impossible ones', () => {
    expect(utcDate('2026-12-07').toISOString()).toBe('2026-12-07T00:00:00.000Z');
    expect(() => utcDate('2027-02-30')).toThrow(RangeError);
    expect(() => utcDate('07/12/2026')).toThrow(RangeError);
  });

  it('recognises Mondays at midnight UTC only', () => {
    expect(isMonday(utcDate('2026-12-07'))).toBe(true);
    expect(isMonday(utcDate('2026-12-08'))).toBe(false);
    expect(isMonday(new Date('2026-12-07T09:00:00.000Z'))).toBe(false);
  });

  it('finds the Monday on or after any day', () => {
    expect(mondayOnOrAfter(utcDate('2026-12-07'))).toEqual(utcDate('2026-12-07'));
    expect(mondayOnOrAfter(new Date('2026-11-28T19:45:00.000Z'))).toEqual(utcDate('2026-11-30'));
    expect(mondayOnOrAfter(utcDate('2026-12-13'))).toEqual(utcDate('2026-12-14'));
    for (let day = 0; day < 14; day++) expect(isMonday(mondayOnOrAfter(addDays(utcDate('2027-03-01'), day)))).toBe(true);
  });

  it('counts calendar days between dates', () => {
    expect(daysBetween(utcDate('2026-12-07'), utcDate('2027-03-29'))).toBe(112);
    expect(daysBetween(new Date('2026-11-28T23:00:00.000Z'), utcDate('2026-11-30'))).toBe(2);
  });
});

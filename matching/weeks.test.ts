import { describe, expect, it } from 'vitest';
import { formatWeekFr, isIsoWeek, isoWeekMonday, isoWeekOf, isoWeeksInYear, parseIsoWeek } from './weeks';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const DAY_MS = 86_400_000;

// Independent definition: every ISO week has exactly one Thursday, in its own week-year.
function thursdaysIn(year: number): number {
  let count = 0;
  for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += DAY_MS) if (new Date(t).getUTCDay() === 4) count++;
  return count;
}

describe('isoWeeksInYear', () => {
  it('knows the 53-week years: Thursday starts, and leap years starting on a Wednesday', () => {
    expect(isoWeeksInYear(2026)).toBe(53); // starts on a Thursday
    expect(isoWeeksInYear(2020)).toBe(53); // leap, starts on a Wednesday
    expect(isoWeeksInYear(2032)).toBe(53); // leap, starts on a Thursday
    expect(isoWeeksInYear(2027)).toBe(52);
    expect(isoWeeksInYear(2024)).toBe(52); // leap, starts on a Monday
    expect(isoWeeksInYear(2019)).toBe(52); // starts on a Tuesday
  });

  it('equals the number of Thursdays of the year, 1900–2100', () => {
    for (let year = 1900; year <= 2100; year++) expect(isoWeeksInYear(year), String(year)).toBe(thursdaysIn(year));
  });
});

describe('parseIsoWeek / isIsoWeek', () => {
  it('reads YYYY-Www', () => {
    expect(parseIsoWeek('2027-W07')).toEqual({ year: 2027, week: 7 });
    expect(parseIsoWeek('2026-W53')).toEqual({ year: 2026, week: 53 });
    expect(isIsoWeek('2027-W01')).toBe(true);
  });

  it('accepts W53 only in years that have it', () => {
    expect(isIsoWeek('2026-W53')).toBe(true);
    expect(isIsoWeek('2020-W53')).toBe(true);
    expect(isIsoWeek('2027-W53')).toBe(false);
    expect(isIsoWeek('2024-W53')).toBe(false);
  });

  it('rejects malformed weeks', () => {
    for (const text of [
      '2027-W00',
      '2027-W54',
      '2027-W7',
      '2027W07',
      '2027-w07',
      '27-W07',
      ' 2027-W07',
      '2027-W07 ',
      '2027-07',
      '',
    ]) {
      expect(parseIsoWeek(text), text).toBeNull();
    }
  });
});

describe('isoWeekMonday', () => {
  it('is the Monday of the week containing 4 January for W01', () => {
    expect(isoWeekMonday('2021-W01')).toEqual(day('2021-01-04')); // 1 January 2021 is a Friday: week 53 of 2020
    expect(isoWeekMonday('2026-W01')).toEqual(day('2025-12-29')); // week 1 of 2026 starts in 2025
    expect(isoWeekMonday('2027-W01')).toEqual(day('2027-01-04'));
  });

  it('gives the reference dates', () => {
    expect(isoWeekMonday('2027-W07')).toEqual(day('2027-02-15'));
    expect(isoWeekMonday('2026-W53')).toEqual(day('2026-12-28'));
    expect(isoWeekMonday('2020-W53')).toEqual(day('2020-12-28'));
  });

  it('throws a French RangeError on an invalid week', () => {
    expect(() => isoWeekMonday('2027-W53')).toThrow(RangeError);
    expect(() => isoWeekMonday('2027-W53')).toThrow(/semaine ISO invalide/);
    expect(() => isoWeekMonday('février')).toThrow(/semaine ISO invalide/);
  });
});

describe('isoWeekOf', () => {
  it('puts days at year boundaries in the week-year of their Thursday', () => {
    expect(isoWeekOf(day('2027-01-01'))).toBe('2026-W53');
    expect(isoWeekOf(day('2027-01-03'))).toBe('2026-W53');
    expect(isoWeekOf(day('2027-01-04'))).toBe('2027-W01');
    expect(isoWeekOf(day('2024-12-30'))).toBe('2025-W01');
    expect(isoWeekOf(day('2021-01-03'))).toBe('2020-W53');
  });

  it('uses the UTC calendar day, whatever the time', () => {
    expect(isoWeekOf(new Date('2027-02-21T23:59:59Z'))).toBe('2027-W07'); // Sunday
    expect(isoWeekOf(new Date('2027-02-22T00:00:00Z'))).toBe('2027-W08');
  });

  it('round-trips with isoWeekMonday for every week of 2000–2040, all seven days', () => {
    for (let year = 2000; year <= 2040; year++) {
      for (let week = 1; week <= isoWeeksInYear(year); week++) {
        const text = `${year}-W${String(week).padStart(2, '0')}`;
        const monday = isoWeekMonday(text);
        expect(monday.getUTCDay()).toBe(1);
        for (let d = 0; d < 7; d++) expect(isoWeekOf(new Date(monday.getTime() + d * DAY_MS))).toBe(text);
      }
    }
  });

  it('rejects an invalid date', () => {
    expect(() => isoWeekOf(new Date('pas une date'))).toThrow(RangeError);
  });
});

describe('formatWeekFr', () => {
  it('names the Monday in French', () => {
    expect(formatWeekFr('2027-W07')).toBe('semaine du 15 février 2027');
    expect(formatWeekFr('2027-W31')).toBe('semaine du 2 août 2027');
    expect(formatWeekFr('2026-W01')).toBe('semaine du 29 décembre 2025');
  });

  it('writes the first of the month as an ordinal', () => {
    expect(formatWeekFr('2027-W09')).toBe('semaine du 1er mars 2027');
  });
});

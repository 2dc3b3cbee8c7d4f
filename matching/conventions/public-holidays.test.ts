import { describe, expect, it } from 'vitest';
import { easterSunday, isoDay, parseIsoDay, publicHolidayOn, publicHolidays } from './public-holidays';

describe('easterSunday', () => {
  it('gives the known dates', () => {
    expect(easterSunday(2024)).toBe('2024-03-31');
    expect(easterSunday(2025)).toBe('2025-04-20');
    expect(easterSunday(2026)).toBe('2026-04-05');
    expect(easterSunday(2027)).toBe('2027-03-28');
    expect(easterSunday(2008)).toBe('2008-03-23');
    expect(easterSunday(2019)).toBe('2019-04-21');
    expect(easterSunday(2000)).toBe('2000-04-23');
  });

  it('reaches both ends of its range: 22 March (1818, 2285) and 25 April (1943, 2038)', () => {
    expect(easterSunday(1818)).toBe('1818-03-22');
    expect(easterSunday(2285)).toBe('2285-03-22');
    expect(easterSunday(1943)).toBe('1943-04-25');
    expect(easterSunday(2038)).toBe('2038-04-25');
  });

  it('is always a Sunday between 22 March and 25 April, 1583–3000', () => {
    for (let year = 1583; year <= 3000; year++) {
      const easter = easterSunday(year);
      const date = parseIsoDay(easter);
      expect(date?.getUTCDay(), easter).toBe(0);
      expect(easter >= `${year}-03-22` && easter <= `${year}-04-25`, easter).toBe(true);
    }
  });

  it('refuses years outside the Gregorian calendar', () => {
    expect(() => easterSunday(1582)).toThrow(RangeError);
    expect(() => easterSunday(2027.5)).toThrow(RangeError);
  });
});

describe('publicHolidays', () => {
  it('lists the eleven holidays of 2027 in date order', () => {
    expect(publicHolidays(2027)).toEqual([
      { date: '2027-01-01', name: 'Jour de l’an' },
      { date: '2027-03-29', name: 'Lundi de Pâques' },
      { date: '2027-05-01', name: 'Fête du Travail' },
      { date: '2027-05-06', name: 'Ascension' },
      { date: '2027-05-08', name: 'Victoire du 8 mai 1945' },
      { date: '2027-05-17', name: 'Lundi de Pentecôte' },
      { date: '2027-07-14', name: 'Fête nationale' },
      { date: '2027-08-15', name: 'Assomption' },
      { date: '2027-11-01', name: 'Toussaint' },
      { date: '2027-11-11', name: 'Armistice du 11 novembre 1918' },
      { date: '2027-12-25', name: 'Noël' },
    ]);
  });

  it('places the Easter holidays of 2024, 2025 and 2026', () => {
    const movable = (year: number) =>
      publicHolidays(year)
        .filter((holiday) => ['Lundi de Pâques', 'Ascension', 'Lundi de Pentecôte'].includes(holiday.name))
        .map((holiday) => holiday.date);
    // Easter + 1, + 39, + 50 days.
    expect(movable(2024)).toEqual(['2024-04-01', '2024-05-09', '2024-05-20']);
    expect(movable(2025)).toEqual(['2025-04-21', '2025-05-29', '2025-06-09']);
    expect(movable(2026)).toEqual(['2026-04-06', '2026-05-14', '2026-05-25']);
  });

  it('keeps both holidays when Ascension falls on 1 May (2008)', () => {
    const holidays = publicHolidays(2008);
    expect(holidays).toHaveLength(11);
    expect(holidays.filter((holiday) => holiday.date === '2008-05-01').map((holiday) => holiday.name)).toEqual([
      'Fête du Travail',
      'Ascension',
    ]);
  });
});

describe('publicHolidayOn', () => {
  it('names the holiday of a day, or nothing', () => {
    expect(publicHolidayOn('2027-07-14')).toBe('Fête nationale');
    expect(publicHolidayOn('2026-05-25')).toBe('Lundi de Pentecôte');
    expect(publicHolidayOn('2008-05-01')).toBe('Fête du Travail et Ascension');
    expect(publicHolidayOn('2027-07-15')).toBeUndefined();
    // Good Friday is a holiday only in Alsace-Moselle.
    expect(publicHolidayOn('2027-03-26')).toBeUndefined();
  });

  it('refuses a malformed date', () => {
    expect(() => publicHolidayOn('2027-02-30')).toThrow(RangeError);
  });
});

describe('parseIsoDay / isoDay', () => {
  it('reads real calendar days only', () => {
    expect(isoDay(parseIsoDay('2024-02-29') as Date)).toBe('2024-02-29');
    expect(parseIsoDay('2027-02-29')).toBeNull();
    expect(parseIsoDay('2027-02-30')).toBeNull();
    expect(parseIsoDay('2027-13-01')).toBeNull();
    expect(parseIsoDay('2027-3-1')).toBeNull();
    expect(parseIsoDay('01/03/2027')).toBeNull();
  });
});

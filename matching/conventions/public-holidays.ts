import type { IsoDate } from '../types';

const DAY_MS = 86_400_000;

export interface PublicHoliday {
  date: IsoDate;
  name: string;
}

/** Midnight UTC of a real calendar day written `YYYY-MM-DD`, or null (`2027-02-30` is refused, not rolled over). */
export function parseIsoDay(text: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date : null;
}

/** `YYYY-MM-DD` of a date's UTC calendar day. */
export function isoDay(date: Date): IsoDate {
  const year = String(date.getUTCFullYear()).padStart(4, '0');
  return `${year}-${String(date.getUTCMonth() + 1).padStart(2, '0')}-${String(date.getUTCDate()).padStart(2, '0')}`;
}

export const addDays = (date: Date, days: number): Date => new Date(date.getTime() + days * DAY_MS);

function checkYear(year: number): void {
  // The Gregorian computus only holds from 1583, the first full year of the Gregorian calendar.
  if (!Number.isInteger(year) || year < 1583 || year > 9999) {
    throw new RangeError(`année invalide : ${year} (attendu une année entière du calendrier grégorien, de 1583 à 9999)`);
  }
}

/** Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): IsoDate {
  checkYear(year);
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The eleven public holidays of metropolitan France (Code du travail, art. L3133-1), in date order. Alsace-Moselle's
 * Good Friday and 26 December are not included: the Gard is outside it. Whit Monday stays a public holiday even where
 * it is the journée de solidarité. When two fall on the same day (Ascension on 1 May in 2008), both are listed.
 */
export function publicHolidays(year: number): PublicHoliday[] {
  const easter = parseIsoDay(easterSunday(year)) as Date;
  const fixed = (monthDay: string, name: string): PublicHoliday => ({ date: `${year}-${monthDay}`, name });
  const fromEaster = (days: number, name: string): PublicHoliday => ({ date: isoDay(addDays(easter, days)), name });
  const holidays = [
    fixed('01-01', 'Jour de l’an'),
    fromEaster(1, 'Lundi de Pâques'),
    fixed('05-01', 'Fête du Travail'),
    fixed('05-08', 'Victoire du 8 mai 1945'),
    fromEaster(39, 'Ascension'),
    fromEaster(50, 'Lundi de Pentecôte'),
    fixed('07-14', 'Fête nationale'),
    fixed('08-15', 'Assomption'),
    fixed('11-01', 'Toussaint'),
    fixed('11-11', 'Armistice du 11 novembre 1918'),
    fixed('12-25', 'Noël'),
  ];
  // Stable sort: on a shared date the fixed holiday, listed first, stays first.
  return holidays.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
}

/** Name of the public holiday on that day (« Fête du Travail et Ascension » when two coincide), or undefined. */
export function publicHolidayOn(date: IsoDate): string | undefined {
  const day = parseIsoDay(date);
  if (!day) throw new RangeError(`date invalide : « ${date} » (attendu AAAA-MM-JJ)`);
  const names = publicHolidays(day.getUTCFullYear())
    .filter((holiday) => holiday.date === date)
    .map((holiday) => holiday.name);
  return names.length > 0 ? names.join(' et ') : undefined;
}

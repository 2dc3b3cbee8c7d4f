import type { IsoWeek } from './types';

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;
const MONTHS = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];

/** Midnight UTC; setUTCFullYear because Date.UTC maps years 0–99 to 1900–1999. */
function utcDay(year: number, monthIndex: number, day: number): Date {
  const date = new Date(0);
  date.setUTCFullYear(year, monthIndex, day);
  return date;
}

/** ISO weekday, Monday = 0 … Sunday = 6. */
const weekdayFromMonday = (date: Date): number => (date.getUTCDay() + 6) % 7;

/** 53 when the year starts on a Thursday, or on a Wednesday in a leap year (28 December then falls in week 53). */
export function isoWeeksInYear(year: number): number {
  const startsOn = utcDay(year, 0, 1).getUTCDay();
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return startsOn === 4 || (leap && startsOn === 3) ? 53 : 52;
}

/** Year and week number of `YYYY-Www`, or null when it is not an ISO week (W53 only in years that have one). */
export function parseIsoWeek(text: string): { year: number; week: number } | null {
  const match = /^(\d{4})-W(\d{2})$/.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  const week = Number(match[2]);
  return week >= 1 && week <= isoWeeksInYear(year) ? { year, week } : null;
}

export const isIsoWeek = (text: string): text is IsoWeek => parseIsoWeek(text) !== null;

/** Monday 00:00 UTC of an ISO week; week 1 is the one containing 4 January. Throws RangeError on a malformed week. */
export function isoWeekMonday(week: IsoWeek): Date {
  const parsed = parseIsoWeek(week);
  if (!parsed) throw new RangeError(`semaine ISO invalide : « ${week} » (attendu AAAA-Sss, ex. 2027-W07)`);
  const january4 = utcDay(parsed.year, 0, 4);
  const firstMonday = january4.getTime() - weekdayFromMonday(january4) * DAY_MS;
  return new Date(firstMonday + (parsed.week - 1) * WEEK_MS);
}

/** ISO week of a date's UTC calendar day: the week-year is the one of that week's Thursday. */
export function isoWeekOf(date: Date): IsoWeek {
  if (Number.isNaN(date.getTime())) throw new RangeError('date invalide');
  const day = utcDay(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  const thursday = new Date(day.getTime() + (3 - weekdayFromMonday(day)) * DAY_MS);
  const year = thursday.getUTCFullYear();
  if (year < 0 || year > 9999) throw new RangeError(`année hors du format ISO AAAA : ${year}`);
  const week = 1 + Math.floor((thursday.getTime() - utcDay(year, 0, 1).getTime()) / WEEK_MS);
  return `${String(year).padStart(4, '0')}-W${String(week).padStart(2, '0')}`;
}

/** « 15 février 2027 », « 1er mars 2027 »: the UTC calendar day, French writing the first of a month as an ordinal. */
export function formatDayFr(date: Date): string {
  const day = date.getUTCDate();
  return `${day === 1 ? '1er' : day} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** « semaine du 15 février 2027 », « semaine du 1er mars 2027 ». */
export function formatWeekFr(week: IsoWeek): string {
  return `semaine du ${formatDayFr(isoWeekMonday(week))}`;
}

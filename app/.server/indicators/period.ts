import type { Period } from './types';

const DAY_MS = 86_400_000;

/** The UTC day of an instant, as everywhere in Passerelles. */
export const dayOf = (instant: Date): string => instant.toISOString().slice(0, 10);

export const dayInPeriod = (day: string, period: Period): boolean => day >= period.from && day <= period.to;

export const instantInPeriod = (instant: Date | null, period: Period): boolean => instant !== null && dayInPeriod(dayOf(instant), period);

/** Whether the days from start to end (both included) meet the period. */
export const overlaps = (start: string, end: string, period: Period): boolean => start <= period.to && end >= period.from;

/** The calendar year as a period. */
export const yearPeriod = (year: number): Period => ({ from: `${year}-01-01`, to: `${year}-12-31` });

/** The end of the period, or today while it runs. */
export const referenceDayOf = (period: Period, today: string): string => (today < period.to ? today : period.to);

const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / DAY_MS;

/**
 * Months of the days from start to end that fall within the period: each calendar month counts for the share of
 * its days covered (1 January to 30 June is 6 months; 1 to 15 April is half a month).
 */
export function monthsWithin(start: string, end: string, period: Period): number {
  const from = start > period.from ? start : period.from;
  const to = end < period.to ? end : period.to;
  if (from > to) return 0;
  let months = 0;
  let cursor = from;
  while (cursor <= to) {
    const [year, month] = cursor.split('-').map(Number) as [number, number];
    const monthEnd = `${cursor.slice(0, 8)}${String(daysInMonth(year, month - 1)).padStart(2, '0')}`;
    const last = monthEnd < to ? monthEnd : to;
    months += (dayNumber(last) - dayNumber(cursor) + 1) / daysInMonth(year, month - 1);
    cursor = new Date((dayNumber(last) + 1) * DAY_MS).toISOString().slice(0, 10);
  }
  return months;
}

/** Days between two instants, with decimals. */
export const daysBetween = (from: Date, to: Date): number => (to.getTime() - from.getTime()) / DAY_MS;

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? null) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** Rounded to a tenth, as the figures are published. */
export const round1 = (value: number): number => Math.round(value * 10) / 10;

/** A share in percent to a tenth, null when there is nothing to share. */
export const percent = (part: number, whole: number): number | null => (whole === 0 ? null : round1((100 * part) / whole));

/** An average to a tenth, null without values. */
export const average = (values: number[]): number | null => (values.length === 0 ? null : round1(values.reduce((sum, value) => sum + value, 0) / values.length));

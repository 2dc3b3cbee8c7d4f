import { describe, expect, it } from 'vitest';
import { average, daysBetween, median, monthsWithin, overlaps, percent, referenceDayOf, yearPeriod } from './period';

const year2026 = yearPeriod(2026);

describe('monthsWithin', () => {
  it('counts whole calendar months as 1 each', () => {
    expect(monthsWithin('2026-01-01', '2026-06-30', year2026)).toBe(6);
    expect(monthsWithin('2025-01-01', '2027-12-31', year2026)).toBe(12);
  });

  it('counts a part of a month for the share of its days covered', () => {
    expect(monthsWithin('2026-04-01', '2026-04-15', year2026)).toBe(0.5);
    // 14 of February's 28 days, all of March, 14 of April's 30 days.
    expect(monthsWithin('2026-02-15', '2026-04-14', year2026)).toBeCloseTo(0.5 + 1 + 14 / 30, 10);
  });

  it('keeps only what falls within the period', () => {
    expect(monthsWithin('2025-11-15', '2026-02-14', year2026)).toBe(1.5);
    expect(monthsWithin('2026-12-01', '2027-05-31', year2026)).toBe(1);
    expect(monthsWithin('2025-01-01', '2025-12-31', year2026)).toBe(0);
  });
});

describe('period helpers', () => {
  it('overlap includes both ends', () => {
    expect(overlaps('2025-06-01', '2026-01-01', year2026)).toBe(true);
    expect(overlaps('2026-12-31', '2027-01-10', year2026)).toBe(true);
    expect(overlaps('2025-06-01', '2025-12-31', year2026)).toBe(false);
  });

  it('situation day is the end of the period, or today while it runs', () => {
    expect(referenceDayOf(year2026, '2026-11-28')).toBe('2026-11-28');
    expect(referenceDayOf(year2026, '2027-02-01')).toBe('2026-12-31');
  });

  it('median, average, percent and days between instants', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
    expect(average([2, 4])).toBe(3);
    expect(average([])).toBeNull();
    expect(percent(1, 4)).toBe(25);
    expect(percent(0, 0)).toBeNull();
    expect(percent(2, 3)).toBe(66.7);
    expect(average([4, 4, 5])).toBe(4.3);
    expect(daysBetween(new Date('2026-02-01T00:00:00Z'), new Date('2026-03-03T12:00:00Z'))).toBe(30.5);
  });
});

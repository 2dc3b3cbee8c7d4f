import { describe, expect, it } from 'vitest';
import { dcgAtK, ndcgAtK } from '../support/ndcg';

// Discount 1 / log2(rank + 1): rank 1 → 1, rank 2 → 1 / log2(3) ≈ 0.630930, rank 3 → 1 / log2(4) = 0.5,
// rank 4 → 1 / log2(5) ≈ 0.430677. Gain 2^g − 1: grade 1 → 1, grade 2 → 3, grade 3 → 7.
const LOG2_3 = Math.log2(3);
const LOG2_5 = Math.log2(5);

describe('dcgAtK', () => {
  it('sums exponential gains with a logarithmic discount', () => {
    // 7/1 + 3/log2(3) + 0/2 + 1/log2(5) = 7 + 1.892789 + 0 + 0.430677
    expect(dcgAtK([3, 2, 0, 1], 4)).toBeCloseTo(7 + 3 / LOG2_3 + 1 / LOG2_5, 12);
    expect(dcgAtK([3, 2, 0, 1], 4)).toBeCloseTo(9.323466, 6);
    // 7/1 + 3/log2(3) + 1/2
    expect(dcgAtK([3, 2, 1], 3)).toBeCloseTo(9.392789, 6);
  });

  it('stops at the cut-off and is 0 for nothing relevant', () => {
    expect(dcgAtK([0, 3, 3], 1)).toBe(0);
    // 1/1 + 1/log2(3)
    expect(dcgAtK([1, 1, 1, 1, 1], 2)).toBeCloseTo(1.630930, 6);
    expect(dcgAtK([], 10)).toBe(0);
  });

  it('refuses an invalid cut-off or grade', () => {
    expect(() => dcgAtK([1], 0)).toThrow(RangeError);
    expect(() => dcgAtK([1], 2.5)).toThrow(RangeError);
    expect(() => dcgAtK([-1], 1)).toThrow(RangeError);
  });
});

describe('ndcgAtK', () => {
  const grades = { a: 3, b: 2, c: 1 };

  it('is 1 for the ideal order', () => {
    expect(ndcgAtK(['a', 'b', 'c'], grades, 10)).toBe(1);
    // unjudged items after every judged one do not lower it
    expect(ndcgAtK(['a', 'b', 'c', 'x', 'y'], grades, 10)).toBe(1);
  });

  it('reversed order, computed by hand', () => {
    // DCG = 1/1 + 3/log2(3) + 7/2 = 6.392789 ; ideal = 7/1 + 3/log2(3) + 1/2 = 9.392789
    expect(ndcgAtK(['c', 'b', 'a'], grades, 10)).toBeCloseTo((1 + 3 / LOG2_3 + 3.5) / (7 + 3 / LOG2_3 + 0.5), 12);
    expect(ndcgAtK(['c', 'b', 'a'], grades, 10)).toBeCloseTo(0.680606, 6);
  });

  it('an unjudged item first pushes the others down', () => {
    // DCG = 0/1 + 7/log2(3) + 3/2 = 5.916508 ; ideal 9.392789
    expect(ndcgAtK(['x', 'a', 'b'], grades, 10)).toBeCloseTo(0.629899, 6);
  });

  it('a single relevant item at rank 3', () => {
    // 7/log2(4) / 7
    expect(ndcgAtK(['x', 'y', 'a'], { a: 3 }, 10)).toBeCloseTo(0.5, 10);
  });

  it('cuts both the ranking and the ideal at k', () => {
    // k = 2: DCG = 7/1 + 0 ; ideal = 7/1 + 7/log2(3) (the third judged item does not count)
    expect(ndcgAtK(['a', 'x', 'b'], { a: 3, b: 3, c: 3 }, 2)).toBeCloseTo(7 / (7 + 7 / LOG2_3), 12);
    expect(ndcgAtK(['a', 'x', 'b'], { a: 3, b: 3, c: 3 }, 2)).toBeCloseTo(0.613147, 6);
  });

  it('is 0 when nothing relevant is ranked, including an empty ranking', () => {
    expect(ndcgAtK(['x', 'y'], grades, 10)).toBe(0);
    expect(ndcgAtK([], grades, 10)).toBe(0);
  });

  it('ignores zero grades in the ideal', () => {
    expect(ndcgAtK(['a'], { a: 2, z: 0 }, 10)).toBe(1);
  });

  it('refuses an undefined measure or a duplicated item', () => {
    expect(() => ndcgAtK(['a'], {}, 10)).toThrow(/aucun élément jugé pertinent/);
    expect(() => ndcgAtK(['a'], { a: 0 }, 10)).toThrow(RangeError);
    expect(() => ndcgAtK(['a', 'a'], { a: 3 }, 10)).toThrow(/deux fois/);
  });
});

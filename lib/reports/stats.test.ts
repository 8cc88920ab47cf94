import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { percentile, summarise, topN } from './stats';

describe('report statistics', () => {
  it('interpolates percentiles as percentile_cont does', () => {
    expect(percentile([10, 20, 30, 40], 0.5)).toBe(25);
    expect(percentile([10, 20, 30, 40], 0.9)).toBeCloseTo(37);
    expect(percentile([7], 0.9)).toBe(7);
    expect(percentile([], 0.5)).toBeNull();
    expect(summarise([40, 10, 30, 20])).toEqual({ count: 4, p50: 25, p90: 37 });
  });

  it('keeps p50 ≤ p90 within the values, and p50 the median, on generated durations', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 86_400 }), { minLength: 1, maxLength: 200 }),
        (values) => {
          const { count, p50, p90 } = summarise(values);
          const sorted = [...values].sort((a, b) => a - b);
          expect(count).toBe(values.length);
          expect(p50).not.toBeNull();
          expect(p50 as number).toBeLessThanOrEqual(p90 as number);
          expect(p50 as number).toBeGreaterThanOrEqual(sorted[0] as number);
          expect(p90 as number).toBeLessThanOrEqual(sorted.at(-1) as number);
          const mid = Math.floor(sorted.length / 2);
          const median =
            sorted.length % 2 ? sorted[mid] : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
          expect(p50).toBeCloseTo(median as number, 9);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('takes the top n by score, ties by name', () => {
    const items = [
      { n: 'b', c: 2 },
      { n: 'a', c: 2 },
      { n: 'c', c: 5 },
      { n: 'd', c: 1 },
    ];
    expect(
      topN(
        items,
        3,
        (x) => x.c,
        (x) => x.n,
      ).map((x) => x.n),
    ).toEqual(['c', 'a', 'b']);
    expect(
      topN(
        items,
        10,
        (x) => x.c,
        (x) => x.n,
      ),
    ).toHaveLength(4);
  });
});

import { describe, expect, it } from 'vitest';
import { stepForRange } from './step';

const HOUR = 3600;
const DAY = 24 * HOUR;

describe('stepForRange', () => {
  it.each([
    ['1 h', HOUR, 15],
    ['6 h', 6 * HOUR, 90],
    ['12 h', 12 * HOUR, 180],
    ['24 h', DAY, 300],
    ['2 d', 2 * DAY, 600],
    ['7 d', 7 * DAY, HOUR],
    ['30 d', 30 * DAY, 3 * HOUR],
    ['90 d', 90 * DAY, 12 * HOUR],
  ])('%s → %d s', (_, range, step) => {
    expect(stepForRange(range)).toBe(step);
  });

  it('keeps every range from 5 min to 2 years at 100 to 300 points', () => {
    for (let range = 300; range <= 730 * DAY; range = Math.round(range * 1.07)) {
      const points = range / stepForRange(range);
      expect(points, `range ${range} s`).toBeLessThanOrEqual(300);
      expect(points, `range ${range} s`).toBeGreaterThanOrEqual(100);
    }
  });

  it('goes on in whole days beyond the friendly steps', () => {
    expect(stepForRange(365 * DAY)).toBe(2 * DAY);
    expect(stepForRange(365 * DAY) % DAY).toBe(0);
  });

  it('never goes below 1 s, even for an empty range', () => {
    expect(stepForRange(300)).toBe(1);
    expect(stepForRange(0)).toBe(1);
  });

  it('honours a smaller point budget (a sparkline)', () => {
    expect(stepForRange(HOUR, 60)).toBe(60);
    expect(stepForRange(DAY, 60)).toBe(1800);
  });

  it.each([
    [-1, 250],
    [Number.NaN, 250],
    [Number.POSITIVE_INFINITY, 250],
    [HOUR, 0],
  ])('refuses range %d with %d points', (range, maxPoints) => {
    expect(() => stepForRange(range, maxPoints)).toThrow(RangeError);
  });
});

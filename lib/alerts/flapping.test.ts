import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { flappingChanges, isFlapping } from './flapping';

const at = (minute: number) => new Date(Date.UTC(2026, 11, 4, 10, minute));
const HOUR = 3_600_000;
const rule = { windowMs: HOUR, threshold: 4 };

/** A generated history: an alert that fires and resolves in turn, `gaps` minutes apart. */
const history = fc.array(fc.integer({ min: 1, max: 40 }), { maxLength: 30 }).map((gaps) => {
  const times: Date[] = [];
  let t = 0;
  for (const gap of gaps) {
    t += gap;
    times.push(at(t));
  }
  return times;
});

describe('flapping detection', () => {
  it('counts the changes within the window ending now', () => {
    const changes = [at(5), at(12), at(20), at(31)];
    expect(flappingChanges(changes, at(40), HOUR)).toBe(4);
    expect(isFlapping(changes, at(40), rule)).toBe(true);
    expect(isFlapping(changes, at(70), rule)).toBe(false);
  });

  it('counts a change reported twice (both HA peers) once, and none from the future', () => {
    expect(flappingChanges([at(5), at(5), at(6), at(50)], at(30), HOUR)).toBe(2);
  });

  it('never calls an alert that fired once and stayed firing flapping', () => {
    expect(isFlapping([at(1)], at(59), { windowMs: HOUR, threshold: 1 })).toBe(true);
    expect(isFlapping([at(1)], at(59), rule)).toBe(false);
  });

  it('agrees with counting minute by minute on generated histories', () => {
    fc.assert(
      fc.property(
        history,
        fc.integer({ min: 0, max: 600 }),
        fc.integer({ min: 1, max: 8 }),
        (times, nowMinute, threshold) => {
          const now = at(nowMinute);
          // The reference: walk the window's minutes and count the distinct change times that fall in each.
          let naive = 0;
          const seen = new Set<number>();
          for (let m = nowMinute - 59; m <= nowMinute; m++)
            for (const t of times)
              if (t.getTime() === at(m).getTime() && !seen.has(t.getTime())) {
                seen.add(t.getTime());
                naive++;
              }
          expect(flappingChanges(times, now, HOUR)).toBe(naive);
          expect(isFlapping(times, now, { windowMs: HOUR, threshold })).toBe(naive >= threshold);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('flaps more readily with a lower threshold and a longer window (monotone)', () => {
    fc.assert(
      fc.property(
        history,
        fc.integer({ min: 0, max: 600 }),
        fc.integer({ min: 2, max: 8 }),
        (times, nowMinute, threshold) => {
          const now = at(nowMinute);
          if (isFlapping(times, now, { windowMs: HOUR, threshold }))
            expect(isFlapping(times, now, { windowMs: 2 * HOUR, threshold: threshold - 1 })).toBe(true);
        },
      ),
    );
  });
});

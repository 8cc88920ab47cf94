import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DurationError, formatDurationMs, MAX_DURATION_MS, MIN_DURATION_MS, parseDuration } from './duration';

/**
 * Properties of durations as people type them (duration.ts): what formatDurationMs writes parses back
 * to the same milliseconds, anything parseDuration accepts is between 1m and 365d, and nothing but a
 * DurationError ever escapes.
 */

const PARAMS = { numRuns: 3000 };
const UNIT_MS = { w: 604_800_000, d: 86_400_000, h: 3_600_000, m: 60_000, s: 1000 } as const;

/** Whole seconds within the accepted range (formatDurationMs rounds to the second). */
const durationMs = fc
  .integer({ min: MIN_DURATION_MS / 1000, max: MAX_DURATION_MS / 1000 })
  .map((s) => s * 1000);

describe('parseDuration(formatDurationMs(ms))', () => {
  it('is ms for every whole-second duration from 1m to 365d', () => {
    fc.assert(
      fc.property(durationMs, (ms) => {
        expect(parseDuration(formatDurationMs(ms))).toBe(ms);
      }),
      PARAMS,
    );
  });

  it('rounds other durations to the nearest second', () => {
    fc.assert(
      fc.property(fc.integer({ min: MIN_DURATION_MS, max: MAX_DURATION_MS - 500 }), (ms) => {
        expect(parseDuration(formatDurationMs(ms))).toBe(Math.round(ms / 1000) * 1000);
      }),
      PARAMS,
    );
  });

  it('writes each unit at most once, largest first, in the fewest characters for that sum', () => {
    fc.assert(
      fc.property(durationMs, (ms) => {
        const text = formatDurationMs(ms);
        expect(text).toMatch(/^(\d+w)?(\d+d)?(\d+h)?(\d+m)?(\d+s)?$/);
        // No unit holds a whole number of the next larger one: 7d is 1w, 60m is 1h.
        const parts = Object.fromEntries(
          [...text.matchAll(/(\d+)([wdhms])/g)].map((p) => [p[2], Number(p[1])]),
        );
        expect(parts.d ?? 0).toBeLessThan(7);
        expect(parts.h ?? 0).toBeLessThan(24);
        expect(parts.m ?? 0).toBeLessThan(60);
        expect(parts.s ?? 0).toBeLessThan(60);
      }),
      PARAMS,
    );
  });
});

describe('parseDuration on arbitrary input', () => {
  const check = (input: string) => {
    let ms: number;
    try {
      ms = parseDuration(input);
    } catch (error) {
      expect(error).toBeInstanceOf(DurationError);
      expect((error as Error).message).toMatch(/\S/);
      return;
    }
    expect(Number.isInteger(ms)).toBe(true);
    expect(ms).toBeGreaterThanOrEqual(MIN_DURATION_MS);
    expect(ms).toBeLessThanOrEqual(MAX_DURATION_MS);
  };

  it('returns a duration within [1m, 365d] or throws DurationError (any unicode)', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 30 }), check), PARAMS);
  });

  it('does so for near-misses built from digits, units and spaces', () => {
    const token = fc.constantFrom(
      '0',
      '1',
      '9',
      '30',
      '999999',
      '1000000',
      'w',
      'd',
      'h',
      'm',
      's',
      'W',
      'ms',
      ' ',
      '\t',
      '-',
      '.',
      'y',
      '١',
    );
    fc.assert(
      fc.property(
        fc.array(token, { maxLength: 12 }).map((t) => t.join('')),
        check,
      ),
      PARAMS,
    );
  });

  it('agrees with a reference reading of well-formed input (units largest first, case and spaces ignored)', () => {
    const units = fc.subarray(['w', 'd', 'h', 'm', 's'] as const, { minLength: 1 });
    const input = units.chain((us) =>
      fc.tuple(
        fc.tuple(...us.map((u) => fc.tuple(fc.integer({ min: 0, max: 999_999 }), fc.constant(u)))),
        fc.constantFrom('', ' '),
        fc.boolean(),
      ),
    );
    fc.assert(
      fc.property(input, ([parts, space, upper]) => {
        const text = parts.map(([n, u]) => `${n}${space}${upper ? u.toUpperCase() : u}`).join(space);
        const expected = parts.reduce((sum, [n, u]) => sum + n * UNIT_MS[u], 0);
        if (expected < MIN_DURATION_MS || expected > MAX_DURATION_MS)
          expect(() => parseDuration(text)).toThrow(DurationError);
        else expect(parseDuration(text)).toBe(expected);
      }),
      PARAMS,
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoFromMs, utcIso } from './utc-iso';

describe('utcIso', () => {
  it('converts offsets and other precisions to UTC with milliseconds', () => {
    expect(utcIso('2026-11-21T10:05:35.625123+02:00')).toBe('2026-11-21T08:05:35.625Z');
    expect(utcIso('2026-11-21T08:05:35Z')).toBe('2026-11-21T08:05:35.000Z');
    expect(utcIso('2026-03-29T01:30:00.5-00:30')).toBe('2026-03-29T02:00:00.500Z');
  });

  it('returns a time already in that form as it is', () => {
    const time = '2026-11-21T08:05:35.625Z';
    expect(utcIso(time)).toBe(time);
  });

  it('throws for text that is not a time, like toISOString', () => {
    expect(() => utcIso('yesterday')).toThrow(RangeError);
  });

  it('agrees with new Date(time).toISOString() on any time, in any offset and precision', () => {
    const offset = fc.oneof(
      fc.constant('Z'),
      fc
        .tuple(fc.constantFrom('+', '-'), fc.integer({ min: 0, max: 14 }), fc.integer({ min: 0, max: 59 }))
        .map(([s, h, m]) => `${s}${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`),
    );
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1970-01-02T00:00:00Z'),
          max: new Date('2999-12-30T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.integer({ min: 0, max: 9 }),
        offset,
        (date, digits, zone) => {
          const [whole = '', fraction = ''] = date.toISOString().slice(0, -1).split('.');
          const text = `${whole}${digits > 0 ? `.${fraction.padEnd(9, '7').slice(0, digits)}` : ''}${zone}`;
          expect(utcIso(text)).toBe(new Date(text).toISOString());
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('isoFromMs', () => {
  it('writes what toISOString writes, and throws for NaN', () => {
    for (const ms of [0, 1_795_000_000_123, -1]) expect(isoFromMs(ms)).toBe(new Date(ms).toISOString());
    expect(() => isoFromMs(Number.NaN)).toThrow(RangeError);
  });
});

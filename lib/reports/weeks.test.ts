import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { lastFourWeeks, weekFinder, weekOf, weekStartMs, weeksBetween } from './weeks';

const BXL = 'Europe/Brussels';
const ms = (iso: string) => Date.parse(iso);
const HOUR = 3_600_000;

describe('report weeks in the reader’s zone', () => {
  it('starts a week on Monday 00:00 local, not UTC', () => {
    // Sunday 23:30 UTC is already Monday 00:30 in Brussels (CET, +01:00).
    expect(weekOf(ms('2026-01-04T23:30:00Z'), BXL)).toBe('2026-01-05');
    expect(weekOf(ms('2026-01-04T23:30:00Z'), 'UTC')).toBe('2025-12-29');
    expect(weekOf(ms('2026-01-04T22:59:59.999Z'), BXL)).toBe('2025-12-29');
  });

  it('makes the week holding the spring-forward change 167 hours long (Brussels, 29 March 2026)', () => {
    const start = weekStartMs('2026-03-23', BXL);
    const next = weekStartMs('2026-03-30', BXL);
    expect(new Date(start).toISOString()).toBe('2026-03-22T23:00:00.000Z'); // 00:00 CET
    expect(new Date(next).toISOString()).toBe('2026-03-29T22:00:00.000Z'); // 00:00 CEST
    expect((next - start) / HOUR).toBe(167);
    // Sunday 23:30 local after the change is 21:30 UTC: still the week of the 23rd.
    expect(weekOf(ms('2026-03-29T21:30:00Z'), BXL)).toBe('2026-03-23');
    expect(weekOf(ms('2026-03-29T22:00:00Z'), BXL)).toBe('2026-03-30');
  });

  it('makes the week holding the fall-back change 169 hours long (Brussels, 25 October 2026)', () => {
    const start = weekStartMs('2026-10-19', BXL);
    const next = weekStartMs('2026-10-26', BXL);
    expect((next - start) / HOUR).toBe(169);
    expect(weekOf(ms('2026-10-25T22:59:00Z'), BXL)).toBe('2026-10-19');
    expect(weekOf(ms('2026-10-25T23:00:00Z'), BXL)).toBe('2026-10-26');
  });

  it('lists the weeks a range overlaps, partial ones included', () => {
    expect(weeksBetween(ms('2026-03-25T10:00:00Z'), ms('2026-04-07T10:00:00Z'), BXL)).toEqual([
      '2026-03-23',
      '2026-03-30',
      '2026-04-06',
    ]);
    // A range ending exactly at a week's start does not overlap that week.
    expect(weeksBetween(weekStartMs('2026-03-23', BXL), weekStartMs('2026-03-30', BXL), BXL)).toEqual([
      '2026-03-23',
    ]);
    expect(weeksBetween(10, 10, BXL)).toEqual([]);
  });

  it('defaults to the current week and the three before it', () => {
    const now = ms('2026-04-02T12:00:00Z'); // a Thursday
    const { fromMs, toMs } = lastFourWeeks(now, BXL);
    expect(new Date(fromMs).toISOString()).toBe('2026-03-08T23:00:00.000Z'); // Monday 9 March 00:00 CET
    expect(toMs).toBe(now);
    expect(weeksBetween(fromMs, toMs, BXL)).toHaveLength(4);
  });

  it('puts every instant in the week that starts at or before it and ends after it (generated, three zones)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: ms('2025-01-01T00:00:00Z'), max: ms('2028-01-01T00:00:00Z') }),
        fc.constantFrom(BXL, 'America/New_York', 'Asia/Kolkata'),
        (t, zone) => {
          const week = weekOf(t, zone);
          const start = weekStartMs(week, zone);
          const end = weekStartMs(Temporal.PlainDate.from(week).add({ weeks: 1 }).toString(), zone);
          expect(start).toBeLessThanOrEqual(t);
          expect(t).toBeLessThan(end);
          expect(Temporal.PlainDate.from(week).dayOfWeek).toBe(1);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('finds the same weeks with the remembered bounds, in order or not (generated, across DST)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: ms('2026-03-01T00:00:00Z'), max: ms('2026-11-30T00:00:00Z') }), {
          maxLength: 60,
        }),
        fc.boolean(),
        (times, sorted) => {
          const order = sorted ? [...times].sort((a, b) => a - b) : times;
          const find = weekFinder(BXL);
          expect(order.map(find)).toEqual(order.map((t) => weekOf(t, BXL)));
        },
      ),
      { numRuns: 200 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ResponseSample, responseTimes } from './response-times';
import { summarise } from './stats';
import { weekOf, weekStartMs } from './weeks';

const BXL = 'Europe/Brussels';
const sample = (partial: Partial<ResponseSample>): ResponseSample => ({
  key: 'db',
  startMs: Date.parse('2026-03-24T09:00:00Z'),
  ackSeconds: 60,
  resolveSeconds: 600,
  alertname: 'HighCPUUsage',
  ...partial,
});

describe('time to acknowledge and to resolve, by key and week', () => {
  it('summarises each group and week; unanswered samples count but do not enter the percentile', () => {
    const [db, web] = responseTimes(
      [
        sample({ ackSeconds: 60 }),
        sample({ ackSeconds: 120, resolveSeconds: null, alertname: 'DiskFull' }),
        sample({ ackSeconds: null, resolveSeconds: null }),
        sample({ key: 'web', alertname: null }),
      ],
      BXL,
    );
    expect(db?.key).toBe('db');
    expect(db?.total).toEqual({
      count: 3,
      ack: { count: 2, p50: 90, p90: 114 },
      resolve: { count: 1, p50: 600, p90: 600 },
    });
    expect(db?.alertnames).toEqual(['DiskFull', 'HighCPUUsage']);
    expect(web?.alertnames).toEqual([]);
  });

  it('splits a DST week at local Monday 00:00 (Brussels, March 2026)', () => {
    const lateSunday = Date.parse('2026-03-29T21:30:00Z'); // 23:30 CEST, Sunday: still week of the 23rd
    const earlyMonday = Date.parse('2026-03-29T22:30:00Z'); // 00:30 CEST, Monday: the next week
    const [g] = responseTimes(
      [sample({ startMs: lateSunday }), sample({ startMs: earlyMonday, ackSeconds: 300 })],
      BXL,
    );
    expect([...(g?.weekly.keys() ?? [])].sort()).toEqual(['2026-03-23', '2026-03-30']);
    expect(g?.weekly.get('2026-03-30')?.ack.p50).toBe(300);
  });

  it('agrees with summarising each week’s samples directly (generated histories over the October change)', () => {
    const from = weekStartMs('2026-10-12', BXL);
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            key: fc.constantFrom('db', 'web', 'edge'),
            offsetMin: fc.integer({ min: 0, max: 3 * 7 * 24 * 60 }),
            ack: fc.option(fc.integer({ min: 0, max: 7200 })),
            resolve: fc.option(fc.integer({ min: 0, max: 86_400 })),
          }),
          { maxLength: 120 },
        ),
        (generated) => {
          const samples = generated.map((g) =>
            sample({
              key: g.key,
              startMs: from + g.offsetMin * 60_000,
              ackSeconds: g.ack,
              resolveSeconds: g.resolve,
            }),
          );
          const groups = responseTimes(samples, BXL);
          expect(groups.reduce((n, g) => n + g.total.count, 0)).toBe(samples.length);
          for (const g of groups) {
            const mine = samples.filter((s) => s.key === g.key);
            for (const [week, stats] of g.weekly) {
              const inWeek = mine.filter((s) => weekOf(s.startMs, BXL) === week);
              expect(stats.count).toBe(inWeek.length);
              expect(stats.ack).toEqual(
                summarise(inWeek.flatMap((s) => (s.ackSeconds === null ? [] : [s.ackSeconds]))),
              );
              expect(stats.resolve).toEqual(
                summarise(inWeek.flatMap((s) => (s.resolveSeconds === null ? [] : [s.resolveSeconds]))),
              );
            }
          }
          const counts = groups.map((g) => g.total.count);
          expect(counts).toEqual([...counts].sort((a, b) => b - a));
        },
      ),
      { numRuns: 200 },
    );
  });
});

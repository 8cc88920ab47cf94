import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { flappingChanges, isFlapping } from '@/lib/alerts/flapping';
import { flappingSpells } from './flapping-report';
import { weekOf } from './weeks';

const HOUR = 3_600_000;
const rule = { windowMs: HOUR, threshold: 4 };
const base = Date.parse('2026-03-28T20:00:00Z'); // Saturday evening before Brussels springs forward
const at = (minute: number) => new Date(base + minute * 60_000);

describe('flapping spells over a past range', () => {
  it('counts the changes made while flapping, the peak and the last flap', () => {
    const spells = flappingSpells([at(5), at(12), at(20), at(31), at(32), at(200)], rule, 'UTC', 0);
    // The 4th change (31) and the 5th (32, five within the hour) flap; 200 stands alone.
    expect(spells.flaps).toBe(2);
    expect(spells.peak).toBe(5);
    expect(spells.lastFlapMs).toBe(at(32).getTime());
    expect([...spells.weekly]).toEqual([['2026-03-23', 2]]);
  });

  it('lets changes before the range fill the window without counting them', () => {
    const spells = flappingSpells([at(5), at(12), at(20), at(31)], rule, 'UTC', at(25).getTime());
    expect(spells.flaps).toBe(1);
    expect(flappingSpells([at(5), at(12), at(20), at(31)], rule, 'UTC', at(40).getTime())).toMatchObject({
      flaps: 0,
      peak: 0,
      lastFlapMs: null,
    });
  });

  it('counts HA peers’ copies of a change once', () => {
    expect(
      flappingSpells([at(1), at(1), at(2), at(2), at(3)], { windowMs: HOUR, threshold: 3 }, 'UTC', 0).flaps,
    ).toBe(1);
  });

  it('agrees with the live badge’s definition at every change, across a DST week, on generated histories', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 4 * 24 * 60 }), { maxLength: 80 }),
        fc.integer({ min: 2, max: 6 }),
        fc.integer({ min: 0, max: 4 * 24 * 60 }),
        (minutes, threshold, fromMinute) => {
          const changes = minutes.map(at);
          const r = { windowMs: HOUR, threshold };
          const fromMs = at(fromMinute).getTime();
          const spells = flappingSpells(changes, r, 'Europe/Brussels', fromMs);
          // The reference: ask lib/alerts/flapping.ts at each distinct change in range.
          const times = [...new Set(changes.map((d) => d.getTime()))].filter((t) => t >= fromMs);
          const flapping = times.filter((t) => isFlapping(changes, new Date(t), r));
          expect(spells.flaps).toBe(flapping.length);
          expect(spells.peak).toBe(
            Math.max(0, ...times.map((t) => flappingChanges(changes, new Date(t), HOUR))),
          );
          const weekly = new Map<string, number>();
          for (const t of flapping)
            weekly.set(weekOf(t, 'Europe/Brussels'), (weekly.get(weekOf(t, 'Europe/Brussels')) ?? 0) + 1);
          expect(new Map(spells.weekly)).toEqual(weekly);
        },
      ),
      { numRuns: 300 },
    );
  });
});

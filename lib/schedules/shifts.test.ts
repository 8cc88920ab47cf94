import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '@/lib/errors';
import { computeShifts, MAX_RANGE_DAYS, ON_CALL_HORIZON_DAYS, onCallAt, wholeShifts } from './shifts';
import type { LayerInput, OverrideInput, Rotation, Shift } from './types';

/**
 * Worked examples of the shift computation (shifts.ts), above all across daylight-saving changes:
 * Europe/Brussels springs forward 2027-03-28 (02:00 → 03:00) and falls back 2026-10-25 (03:00 → 02:00);
 * America/New_York springs forward 2027-03-14 and falls back 2026-11-01 (both at 02:00 local).
 */

function layer(partial: Partial<LayerInput> = {}): LayerInput {
  return {
    id: 'l1',
    position: 1,
    name: 'Primary',
    rotation: 'daily',
    rotationLength: 1,
    handoffTime: '09:00',
    timeZone: 'Europe/Brussels',
    startDate: '2026-01-05',
    endsAt: null,
    participants: ['ann', 'bob', 'cat'],
    restrictions: [],
    ...partial,
  };
}

const utc = (iso: string) => new Date(iso);
/** "2027-03-28T09:00" in `zone` → the instant (the test's own conversion, through Temporal). */
const local = (dateTime: string, zone: string) =>
  new Date(Temporal.PlainDateTime.from(dateTime).toZonedDateTime(zone).epochMilliseconds);
/** An instant as local wall-clock "YYYY-MM-DDTHH:MM" in `zone`. */
const wall = (d: Date, zone: string) =>
  Temporal.Instant.fromEpochMilliseconds(d.getTime())
    .toZonedDateTimeISO(zone)
    .toPlainDateTime()
    .toString()
    .slice(0, 16);
const row = (s: Shift, zone: string) => `${s.userId} ${wall(s.start, zone)} → ${wall(s.end, zone)}`;

function finalRows(layers: LayerInput[], overrides: OverrideInput[], from: Date, to: Date, zone: string) {
  return computeShifts(layers, overrides, { from, to }).final.map((s) => row(s, zone));
}

describe('daily and weekly hand-offs across daylight-saving changes', () => {
  const cases = [
    { zone: 'Europe/Brussels', spring: '2027-03-28', fall: '2026-10-25' },
    { zone: 'America/New_York', spring: '2027-03-14', fall: '2026-11-01' },
  ];
  for (const { zone, spring, fall } of cases) {
    for (const day of [spring, fall]) {
      it(`a 09:00 daily hand-off stays 09:00 local in ${zone} around ${day}`, () => {
        const d = Temporal.PlainDate.from(day);
        const l = layer({ timeZone: zone, startDate: d.subtract({ days: 2 }).toString() });
        const rows = finalRows(
          [l],
          [],
          local(`${d.subtract({ days: 2 })}T09:00`, zone),
          local(`${d.add({ days: 2 })}T09:00`, zone),
          zone,
        );
        expect(rows).toEqual([
          `ann ${d.subtract({ days: 2 })}T09:00 → ${d.subtract({ days: 1 })}T09:00`,
          `bob ${d.subtract({ days: 1 })}T09:00 → ${day}T09:00`,
          `cat ${day}T09:00 → ${d.add({ days: 1 })}T09:00`,
          `ann ${d.add({ days: 1 })}T09:00 → ${d.add({ days: 2 })}T09:00`,
        ]);
        // The shift spanning the change is an hour shorter (spring) or longer (fall) in elapsed time.
        const shifts = computeShifts([l], [], {
          from: local(`${d.subtract({ days: 1 })}T09:00`, zone),
          to: local(`${day}T09:00`, zone),
        }).final;
        const hours = ((shifts[0]?.end.getTime() ?? 0) - (shifts[0]?.start.getTime() ?? 0)) / 3_600_000;
        expect(hours).toBe(day === spring ? 23 : 25);
      });

      it(`a 09:00 weekly hand-off stays 09:00 local in ${zone} across ${day}`, () => {
        const d = Temporal.PlainDate.from(day);
        const start = d.subtract({ days: 7 });
        const l = layer({
          rotation: 'weekly',
          timeZone: zone,
          startDate: start.toString(),
          participants: ['ann', 'bob'],
        });
        const rows = finalRows(
          [l],
          [],
          local(`${start}T00:00`, zone),
          local(`${d.add({ days: 8 })}T00:00`, zone),
          zone,
        );
        expect(rows).toEqual([
          `ann ${start}T09:00 → ${d}T09:00`,
          `bob ${d}T09:00 → ${d.add({ days: 7 })}T09:00`,
          `ann ${d.add({ days: 7 })}T09:00 → ${d.add({ days: 8 })}T00:00`,
        ]);
      });
    }

    it(`a 02:30 hand-off on the spring-forward day in ${zone} happens at 03:30 local (the time does not exist)`, () => {
      const d = Temporal.PlainDate.from(spring);
      const l = layer({
        timeZone: zone,
        handoffTime: '02:30',
        startDate: d.subtract({ days: 1 }).toString(),
      });
      const shifts = computeShifts([l], [], {
        from: local(`${d.subtract({ days: 1 })}T00:00`, zone),
        to: local(`${d.add({ days: 2 })}T00:00`, zone),
      }).final;
      expect(shifts.map((s) => row(s, zone))).toEqual([
        `ann ${d.subtract({ days: 1 })}T02:30 → ${d}T03:30`,
        `bob ${d}T03:30 → ${d.add({ days: 1 })}T02:30`,
        `cat ${d.add({ days: 1 })}T02:30 → ${d.add({ days: 2 })}T00:00`,
      ]);
      // 03:30 local after the change is 02:30 "old" time plus the hour: 24 h after the previous hand-off.
      expect((shifts[0]?.end.getTime() ?? 0) - (shifts[0]?.start.getTime() ?? 0)).toBe(24 * 3_600_000);
    });

    it(`a 01:30 hand-off on the fall-back day in ${zone} takes the first 01:30 (earlier offset) when it is repeated`, () => {
      // New York repeats 01:00–02:00; Brussels repeats 02:00–03:00.
      const time = zone === 'America/New_York' ? '01:30' : '02:30';
      const d = Temporal.PlainDate.from(fall);
      const l = layer({ timeZone: zone, handoffTime: time, startDate: fall });
      const [first] = computeShifts([l], [], {
        from: local(`${fall}T00:00`, zone),
        to: local(`${d.add({ days: 1 })}T00:00`, zone),
      }).final;
      const earlier = Temporal.PlainDateTime.from(`${fall}T${time}`).toZonedDateTime(zone, {
        disambiguation: 'earlier',
      });
      expect(first?.start.getTime()).toBe(earlier.epochMilliseconds);
      // The first 01:30 is an hour before the repeated one.
      const later = Temporal.PlainDateTime.from(`${fall}T${time}`).toZonedDateTime(zone, {
        disambiguation: 'later',
      });
      expect(later.epochMilliseconds - earlier.epochMilliseconds).toBe(3_600_000);
    });
  }
});

describe('"hours" rotations count elapsed hours', () => {
  it('a 12-hour rotation handing off at 09:00/21:00 in Brussels hands off at 10:00/22:00 after spring-forward', () => {
    const zone = 'Europe/Brussels';
    const l = layer({
      rotation: 'hours',
      rotationLength: 12,
      startDate: '2027-03-27',
      participants: ['ann', 'bob'],
    });
    const rows = finalRows([l], [], local('2027-03-27T09:00', zone), local('2027-03-29T00:00', zone), zone);
    expect(rows).toEqual([
      'ann 2027-03-27T09:00 → 2027-03-27T21:00',
      'bob 2027-03-27T21:00 → 2027-03-28T10:00',
      'ann 2027-03-28T10:00 → 2027-03-28T22:00',
      'bob 2027-03-28T22:00 → 2027-03-29T00:00',
    ]);
  });

  it('and an hour earlier after fall-back in New York', () => {
    const zone = 'America/New_York';
    const l = layer({
      rotation: 'hours',
      rotationLength: 12,
      timeZone: zone,
      startDate: '2026-10-31',
      participants: ['ann', 'bob'],
    });
    const rows = finalRows([l], [], local('2026-10-31T09:00', zone), local('2026-11-01T21:00', zone), zone);
    expect(rows).toEqual([
      'ann 2026-10-31T09:00 → 2026-10-31T21:00',
      'bob 2026-10-31T21:00 → 2026-11-01T08:00',
      'ann 2026-11-01T08:00 → 2026-11-01T20:00',
      'bob 2026-11-01T20:00 → 2026-11-01T21:00',
    ]);
  });
});

describe('calendar days', () => {
  it('a daily rotation hands off on the leap day 2028-02-29', () => {
    const zone = 'UTC';
    const l = layer({ timeZone: zone, startDate: '2028-02-27' });
    expect(finalRows([l], [], utc('2028-02-28T09:00Z'), utc('2028-03-02T09:00Z'), zone)).toEqual([
      'bob 2028-02-28T09:00 → 2028-02-29T09:00',
      'cat 2028-02-29T09:00 → 2028-03-01T09:00',
      'ann 2028-03-01T09:00 → 2028-03-02T09:00',
    ]);
  });

  it('a 3-day rotation counts local days, so its 09:00 hand-off survives a change and the leap day', () => {
    const zone = 'Europe/Brussels';
    const l = layer({ rotation: 'days', rotationLength: 3, startDate: '2028-02-26' });
    expect(
      finalRows([l], [], local('2028-02-26T09:00', zone), local('2028-04-01T09:00', zone), zone).slice(0, 2),
    ).toEqual(['ann 2028-02-26T09:00 → 2028-02-29T09:00', 'bob 2028-02-29T09:00 → 2028-03-03T09:00']);
    // 2028-03-26 is Brussels' spring-forward day; 2028-03-24 is hand-off 9 (27 days), 03-27 hand-off 10.
    const rows = finalRows([l], [], local('2028-03-24T09:00', zone), local('2028-03-28T09:00', zone), zone);
    expect(rows).toEqual([
      'ann 2028-03-24T09:00 → 2028-03-27T09:00',
      'bob 2028-03-27T09:00 → 2028-03-28T09:00',
    ]);
  });

  it('gives the same participants for a range far from the start date (hand-off index from arithmetic)', () => {
    const l = layer({ timeZone: 'UTC', startDate: '2020-01-01' });
    // 2026-01-01 is 2192 days after 2020-01-01: 2192 mod 3 = 2 → cat from 09:00, bob before.
    expect(finalRows([l], [], utc('2026-01-01T00:00Z'), utc('2026-01-01T12:00Z'), 'UTC')).toEqual([
      'bob 2026-01-01T00:00 → 2026-01-01T09:00',
      'cat 2026-01-01T09:00 → 2026-01-01T12:00',
    ]);
  });
});

describe('cost', () => {
  it('computes a month of rotations that started a thousand years earlier in well under a second', () => {
    // Walking ~365,000 daily hand-offs one by one takes seconds; the index from arithmetic takes a few ms.
    // The bound is generous on purpose: other suites share the machine.
    const old = layer({
      startDate: '1026-01-05',
      restrictions: [{ days: [1, 2, 3, 4, 5], from: '09:00', to: '17:00' }],
    });
    const hourly = layer({
      id: 'l2',
      position: 2,
      rotation: 'hours',
      rotationLength: 7,
      startDate: '1026-01-05',
    });
    const started = performance.now();
    const { layers } = computeShifts([old, hourly], [], {
      from: utc('2026-12-01T00:00Z'),
      to: utc('2027-01-01T00:00Z'),
    });
    expect(performance.now() - started).toBeLessThan(1000);
    // 2026-12-01 (a Tuesday) is 365,573 days after 1026-01-05 (proleptic Gregorian): 365,573 mod 3 = 2.
    expect(
      row(
        layers[1]?.shifts.find((s) => wall(s.start, 'Europe/Brussels') === '2026-12-01T09:00') as Shift,
        'Europe/Brussels',
      ),
    ).toBe('cat 2026-12-01T09:00 → 2026-12-01T17:00');
  });
});

describe('layer life', () => {
  it('has nobody before the first hand-off, including for a range entirely before it', () => {
    const l = layer({ timeZone: 'UTC', startDate: '2026-03-10' });
    expect(
      computeShifts([l], [], { from: utc('2026-03-01T00:00Z'), to: utc('2026-03-10T08:00Z') }).final,
    ).toEqual([]);
    expect(finalRows([l], [], utc('2026-03-10T00:00Z'), utc('2026-03-10T12:00Z'), 'UTC')).toEqual([
      'ann 2026-03-10T09:00 → 2026-03-10T12:00',
    ]);
  });

  it('stops at endsAt, mid-shift', () => {
    const l = layer({ timeZone: 'UTC', startDate: '2026-03-10', endsAt: utc('2026-03-11T15:00Z') });
    expect(finalRows([l], [], utc('2026-03-10T00:00Z'), utc('2026-03-13T00:00Z'), 'UTC')).toEqual([
      'ann 2026-03-10T09:00 → 2026-03-11T09:00',
      'bob 2026-03-11T09:00 → 2026-03-11T15:00',
    ]);
  });

  it('has nobody when it has no participants', () => {
    const l = layer({ participants: [] });
    expect(
      computeShifts([l], [], { from: utc('2026-03-01T00:00Z'), to: utc('2026-03-08T00:00Z') }).final,
    ).toEqual([]);
  });
});

describe('layers, restrictions and overrides', () => {
  const zone = 'Europe/Brussels';
  // 2026-03-02 is a Monday.
  const weekly = layer({
    id: 'week',
    position: 1,
    rotation: 'weekly',
    startDate: '2026-03-02',
    participants: ['ann', 'bob'],
  });
  const business = layer({
    id: 'office',
    position: 2,
    name: 'Office hours',
    rotation: 'weekly',
    startDate: '2026-03-02',
    participants: ['dan'],
    restrictions: [{ days: [1, 2, 3, 4, 5], from: '09:00', to: '17:00' }],
  });

  it('a business-hours layer (Mon–Fri 09:00–17:00) wins over a 24/7 layer only within its hours', () => {
    const rows = finalRows(
      [weekly, business],
      [],
      local('2026-03-06T00:00', zone),
      local('2026-03-10T00:00', zone),
      zone,
    );
    expect(rows).toEqual([
      'ann 2026-03-06T00:00 → 2026-03-06T09:00',
      'dan 2026-03-06T09:00 → 2026-03-06T17:00',
      // Ann's weekly shift continues over the weekend until Monday's 09:00 hand-off to Bob.
      'ann 2026-03-06T17:00 → 2026-03-09T09:00',
      'dan 2026-03-09T09:00 → 2026-03-09T17:00',
      'bob 2026-03-09T17:00 → 2026-03-10T00:00',
    ]);
  });

  it('lists each layer on its own, highest position first, restrictions applied', () => {
    const { layers } = computeShifts([weekly, business], [], {
      from: local('2026-03-06T00:00', zone),
      to: local('2026-03-09T12:00', zone),
    });
    expect(layers.map((l) => l.layerId)).toEqual(['office', 'week']);
    expect(layers[0]?.shifts.map((s) => row(s, zone))).toEqual([
      'dan 2026-03-06T09:00 → 2026-03-06T17:00',
      'dan 2026-03-09T09:00 → 2026-03-09T12:00',
    ]);
    expect(layers[1]?.shifts.map((s) => row(s, zone))).toEqual([
      'ann 2026-03-06T00:00 → 2026-03-09T09:00',
      'bob 2026-03-09T09:00 → 2026-03-09T12:00',
    ]);
  });

  it('an overnight window (22:00–06:00 Friday) runs into Saturday', () => {
    const night = layer({
      id: 'night',
      position: 3,
      participants: ['eve'],
      restrictions: [{ days: [5], from: '22:00', to: '06:00' }],
    });
    const rows = finalRows(
      [weekly, night],
      [],
      local('2026-03-06T20:00', zone),
      local('2026-03-07T08:00', zone),
      zone,
    );
    expect(rows).toEqual([
      'ann 2026-03-06T20:00 → 2026-03-06T22:00',
      'eve 2026-03-06T22:00 → 2026-03-07T06:00',
      'ann 2026-03-07T06:00 → 2026-03-07T08:00',
    ]);
  });

  it('an override straddling a weekly hand-off and a restriction boundary replaces whoever was on', () => {
    const override: OverrideInput = {
      id: 'o1',
      userId: 'zoe',
      startsAt: local('2026-03-09T08:00', zone),
      endsAt: local('2026-03-09T10:00', zone),
    };
    const late: OverrideInput = {
      id: 'o2',
      userId: 'yan',
      startsAt: local('2026-03-09T16:00', zone),
      endsAt: local('2026-03-09T18:00', zone),
    };
    const rows = finalRows(
      [weekly, business],
      [override, late],
      local('2026-03-09T07:00', zone),
      local('2026-03-09T19:00', zone),
      zone,
    );
    expect(rows).toEqual([
      'ann 2026-03-09T07:00 → 2026-03-09T08:00',
      'zoe 2026-03-09T08:00 → 2026-03-09T10:00',
      'dan 2026-03-09T10:00 → 2026-03-09T16:00',
      'yan 2026-03-09T16:00 → 2026-03-09T18:00',
      'bob 2026-03-09T18:00 → 2026-03-09T19:00',
    ]);
  });

  it('an override straddling the end of a higher layer and the start of another hands back to whoever is left', () => {
    const ending = layer({
      id: 'old',
      position: 3,
      startDate: '2026-03-02',
      participants: ['gus'],
      endsAt: local('2026-03-10T12:00', zone),
    });
    const starting = layer({
      id: 'new',
      position: 2,
      startDate: '2026-03-10',
      handoffTime: '14:00',
      participants: ['hal'],
    });
    const o: OverrideInput = {
      id: 'o',
      userId: 'zoe',
      startsAt: local('2026-03-10T11:00', zone),
      endsAt: local('2026-03-10T15:00', zone),
    };
    const rows = finalRows(
      [weekly, ending, starting],
      [o],
      local('2026-03-10T10:00', zone),
      local('2026-03-10T16:00', zone),
      zone,
    );
    expect(rows).toEqual([
      'gus 2026-03-10T10:00 → 2026-03-10T11:00',
      'zoe 2026-03-10T11:00 → 2026-03-10T15:00',
      'hal 2026-03-10T15:00 → 2026-03-10T16:00',
    ]);
    // Without the override: gus until his layer ends, bob (weekly) until hal's layer starts.
    expect(
      finalRows(
        [weekly, ending, starting],
        [],
        local('2026-03-10T10:00', zone),
        local('2026-03-10T16:00', zone),
        zone,
      ),
    ).toEqual([
      'gus 2026-03-10T10:00 → 2026-03-10T12:00',
      'bob 2026-03-10T12:00 → 2026-03-10T14:00',
      'hal 2026-03-10T14:00 → 2026-03-10T16:00',
    ]);
  });

  it('of overlapping overrides the later one in the list wins', () => {
    const a: OverrideInput = {
      id: 'a',
      userId: 'ann',
      startsAt: utc('2026-03-09T10:00Z'),
      endsAt: utc('2026-03-09T14:00Z'),
    };
    const b: OverrideInput = {
      id: 'b',
      userId: 'bob',
      startsAt: utc('2026-03-09T12:00Z'),
      endsAt: utc('2026-03-09T13:00Z'),
    };
    const rows = finalRows([], [a, b], utc('2026-03-09T00:00Z'), utc('2026-03-10T00:00Z'), 'UTC');
    expect(rows).toEqual([
      'ann 2026-03-09T10:00 → 2026-03-09T12:00',
      'bob 2026-03-09T12:00 → 2026-03-09T13:00',
      'ann 2026-03-09T13:00 → 2026-03-09T14:00',
    ]);
    expect(finalRows([], [b, a], utc('2026-03-09T00:00Z'), utc('2026-03-10T00:00Z'), 'UTC')).toEqual([
      'ann 2026-03-09T10:00 → 2026-03-09T14:00',
    ]);
  });

  it('joins the same person on the same layer across hand-offs, but not across sources', () => {
    const solo = layer({ timeZone: 'UTC', participants: ['ann'] });
    const o: OverrideInput = {
      id: 'o',
      userId: 'ann',
      startsAt: utc('2026-03-09T12:00Z'),
      endsAt: utc('2026-03-09T13:00Z'),
    };
    const shifts = computeShifts([solo], [o], {
      from: utc('2026-03-08T00:00Z'),
      to: utc('2026-03-10T00:00Z'),
    }).final;
    expect(shifts.map((s) => [row(s, 'UTC'), s.source.kind])).toEqual([
      ['ann 2026-03-08T00:00 → 2026-03-09T12:00', 'layer'],
      ['ann 2026-03-09T12:00 → 2026-03-09T13:00', 'override'],
      ['ann 2026-03-09T13:00 → 2026-03-10T00:00', 'layer'],
    ]);
  });
});

describe('onCallAt', () => {
  const zone = 'Europe/Brussels';
  const weekly = layer({ rotation: 'weekly', startDate: '2026-03-02', participants: ['ann', 'bob'] });

  it("gives the shift covering the instant, stretched over the same person's adjacent shifts", () => {
    const o: OverrideInput = {
      id: 'o',
      userId: 'ann',
      startsAt: local('2026-03-09T09:00', zone),
      endsAt: local('2026-03-10T09:00', zone),
    };
    const shift = onCallAt([weekly], [o], local('2026-03-05T12:00', zone));
    expect(shift && row(shift, zone)).toBe('ann 2026-03-02T09:00 → 2026-03-10T09:00');
    expect(shift?.source).toEqual({ kind: 'layer', layerId: 'l1' });
    expect(shift?.continues).toBe(false);
  });

  it('is null when nobody is on call', () => {
    expect(onCallAt([weekly], [], local('2026-03-01T12:00', zone))).toBeNull();
  });

  it(`looks at most ${ON_CALL_HORIZON_DAYS} days either way for a one-person rotation`, () => {
    const solo = layer({ timeZone: 'UTC', startDate: '2026-01-01', participants: ['ann'] });
    const shift = onCallAt([solo], [], utc('2026-06-01T12:00Z'));
    expect(shift?.start.toISOString()).toBe('2026-04-27T12:00:00.000Z');
    expect(shift?.end.toISOString()).toBe('2026-07-06T12:00:00.000Z');
    // That end is where the look-ahead stopped, not a hand-off: the console must not show it as one.
    expect(shift?.continues).toBe(true);
  });
});

describe('input checks', () => {
  const range = { from: utc('2026-03-01T00:00Z'), to: utc('2026-03-02T00:00Z') };

  it(`refuses a range over ${MAX_RANGE_DAYS} days, and one that ends before it starts`, () => {
    expect(() =>
      computeShifts([layer()], [], { from: utc('2026-01-01T00:00Z'), to: utc('2027-02-10T00:00Z') }),
    ).toThrow(ValidationError);
    expect(() =>
      computeShifts([layer()], [], { from: utc('2026-01-01T00:00Z'), to: utc('2027-02-04T00:00Z') }),
    ).not.toThrow();
    expect(() => computeShifts([], [], { from: range.to, to: range.from })).toThrow(/before "from"/);
  });

  it('names an unknown zone, a bad hand-off time and a zero rotation length', () => {
    expect(() => computeShifts([layer({ timeZone: 'Europe/Atlantis' })], [], range)).toThrow(
      /Europe\/Atlantis/,
    );
    expect(() => computeShifts([layer({ handoffTime: '9:00' })], [], range)).toThrow(/HH:MM/);
    expect(() => computeShifts([layer({ rotation: 'hours', rotationLength: 0 })], [], range)).toThrow(
      /rotation length/,
    );
    expect(() => computeShifts([layer({ rotation: 'monthly' as Rotation })], [], range)).toThrow(/monthly/);
    expect(() =>
      computeShifts([layer({ restrictions: [{ days: [8], from: '09:00', to: '17:00' }] })], [], range),
    ).toThrow(/ISO weekday/);
  });
});

describe('whole shifts of a range', () => {
  it('keep the real start and end of the shifts the range cuts, and only those that overlap it', () => {
    const weekly = layer({ rotation: 'weekly', startDate: '2026-11-02' });
    // From Wednesday to the next Wednesday: cuts Ann's week (from Mon 2 Nov) and Bob's (from Mon 9 Nov).
    const range = { from: utc('2026-11-04T12:00:00Z'), to: utc('2026-11-11T12:00:00Z') };
    expect(wholeShifts([weekly], [], range).map((s) => row(s, 'Europe/Brussels'))).toEqual([
      'ann 2026-11-02T09:00 → 2026-11-09T09:00',
      'bob 2026-11-09T09:00 → 2026-11-16T09:00',
    ]);
    // The same range computed plainly stops at its edges.
    expect(computeShifts([weekly], [], range).final.map((s) => row(s, 'Europe/Brussels'))).toEqual([
      'ann 2026-11-04T13:00 → 2026-11-09T09:00',
      'bob 2026-11-09T09:00 → 2026-11-11T13:00',
    ]);
  });

  it('say which end is a hand-off and which is only where the search stopped', () => {
    const weekly = layer({ rotation: 'weekly', startDate: '2026-11-02' });
    const range = { from: utc('2026-11-04T12:00:00Z'), to: utc('2026-11-11T12:00:00Z') };
    expect(wholeShifts([weekly], [], range).map((s) => s.continues)).toEqual([false, false]);
    // A rotation of one person has no hand-off: its end is the range's end plus the look-ahead.
    const solo = layer({ rotation: 'weekly', startDate: '2026-11-02', participants: ['ann'] });
    const [shift, ...rest] = wholeShifts([solo], [], range);
    expect(rest).toEqual([]);
    expect(shift?.end).toEqual(new Date(range.to.getTime() + ON_CALL_HORIZON_DAYS * 86_400_000));
    expect(shift?.continues).toBe(true);
  });
});

import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { computeShifts, ON_CALL_HORIZON_DAYS, type OnCallShift, onCallAt } from './shifts';
import type { LayerInput, OverrideInput, Restriction, Shift } from './types';

/**
 * Properties of the shift computation (shifts.ts) on generated layers, overrides and ranges, placed
 * around daylight-saving changes and the 2028 leap day: each layer has at most one person at a time; the
 * final result equals a naive minute-by-minute reference written here; a range split in two gives the
 * same shifts as the whole.
 */

/** Generous: about 4 s alone on two cores, but other suites run beside it and a failure shrinks slowly. */
const TIMEOUT = 60_000;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const ZONES = ['UTC', 'Europe/Brussels', 'America/New_York', 'Asia/Kolkata'] as const;
const PEOPLE = ['ann', 'bob', 'cat', 'dan'] as const;
/** Instants near the changes the example tests name, the leap day, and a quiet summer day. */
const ANCHORS = [
  '2027-03-28T00:00Z',
  '2026-10-25T00:00Z',
  '2027-03-14T06:00Z',
  '2026-11-01T05:00Z',
  '2028-02-28T12:00Z',
  '2026-07-15T00:00Z',
].map((iso) => new Date(iso).getTime());

const hhmm = (h: number, m: number) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
const utcDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * Restriction boundaries stay clear of 01:00–03:59, where these zones skip or repeat local times: there a
 * wall-clock test ("is it between 02:30 and 17:00?") and the documented resolution of a skipped time
 * legitimately differ. Hand-off times may be anything, 02:30 included: the reference resolves them too.
 */
const restrictionTime = fc
  .tuple(fc.constantFrom(0, ...Array.from({ length: 20 }, (_, i) => i + 4)), fc.constantFrom(0, 30))
  .map(([h, m]) => hhmm(h, m));
const restriction: fc.Arbitrary<Restriction> = fc.record({
  days: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
  from: restrictionTime,
  to: restrictionTime,
});

const handoffTime = fc.oneof(
  fc.constantFrom('09:00', '02:30', '01:30', '00:00'),
  fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => hhmm(h, m)),
);

const rotation = fc.oneof(
  fc.constant({ rotation: 'daily' as const, rotationLength: 1 }),
  fc.constant({ rotation: 'weekly' as const, rotationLength: 1 }),
  fc.record({ rotation: fc.constant('hours' as const), rotationLength: fc.integer({ min: 1, max: 30 }) }),
  fc.record({ rotation: fc.constant('days' as const), rotationLength: fc.integer({ min: 1, max: 4 }) }),
);

/** A layer starting within `startDays` days before (or a few after) `anchor`. */
function layerArb(anchor: number, startDays: number): fc.Arbitrary<Omit<LayerInput, 'id' | 'position'>> {
  return fc
    .record({
      name: fc.constant('layer'),
      rot: rotation,
      handoffTime,
      timeZone: fc.constantFrom(...ZONES),
      startDate: fc.integer({ min: -startDays, max: 1 }).map((d) => utcDate(anchor + d * DAY)),
      endsAt: fc.option(
        fc.integer({ min: -2 * 24 * 60, max: 5 * 24 * 60 }).map((m) => new Date(anchor + m * MINUTE)),
        { freq: 4 },
      ),
      participants: fc.oneof(
        { weight: 1, arbitrary: fc.constant<string[]>([]) },
        {
          weight: 6,
          arbitrary: fc.array(fc.constantFrom<string>(...PEOPLE), { minLength: 1, maxLength: 4 }),
        },
      ),
      restrictions: fc.oneof(
        fc.constant<Restriction[]>([]),
        fc.array(restriction, { minLength: 1, maxLength: 2 }),
      ),
    })
    .map(({ rot, ...rest }) => ({ ...rest, ...rot }));
}

/** Layers with distinct positions, in an arbitrary order. */
function layersArb(anchor: number, startDays: number): fc.Arbitrary<LayerInput[]> {
  return fc.array(layerArb(anchor, startDays), { minLength: 1, maxLength: 3 }).chain((ls) =>
    fc
      .shuffledSubarray(
        ls.map((_, i) => i + 1),
        { minLength: ls.length, maxLength: ls.length },
      )
      .map((positions) => ls.map((l, i) => ({ ...l, id: `L${i}`, position: positions[i] ?? 0 }))),
  );
}

function overridesArb(anchor: number): fc.Arbitrary<OverrideInput[]> {
  return fc
    .array(
      fc.record({
        userId: fc.constantFrom(...PEOPLE),
        start: fc.integer({ min: -24 * 60, max: 3 * 24 * 60 }),
        minutes: fc.integer({ min: 1, max: 2 * 24 * 60 }),
      }),
      { maxLength: 3 },
    )
    .map((os) =>
      os.map((o, i) => ({
        id: `O${i}`,
        userId: o.userId,
        startsAt: new Date(anchor + o.start * MINUTE),
        endsAt: new Date(anchor + (o.start + o.minutes) * MINUTE),
      })),
    );
}

// ---- The naive reference: for each minute, ask each layer who is on, take the highest, then overrides.

const plainTime = (text: string) => Temporal.PlainTime.from(text);

/** Hand-off k of a layer, walking from the start date one rotation at a time (Temporal's default disambiguation). */
function naiveHandoffs(layer: LayerInput, until: number): number[] {
  const first = Temporal.PlainDate.from(layer.startDate)
    .toPlainDateTime(plainTime(layer.handoffTime))
    .toZonedDateTime(layer.timeZone);
  const days = layer.rotation === 'daily' ? 1 : layer.rotation === 'weekly' ? 7 : layer.rotationLength;
  const handoffs: number[] = [];
  for (let k = 0; ; k++) {
    const at =
      layer.rotation === 'hours'
        ? first.add({ hours: k * layer.rotationLength })
        : first
            .toPlainDate()
            .add({ days: k * days })
            .toPlainDateTime(plainTime(layer.handoffTime))
            .toZonedDateTime(layer.timeZone);
    handoffs.push(at.epochMilliseconds);
    if (at.epochMilliseconds > until) return handoffs;
  }
}

/** Whether `layer`'s restrictions let it cover instant `t`, by reading the local wall clock then. */
function naiveInRestrictions(layer: LayerInput): (t: number) => boolean {
  if (layer.restrictions.length === 0) return () => true;
  const toMinutes = (text: string) => Number(text.slice(0, 2)) * 60 + Number(text.slice(3));
  const windows = layer.restrictions.map((r) => ({
    days: r.days,
    from: toMinutes(r.from),
    to: toMinutes(r.to),
  }));
  return (t) => {
    const local = Temporal.Instant.fromEpochMilliseconds(t).toZonedDateTimeISO(layer.timeZone);
    const minutes = local.hour * 60 + local.minute;
    const today = local.dayOfWeek;
    const yesterday = today === 1 ? 7 : today - 1;
    return windows.some(({ days, from, to }) => {
      if (from < to) return days.includes(today) && from <= minutes && minutes < to;
      return (days.includes(today) && minutes >= from) || (days.includes(yesterday) && minutes < to);
    });
  };
}

/** Who holds `layer` at each minute of [from, to), as "user layer:<id>", or null. */
function naiveLayer(layer: LayerInput, from: number, to: number): (string | null)[] {
  const handoffs = naiveHandoffs(layer, to);
  const inRestrictions = naiveInRestrictions(layer);
  const out: (string | null)[] = [];
  let k = -1; // the last hand-off at or before t; minutes only move forward
  for (let t = from; t < to; t += MINUTE) {
    while (k + 1 < handoffs.length && (handoffs[k + 1] as number) <= t) k++;
    const alive = k >= 0 && !(layer.endsAt && t >= layer.endsAt.getTime());
    const on = alive && layer.participants.length > 0 && inRestrictions(t);
    out.push(on ? `${layer.participants[k % layer.participants.length]} layer:${layer.id}` : null);
  }
  return out;
}

/** Per minute: the latest override covering it, else the highest-position layer with someone. */
function naiveFinal(
  layers: LayerInput[],
  overrides: OverrideInput[],
  from: number,
  to: number,
): (string | null)[] {
  const byPosition = [...layers].sort((a, b) => b.position - a.position).map((l) => naiveLayer(l, from, to));
  const out: (string | null)[] = [];
  for (let m = 0, t = from; t < to; m++, t += MINUTE) {
    const override = overrides.findLast((o) => o.startsAt.getTime() <= t && t < o.endsAt.getTime());
    const layer = byPosition.map((minutes) => minutes[m]).find((who) => who != null);
    out.push(override ? `${override.userId} override:${override.id}` : (layer ?? null));
  }
  return out;
}

// ---- Reading shifts back minute by minute.

const label = (s: Shift) =>
  `${s.userId} ${s.source.kind === 'layer' ? `layer:${s.source.layerId}` : `override:${s.source.overrideId}`}`;

/** The label of the shift covering each minute of [from, to); also checks the shifts never overlap. */
function perMinute(shifts: Shift[], from: number, to: number): (string | null)[] {
  let previousEnd = from;
  for (const s of shifts) {
    expect(s.start.getTime()).toBeGreaterThanOrEqual(previousEnd);
    expect(s.end.getTime()).toBeGreaterThan(s.start.getTime());
    expect(s.start.getTime() % MINUTE).toBe(0);
    expect(s.end.getTime() % MINUTE).toBe(0);
    previousEnd = s.end.getTime();
  }
  expect(previousEnd).toBeLessThanOrEqual(to);
  const out: (string | null)[] = [];
  let i = 0;
  for (let t = from; t < to; t += MINUTE) {
    while (i < shifts.length && (shifts[i] as Shift).end.getTime() <= t) i++;
    const s = shifts[i];
    out.push(s && s.start.getTime() <= t ? label(s) : null);
  }
  return out;
}

const scenario = fc.constantFrom(...ANCHORS).chain((anchor) =>
  fc.record({
    layers: layersArb(anchor, 20),
    overrides: overridesArb(anchor),
    from: fc.integer({ min: -24 * 60, max: 24 * 60 }).map((m) => anchor + m * MINUTE),
    // Mostly a day or more, so most runs cross several hand-offs and windows; sometimes a few minutes.
    minutes: fc.oneof(
      { weight: 1, arbitrary: fc.integer({ min: 1, max: 120 }) },
      { weight: 3, arbitrary: fc.integer({ min: 24 * 60, max: 72 * 60 }) },
    ),
  }),
);

describe('computeShifts against a minute-by-minute reference', () => {
  it(
    'gives each layer at most one person at a time, and the final result the reference gives',
    () => {
      fc.assert(
        fc.property(scenario, ({ layers, overrides, from, minutes }) => {
          const to = from + minutes * MINUTE;
          const result = computeShifts(layers, overrides, { from: new Date(from), to: new Date(to) });
          expect(result.layers.map((l) => l.layerId)).toEqual(
            [...layers].sort((a, b) => b.position - a.position).map((l) => l.id),
          );
          for (const { layerId, shifts } of result.layers) {
            const l = layers.find((x) => x.id === layerId) as LayerInput;
            expect(perMinute(shifts, from, to)).toEqual(naiveLayer(l, from, to));
          }
          expect(perMinute(result.final, from, to)).toEqual(naiveFinal(layers, overrides, from, to));
          // Merged: no two touching final shifts of the same person from the same source.
          result.final.forEach((s, i) => {
            const next = result.final[i + 1];
            if (next && next.start.getTime() === s.end.getTime()) expect(label(next)).not.toBe(label(s));
          });
        }),
        { numRuns: 100 },
      );
    },
    TIMEOUT,
  );
});

// ---- Same hand-offs whatever range is asked.

/** `shifts` with the one crossing `at` cut in two there. */
function splitAt(shifts: Shift[], at: number): Shift[] {
  return shifts.flatMap((s) =>
    s.start.getTime() < at && at < s.end.getTime()
      ? [
          { ...s, end: new Date(at) },
          { ...s, start: new Date(at) },
        ]
      : [s],
  );
}

const splitScenario = fc.constantFrom(...ANCHORS).chain((anchor) =>
  fc.record({
    layers: layersArb(anchor, 3000),
    overrides: overridesArb(anchor),
    from: fc.integer({ min: -10 * 24 * 60, max: 24 * 60 }).map((m) => anchor + m * MINUTE),
    first: fc.integer({ min: 0, max: 30 * 24 * 60 }),
    second: fc.integer({ min: 0, max: 30 * 24 * 60 }),
  }),
);

describe('computeShifts over split ranges', () => {
  it(
    'gives for [a, c) what [a, b) and [b, c) give together',
    () => {
      fc.assert(
        fc.property(splitScenario, ({ layers, overrides, from, first, second }) => {
          const a = new Date(from);
          const b = new Date(from + first * MINUTE);
          const c = new Date(from + (first + second) * MINUTE);
          const whole = computeShifts(layers, overrides, { from: a, to: c });
          const left = computeShifts(layers, overrides, { from: a, to: b });
          const right = computeShifts(layers, overrides, { from: b, to: c });
          expect(splitAt(whole.final, b.getTime())).toEqual([...left.final, ...right.final]);
          whole.layers.forEach((l, i) => {
            expect(splitAt(l.shifts, b.getTime())).toEqual([
              ...(left.layers[i]?.shifts ?? []),
              ...(right.layers[i]?.shifts ?? []),
            ]);
          });
        }),
        { numRuns: 300 },
      );
    },
    TIMEOUT,
  );
});

describe('onCallAt', () => {
  /**
   * The reference: the final shifts over the whole horizon, and the run of the same person through
   * `at`, which continues when it reaches the horizon's end.
   */
  function stretchOverHorizon(
    layers: LayerInput[],
    overrides: OverrideInput[],
    at: number,
  ): OnCallShift | null {
    const horizon = ON_CALL_HORIZON_DAYS * DAY;
    const { final } = computeShifts(layers, overrides, {
      from: new Date(at - horizon),
      to: new Date(at + horizon),
    });
    const i = final.findIndex((s) => s.start.getTime() <= at && at < s.end.getTime());
    const covering = final[i];
    if (!covering) return null;
    let first = i;
    let last = i;
    const same = (a: Shift | undefined, b: Shift | undefined) =>
      a !== undefined && b !== undefined && a.userId === b.userId && a.end.getTime() === b.start.getTime();
    while (same(final[first - 1], final[first])) first--;
    while (same(final[last], final[last + 1])) last++;
    const end = final[last]?.end ?? covering.end;
    return {
      ...covering,
      start: final[first]?.start ?? covering.start,
      end,
      continues: end.getTime() >= at + horizon,
    };
  }

  it(
    'gives the same person and span as the whole horizon would, whatever its first look found',
    () => {
      fc.assert(
        fc.property(scenario, ({ layers, overrides, from }) => {
          expect(onCallAt(layers, overrides, new Date(from))).toEqual(
            stretchOverHorizon(layers, overrides, from),
          );
        }),
        { numRuns: 200 },
      );
    },
    TIMEOUT,
  );
});

import type { Temporal } from 'temporal-polyfill';
import { ValidationError } from '@/lib/errors';
import type { LayerInput, Rotation } from './types';
import {
  assertTimeZone,
  daysBetween,
  type LocalTime,
  localDateAt,
  localToEpochMs,
  parseLocalDate,
  parseLocalTime,
} from './zoned';

/**
 * One layer's hand-offs, before restrictions. Hand-off k (k = 0, 1, …) starts shift k, held by
 * participants[k mod participants.length], until hand-off k + 1:
 * - daily / weekly / "days" (every N): the hand-off time, local in the layer's zone, on startDate plus
 *   k × 1, 7 or N calendar days, so a 09:00 hand-off stays 09:00 local across daylight-saving changes;
 * - "hours" (every N): the first hand-off plus k × N elapsed hours, so across a change the local hand-off
 *   time moves by the change (a 12-hour rotation handing off at 09:00 and 21:00 hands off at 10:00 and
 *   22:00 after a spring-forward change). daily and weekly ignore rotationLength.
 * The first hand-off (startDate at handoffTime) starts the layer; before it, and from endsAt on, the layer
 * has nobody.
 */

/** A span in epoch milliseconds, [start, end). */
export type Span = { start: number; end: number };

/** A layer's shift before restrictions, held by `userId`. */
export type RotationShift = Span & { userId: string };

const HOUR_MS = 3_600_000;

/** A layer checked and parsed once, so hand-offs are cheap to compute. */
export type LayerRotation = {
  layer: LayerInput;
  firstHandoff: number;
  /** Hand-off k as epoch ms. */
  handoff: (k: number) => number;
  /** The hand-off index whose shift covers `ms` (negative before the first hand-off). */
  indexAt: (ms: number) => number;
};

/** Checks a layer's fields (a bad one would make the computation loop or lie) and prepares its hand-offs. */
export function prepareRotation(layer: LayerInput): LayerRotation {
  const field = (name: string) => `layers.${layer.id}.${name}`;
  assertTimeZone(layer.timeZone, field('timeZone'));
  const time = parseLocalTime(layer.handoffTime);
  if (!time) throw invalid(layer, field('handoffTime'), `hand-off time "${layer.handoffTime}" is not HH:MM`);
  const startDate = parseLocalDate(layer.startDate);
  if (!startDate)
    throw invalid(layer, field('startDate'), `start date "${layer.startDate}" is not YYYY-MM-DD`);
  if (!Number.isInteger(layer.rotationLength) || layer.rotationLength < 1) {
    throw invalid(layer, field('rotationLength'), 'rotation length must be a whole number, 1 or more');
  }
  if (layer.rotation === 'hours') return hoursRotation(layer, startDate, time);
  const step = stepDays(layer.rotation, layer.rotationLength);
  if (step === null) {
    throw invalid(layer, field('rotation'), `rotation "${String(layer.rotation)}" is unknown`);
  }
  return daysRotation(layer, startDate, time, step);
}

/** Calendar days between hand-offs; null for a rotation this code does not know (bad stored data). */
function stepDays(rotation: Exclude<Rotation, 'hours'>, length: number): number | null {
  switch (rotation) {
    case 'daily':
      return 1;
    case 'weekly':
      return 7;
    case 'days':
      return length;
    default:
      return null;
  }
}

function hoursRotation(layer: LayerInput, startDate: Temporal.PlainDate, time: LocalTime): LayerRotation {
  const first = localToEpochMs(startDate, time, layer.timeZone);
  // Elapsed time: plain millisecond steps from an instant are exact, no zone offsets involved.
  const step = layer.rotationLength * HOUR_MS;
  return {
    layer,
    firstHandoff: first,
    handoff: (k) => first + k * step,
    indexAt: (ms) => Math.floor((ms - first) / step),
  };
}

function daysRotation(
  layer: LayerInput,
  startDate: Temporal.PlainDate,
  time: LocalTime,
  step: number,
): LayerRotation {
  const zone = layer.timeZone;
  const handoff = (k: number) => localToEpochMs(startDate.add({ days: k * step }), time, zone);
  return {
    layer,
    firstHandoff: handoff(0),
    handoff,
    indexAt: (ms) => {
      // The local date of `ms` gives the hand-off index to within one; the hand-off time of day settles it.
      let k = Math.floor(daysBetween(startDate, localDateAt(ms, zone)) / step);
      while (handoff(k) > ms) k -= 1;
      while (handoff(k + 1) <= ms) k += 1;
      return k;
    },
  };
}

/**
 * The rotation's shifts overlapping [from, to), clipped to it and to the layer's life (first hand-off to
 * endsAt). Starts from the hand-off just before `from`, found arithmetically, so the cost is the number
 * of hand-offs inside the range, whatever the start date.
 */
export function rotationShifts(rotation: LayerRotation, from: number, to: number): RotationShift[] {
  const { layer } = rotation;
  const participants = layer.participants;
  const lifeEnd = layer.endsAt ? Math.min(layer.endsAt.getTime(), to) : to;
  const lifeStart = Math.max(rotation.firstHandoff, from);
  if (participants.length === 0 || lifeStart >= lifeEnd) return [];
  const shifts: RotationShift[] = [];
  let k = Math.max(0, rotation.indexAt(lifeStart));
  let start = rotation.handoff(k);
  while (start < lifeEnd) {
    const next = rotation.handoff(k + 1);
    const userId = participants[k % participants.length] as string;
    shifts.push({ userId, start: Math.max(start, lifeStart), end: Math.min(next, lifeEnd) });
    k += 1;
    start = next;
  }
  return shifts;
}

function invalid(layer: LayerInput, field: string, problem: string): ValidationError {
  return new ValidationError(`Layer "${layer.name}": ${problem}; fix the layer and try again.`, {
    [field]: problem,
  });
}

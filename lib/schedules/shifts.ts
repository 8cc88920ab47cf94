import { ValidationError } from '@/lib/errors';
import { clipToWindows, parseRestrictions, restrictionWindows } from './restrictions';
import { prepareRotation, rotationShifts, type Span } from './rotation';
import type { LayerInput, OverrideInput, ScheduleShifts, Shift, ShiftSource } from './types';

/**
 * Who is on call: a pure function of (layers, overrides, range). Each layer's rotation (rotation.ts) is
 * clipped to its restriction windows (restrictions.ts); then, instant by instant, the override created
 * last (latest in `overrides`) that covers it wins, else the highest-position layer with someone (equal
 * positions: the one earlier in `layers`). Example: a business-hours layer (position 2, Mon–Fri
 * 09:00–17:00) above a 24/7 weekly layer (position 1) gives the business-hours person from 09:00 to 17:00
 * on weekdays and the weekly person the rest of the time, and an override on top of both replaces either.
 */

/** Longest range computeShifts accepts: a year and a bit, for yearly calendar views and feeds. */
export const MAX_RANGE_DAYS = 400;
/** How far onCallAt looks either way for the same person's adjacent shifts. */
export const ON_CALL_HORIZON_DAYS = 35;
/** onCallAt's (and coverAt's) first, cheaper look either way. */
export const NEAR_DAYS = 8;

const DAY_MS = 86_400_000;

type Piece = Span & { userId: string; source: ShiftSource; key: string };

export function computeShifts(
  layers: readonly LayerInput[],
  overrides: readonly OverrideInput[],
  range: { from: Date; to: Date },
): ScheduleShifts {
  const from = range.from.getTime();
  const to = range.to.getTime();
  checkRange(from, to);
  const ordered = [...layers].sort((a, b) => b.position - a.position);
  const layerPieces = ordered.map((layer) => layerShifts(layer, from, to));
  // Priority order: the latest override first, then layers from the highest position down.
  const overridePieces = overrides
    .map((o) => overridePiece(o, from, to))
    .filter((p): p is Piece => p !== null)
    .reverse()
    .map((p) => [p]);
  return {
    final: resolve([...overridePieces, ...layerPieces]).map(toShift),
    layers: ordered.map((layer, i) => ({ layerId: layer.id, shifts: (layerPieces[i] ?? []).map(toShift) })),
  };
}

/** `range` widened by ON_CALL_HORIZON_DAYS each way: what wholeShifts computes over (load overrides since its `from`). */
export function wholeRange(range: { from: Date; to: Date }): { from: Date; to: Date } {
  const margin = ON_CALL_HORIZON_DAYS * DAY_MS;
  return { from: new Date(range.from.getTime() - margin), to: new Date(range.to.getTime() + margin) };
}

/**
 * A shift of wholeShifts. `continues`: no hand-off within ON_CALL_HORIZON_DAYS past the range (a rotation
 * of one person, say), so `end` is where Vigil stopped looking, not a hand-off, and must not be shown as
 * one (as OnCallShift's).
 */
export type WholeShift = Shift & { continues: boolean };

/**
 * The final shifts that overlap `range`, whole: a shift the range's edges cut (a feed's window, a list's
 * look-ahead) keeps its real start and end, looked for up to ON_CALL_HORIZON_DAYS beyond them. A calendar
 * event then keeps its start (and UID) from one fetch to the next, and asking for cover of a shift
 * listed for the next 14 days covers it to its real hand-off, not to where the list stopped.
 *
 *   one weekly layer [ann, bob], range Wed–Wed → ann Mon–Mon, bob Mon–Mon (continues: false)
 *   one layer [ann], range 14 days             → ann to range.to + 35 days (continues: true)
 */
export function wholeShifts(
  layers: readonly LayerInput[],
  overrides: readonly OverrideInput[],
  range: { from: Date; to: Date },
): WholeShift[] {
  const whole = wholeRange(range);
  // computeShifts cuts shifts at the range's end: one reaching it goes on beyond (as in onCallAt).
  return computeShifts(layers, overrides, whole)
    .final.filter((s) => s.end > range.from && s.start < range.to)
    .map((s) => ({ ...s, continues: s.end.getTime() >= whole.to.getTime() }));
}

/**
 * A person's continuous cover at an instant. `continues`: it runs past the look-ahead (no hand-off
 * within ON_CALL_HORIZON_DAYS, a rotation of one person, say), so `end` is where Vigil stopped looking,
 * not a hand-off, and must not be shown as one.
 */
export type OnCallShift = Shift & { continues: boolean };

/**
 * The final shift covering `at`, or null when nobody is on call then. Its start and end stretch across
 * the same person's adjacent final shifts (a weekly shift followed by their override, say), looking at
 * most ON_CALL_HORIZON_DAYS either way: "on call until Tue 09:00". `source` is that of the shift
 * covering `at`. It first looks NEAR_DAYS either way (enough for daily and weekly rotations) and only
 * computes the whole horizon when the stretch reaches that window's edge: "who is on call now" runs
 * once per schedule on request paths.
 */
export function onCallAt(
  layers: readonly LayerInput[],
  overrides: readonly OverrideInput[],
  at: Date,
): OnCallShift | null {
  const t = at.getTime();
  for (const days of [NEAR_DAYS, ON_CALL_HORIZON_DAYS]) {
    const from = t - days * DAY_MS;
    const to = t + days * DAY_MS;
    const { final } = computeShifts(layers, overrides, { from: new Date(from), to: new Date(to) });
    const shift = stretchAt(final, t);
    if (!shift) return null;
    const inside = shift.start.getTime() > from && shift.end.getTime() < to;
    // computeShifts cuts shifts at the range's end: a stretch reaching it goes on beyond.
    if (inside || days === ON_CALL_HORIZON_DAYS) return { ...shift, continues: shift.end.getTime() >= to };
  }
  return null;
}

/** The shift of `final` covering `t`, stretched over the same person's touching neighbours. */
function stretchAt(final: readonly Shift[], t: number): Shift | null {
  const i = final.findIndex((s) => s.start.getTime() <= t && t < s.end.getTime());
  const covering = final[i];
  if (!covering) return null;
  let start = covering.start;
  let end = covering.end;
  for (let j = i - 1; j >= 0; j--) {
    const s = final[j] as Shift;
    if (s.userId !== covering.userId || s.end.getTime() !== start.getTime()) break;
    start = s.start;
  }
  for (let j = i + 1; j < final.length; j++) {
    const s = final[j] as Shift;
    if (s.userId !== covering.userId || s.start.getTime() !== end.getTime()) break;
    end = s.end;
  }
  return { ...covering, start, end };
}

function checkRange(from: number, to: number): void {
  if (Number.isNaN(from) || Number.isNaN(to)) {
    throw new ValidationError('The range needs valid "from" and "to" times (ISO 8601).', {
      range: 'invalid date',
    });
  }
  if (to < from) {
    throw new ValidationError('"to" is before "from": swap them.', { to: 'before from' });
  }
  if (to - from > MAX_RANGE_DAYS * DAY_MS) {
    throw new ValidationError(
      `The range spans more than ${MAX_RANGE_DAYS} days: ask for shorter ranges one after another.`,
      { to: `at most ${MAX_RANGE_DAYS} days after from` },
    );
  }
}

/** One layer's shifts in [from, to): its rotation clipped to its restriction windows, one per piece. */
function layerShifts(layer: LayerInput, from: number, to: number): Piece[] {
  const rotation = prepareRotation(layer);
  const restrictions = parseRestrictions(layer.restrictions, `layers.${layer.id}.restrictions`);
  const shifts = rotationShifts(rotation, from, to);
  const clipped =
    restrictions.length === 0 || shifts.length === 0
      ? shifts
      : clipToWindows(shifts, restrictionWindows(restrictions, layer.timeZone, from, to));
  const source: ShiftSource = { kind: 'layer', layerId: layer.id };
  const key = `layer:${layer.id}`;
  return clipped.map((s) => ({ start: s.start, end: s.end, userId: s.userId, source, key }));
}

function overridePiece(o: OverrideInput, from: number, to: number): Piece | null {
  const start = Math.max(o.startsAt.getTime(), from);
  const end = Math.min(o.endsAt.getTime(), to);
  if (!(start < end)) return null;
  return {
    start,
    end,
    userId: o.userId,
    source: { kind: 'override', overrideId: o.id },
    key: `override:${o.id}`,
  };
}

/**
 * Sweeps the boundaries of all pieces: between two boundaries the first source (in priority order) with
 * a piece there wins. Each source's pieces are sorted and disjoint, so a cursor per source moves forward
 * only. Adjacent winners of the same person from the same source join into one shift.
 */
function resolve(sources: readonly Piece[][]): Piece[] {
  const bounds = [...new Set(sources.flatMap((pieces) => pieces.flatMap((p) => [p.start, p.end])))].sort(
    (a, b) => a - b,
  );
  const cursors = sources.map(() => 0);
  const result: Piece[] = [];
  for (let b = 0; b + 1 < bounds.length; b++) {
    const start = bounds[b] as number;
    const end = bounds[b + 1] as number;
    const winner = winnerAt(sources, cursors, start);
    if (!winner) continue;
    const previous = result.at(-1);
    if (
      previous &&
      previous.end === start &&
      previous.key === winner.key &&
      previous.userId === winner.userId
    ) {
      previous.end = end;
    } else {
      result.push({ ...winner, start, end });
    }
  }
  return result;
}

function winnerAt(sources: readonly Piece[][], cursors: number[], at: number): Piece | undefined {
  for (let s = 0; s < sources.length; s++) {
    const pieces = sources[s] as Piece[];
    let c = cursors[s] as number;
    while (c < pieces.length && (pieces[c] as Piece).end <= at) c += 1;
    cursors[s] = c;
    const piece = pieces[c];
    if (piece && piece.start <= at) return piece;
  }
  return undefined;
}

function toShift(p: Piece): Shift {
  return { userId: p.userId, start: new Date(p.start), end: new Date(p.end), source: p.source };
}

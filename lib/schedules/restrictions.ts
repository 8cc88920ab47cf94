import { Temporal } from 'temporal-polyfill';
import { ValidationError } from '@/lib/errors';
import type { Span } from './rotation';
import type { Restriction } from './types';
import { daysBetween, type LocalTime, localDateAt, localToEpochMs, parseLocalTime } from './zoned';

/**
 * Restriction windows ("business hours only" layers). A restriction {days, from, to} opens a window on
 * each of its ISO weekdays (1 = Monday) at `from`, local in the layer's zone, closing at `to` the same day,
 * or the next day when `to` is at or before `from` (22:00–06:00 on Friday runs Friday 22:00 to Saturday
 * 06:00; 09:00–09:00 is a whole day). Local times go through zoned.ts, so a window boundary in a
 * daylight-saving gap or overlap resolves as a hand-off does; a window that the change leaves empty
 * (both ends in the same gap) is dropped.
 */

type ParsedRestriction = { days: ReadonlySet<number>; from: LocalTime; to: LocalTime; overnight: boolean };

export function parseRestrictions(restrictions: readonly Restriction[], field: string): ParsedRestriction[] {
  return restrictions.map((r, i) => {
    const from = parseLocalTime(r.from);
    const to = parseLocalTime(r.to);
    const badDay = r.days.find((d) => !Number.isInteger(d) || d < 1 || d > 7);
    if (!from || !to || badDay !== undefined) {
      const problem = !from || !to ? 'from and to must be HH:MM' : `day ${badDay} is not an ISO weekday 1–7`;
      throw new ValidationError(`Restriction ${i + 1}: ${problem}; fix the layer and try again.`, {
        [`${field}.${i}`]: problem,
      });
    }
    const overnight = Temporal.PlainTime.compare(to, from) <= 0;
    return { days: new Set(r.days), from, to, overnight };
  });
}

/**
 * The union of the windows overlapping [from, to), sorted and merged (touching windows join). Walks the
 * local dates from the day before `from` (an overnight window may have opened then) to the date of `to`.
 */
export function restrictionWindows(
  restrictions: readonly ParsedRestriction[],
  zone: string,
  from: number,
  to: number,
): Span[] {
  const windows: Span[] = [];
  const first = localDateAt(from, zone).subtract({ days: 1 });
  const count = daysBetween(first, localDateAt(to, zone));
  for (let i = 0; i <= count; i++) {
    const date = first.add({ days: i });
    const weekday = date.dayOfWeek;
    for (const r of restrictions) {
      if (!r.days.has(weekday)) continue;
      const start = localToEpochMs(date, r.from, zone);
      const end = localToEpochMs(r.overnight ? date.add({ days: 1 }) : date, r.to, zone);
      if (end > start && end > from && start < to) windows.push({ start, end });
    }
  }
  windows.sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const w of windows) {
    const previous = merged.at(-1);
    if (previous && w.start <= previous.end) previous.end = Math.max(previous.end, w.end);
    else merged.push({ ...w });
  }
  return merged;
}

/**
 * The parts of `spans` inside `windows`, in order; both sorted and disjoint, so one pass over each
 * (a year of hourly shifts against a year of windows stays linear).
 */
export function clipToWindows<T extends Span>(spans: readonly T[], windows: readonly Span[]): T[] {
  const parts: T[] = [];
  let first = 0;
  for (const span of spans) {
    while (first < windows.length && (windows[first] as Span).end <= span.start) first += 1;
    for (let i = first; i < windows.length; i++) {
      const w = windows[i] as Span;
      if (w.start >= span.end) break;
      parts.push({ ...span, start: Math.max(span.start, w.start), end: Math.min(span.end, w.end) });
    }
  }
  return parts;
}

import { computeShifts, NEAR_DAYS, ON_CALL_HORIZON_DAYS } from './shifts';
import type { LayerInput, OverrideInput } from './types';

/**
 * A person's cover across all their schedules: "on call until …" means until they stop being on call
 * on ANY schedule, so covers that overlap or touch (Leads until 09:00, then SRE primary from 09:00 for
 * a week) are one stretch. Covers a minute apart are not: that minute nobody pages them. Pure.
 *
 *   Leads ann –09:00, SRE primary ann 09:00–Mon 09:00, at 08:00 → until Mon 09:00, [Leads, SRE primary]
 *   Leads ann –09:00, SRE primary ann 09:01–…,          at 08:00 → until 09:00, [Leads]
 */

const DAY_MS = 86_400_000;

type CoverSchedule = {
  id: string;
  name: string;
  layers: readonly LayerInput[];
  overrides: readonly OverrideInput[];
};

/**
 * `continues`: the stretch runs past the look-ahead (no moment off call within ON_CALL_HORIZON_DAYS),
 * so `until` is where Vigil stopped looking, not a hand-off (as OnCallShift's). `schedules`: those the
 * person is on call on from `at` to `until`, in the order that cover starts (those covering `at` first).
 */
export type PersonCover = {
  since: Date;
  until: Date;
  continues: boolean;
  schedules: { id: string; name: string }[];
};

type Span = { start: number; end: number; schedule: CoverSchedule };

/**
 * The person's merged cover at `at`, or null when they are on call on none of `schedules` then. Like
 * onCallAt it looks NEAR_DAYS either way first and the whole ON_CALL_HORIZON_DAYS only when the stretch
 * reaches that window's edge; and it asks who holds the very instant first, since GET /api/v1/me runs
 * this on every page and most people are off call most of the time.
 */
export function coverAt(schedules: readonly CoverSchedule[], userId: string, at: Date): PersonCover | null {
  const t = at.getTime();
  const instant = { from: at, to: new Date(t + 1) };
  const onNow = schedules.some(
    (s) => computeShifts(s.layers, s.overrides, instant).final[0]?.userId === userId,
  );
  if (!onNow) return null;
  for (const days of [NEAR_DAYS, ON_CALL_HORIZON_DAYS]) {
    const from = t - days * DAY_MS;
    const to = t + days * DAY_MS;
    const range = { from: new Date(from), to: new Date(to) };
    const spans = schedules.flatMap((schedule) =>
      computeShifts(schedule.layers, schedule.overrides, range)
        .final.filter((s) => s.userId === userId)
        .map((s) => ({ start: s.start.getTime(), end: s.end.getTime(), schedule })),
    );
    const stretch = stretchAt(spans, t);
    if (!stretch) return null;
    const inside = stretch.start > from && stretch.end < to;
    // computeShifts cuts shifts at the range's end: a stretch reaching it goes on beyond.
    if (inside || days === ON_CALL_HORIZON_DAYS)
      return {
        since: new Date(stretch.start),
        until: new Date(stretch.end),
        continues: stretch.end >= to,
        schedules: schedulesFrom(spans, t, stretch.end),
      };
  }
  return null;
}

/** The union of `spans` (overlapping or touching ones joined) that holds `t`, or null. */
function stretchAt(spans: readonly Span[], t: number): { start: number; end: number } | null {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  let current: { start: number; end: number } | null = null;
  for (const span of sorted) {
    if (current && span.start <= current.end) {
      current.end = Math.max(current.end, span.end);
      continue;
    }
    if (current && current.start <= t && t < current.end) return current;
    current = { start: span.start, end: span.end };
  }
  return current && current.start <= t && t < current.end ? current : null;
}

/** The schedules with a span in [t, end), by the start of their first one there (then by name). */
function schedulesFrom(spans: readonly Span[], t: number, end: number): { id: string; name: string }[] {
  const first = new Map<string, { id: string; name: string; start: number }>();
  for (const span of spans) {
    if (span.end <= t || span.start >= end) continue;
    const seen = first.get(span.schedule.id);
    if (!seen || span.start < seen.start)
      first.set(span.schedule.id, { id: span.schedule.id, name: span.schedule.name, start: span.start });
  }
  return [...first.values()]
    .sort((a, b) => a.start - b.start || a.name.localeCompare(b.name))
    .map(({ id, name }) => ({ id, name }));
}

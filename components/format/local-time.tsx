'use client';

import {
  formatClock,
  formatEnd,
  formatFor,
  formatRelative,
  formatTime,
  formatUtcTitle,
  type Precision,
  type TimeInput,
} from './time';
import { useTimeZone } from './use-time-zone';

/** ISO form for `<time dateTime>`; an invalid input gives undefined (the element still renders '—'). */
function iso(at: TimeInput): string | undefined {
  const d = at instanceof Date ? at : new Date(at);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

/**
 * An instant in the reader's own zone (their profile's, else their browser's; or UTC, by the switch in
 * the user menu), with UTC to the second on hover. `clock` writes the time of day alone, for lines
 * inside a window whose day is said once. `zone` pins the zone, for a page that says which one it is in
 * (the reports, in the reader's profile zone).
 *
 *   <LocalTime at="2026-12-04T16:14:05Z" /> → <time dateTime="2026-12-04T16:14:05.000Z"
 *     title="2026-12-04 16:14:05 UTC">2026-12-04 17:14 CET</time>   (for a reader in Brussels)
 */
export function LocalTime({
  at,
  precision = 'minute',
  clock = false,
  className,
  zone: pinned,
}: {
  at: TimeInput | null | undefined;
  precision?: Precision;
  clock?: boolean;
  className?: string;
  zone?: string;
}) {
  const viewer = useTimeZone();
  const zone = pinned ?? viewer;
  if (at === null || at === undefined) return <span className={className}>—</span>;
  return (
    <time dateTime={iso(at)} title={formatUtcTitle(at)} className={className}>
      {clock ? formatClock(at, zone) : formatTime(at, zone, precision)}
    </time>
  );
}

/**
 * The end of a span whose start is written beside it, in the same zone: the clock alone on the start's
 * day, else with its date (formatEnd).
 *
 *   Next: <LocalTime at={start} /> to <LocalEnd start={start} at={end} />
 *     → 'Next: 2026-12-08 02:00 CET to 04:00', or '… to 2026-12-09 02:00 CET' when it ends a day later
 */
export function LocalEnd({ start, at }: { start: TimeInput; at: TimeInput }) {
  const zone = useTimeZone();
  return (
    <time dateTime={iso(at)} title={formatUtcTitle(at)}>
      {formatEnd(start, at, zone)}
    </time>
  );
}

/**
 * How long ago or how long for ('12m ago', 'in 4m', 'for 12m'), with the absolute time in the reader's
 * zone and in UTC on hover. `nowMs` comes from the caller, which decides how often it ticks.
 */
export function RelativeTime({
  at,
  nowMs,
  style = 'relative',
  className,
}: {
  at: TimeInput;
  nowMs: number;
  style?: 'relative' | 'for';
  className?: string;
}) {
  const zone = useTimeZone();
  const absolute = formatTime(at, zone, 'second');
  const utc = formatUtcTitle(at);
  return (
    <time dateTime={iso(at)} title={absolute === utc ? utc : `${absolute} · ${utc}`} className={className}>
      {style === 'for' ? formatFor(at, nowMs) : formatRelative(at, nowMs)}
    </time>
  );
}

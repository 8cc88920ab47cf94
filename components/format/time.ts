import { formatDuration } from './duration';

/**
 * The one way Vigil writes an instant: year-month-day, 24-hour clock, and the zone's short name, in the
 * zone the viewer reads (theirs, or UTC by the switch in the user menu). The zone arithmetic is
 * Intl.DateTimeFormat's (the IANA database the browser ships), never ours. Pure.
 *
 *   formatTime('2026-03-29T01:30:00Z', 'Europe/Brussels', 'minute', 'en-GB') → '2026-03-29 03:30 CEST'
 *   formatTime('2026-03-29T01:30:00Z', 'UTC', 'second')                     → '2026-03-29 01:30:00 UTC'
 *   formatTime('2026-03-29T01:30:00Z', 'UTC', 'day')                        → '2026-03-29'
 *   formatClock('2026-03-29T01:30:05Z', 'Europe/Brussels')                  → '03:30:05'
 *   formatRelative('2026-12-04T10:04:00Z', Date.parse('2026-12-04T10:00:00Z')) → 'in 4m'
 */

export type TimeInput = string | number | Date;
/** `day`: the date alone; `minute` and `second`: date, clock and zone. */
export type Precision = 'day' | 'minute' | 'second';

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Building a DateTimeFormat costs far more than using one: one per zone, precision and locale. */
function formatter(zone: string, precision: Precision | 'clock', locale: string | undefined) {
  const key = `${zone}|${precision}|${locale ?? ''}`;
  let f = formatters.get(key);
  if (!f) {
    const date =
      precision === 'clock' ? {} : ({ year: 'numeric', month: '2-digit', day: '2-digit' } as const);
    const clock =
      precision === 'day'
        ? {}
        : ({
            hour: '2-digit',
            minute: '2-digit',
            hourCycle: 'h23',
            ...(precision === 'minute' ? {} : { second: '2-digit' }),
          } as const);
    const zoneName = precision === 'day' || precision === 'clock' ? {} : ({ timeZoneName: 'short' } as const);
    f = new Intl.DateTimeFormat(locale, { timeZone: zone, ...date, ...clock, ...zoneName });
    formatters.set(key, f);
  }
  return f;
}

function toDate(at: TimeInput): Date {
  return at instanceof Date ? at : new Date(at);
}

/** The named parts of `at` in `zone`; the order and separators of the locale are not used. */
function parts(at: TimeInput, zone: string, precision: Precision | 'clock', locale?: string) {
  const found: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const p of formatter(zone, precision, locale).formatToParts(toDate(at))) found[p.type] = p.value;
  return found;
}

/**
 * `at` in `zone` (an IANA name such as 'Europe/Brussels', or 'UTC'). The zone's short name comes from
 * `locale` (the viewer's by default): 'CEST' in en-GB, 'GMT+2' in en-US. An invalid time gives '—'.
 */
export function formatTime(
  at: TimeInput,
  zone: string,
  precision: Precision = 'minute',
  locale?: string,
): string {
  if (Number.isNaN(toDate(at).getTime())) return '—';
  const p = parts(at, zone, precision, locale);
  const day = `${p.year}-${p.month}-${p.day}`;
  if (precision === 'day') return day;
  const clock = `${p.hour}:${p.minute}${precision === 'second' ? `:${p.second}` : ''}`;
  return `${day} ${clock} ${p.timeZoneName}`;
}

/** The clock alone (`03:30:05`), for lines inside a window whose day and zone are said once. */
export function formatClock(at: TimeInput, zone: string, locale?: string): string {
  if (Number.isNaN(toDate(at).getTime())) return '—';
  const p = parts(at, zone, 'clock', locale);
  return `${p.hour}:${p.minute}:${p.second}`;
}

/** The hover text of every time: the instant in UTC to the second, what logs and Alertmanager say. */
export function formatUtcTitle(at: TimeInput): string {
  return formatTime(at, 'UTC', 'second', 'en-GB');
}

/** How far `at` is from now: '12m ago', 'in 4m' ('0s ago' for now). */
export function formatRelative(at: TimeInput, nowMs: number): string {
  const seconds = (toDate(at).getTime() - nowMs) / 1000;
  return seconds >= 1 ? `in ${formatDuration(seconds)}` : `${formatDuration(-seconds)} ago`;
}

/** How long something has lasted since `at`: 'for 12m'. */
export function formatFor(at: TimeInput, nowMs: number): string {
  return `for ${formatDuration((nowMs - toDate(at).getTime()) / 1000)}`;
}

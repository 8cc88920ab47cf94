import { formatDuration } from './duration';

/**
 * The one way Vigil writes an instant: year-month-day, 24-hour clock, and the zone's short name, in the
 * zone the reader reads (their own, or UTC by the switch in the user menu). The zone arithmetic is
 * Intl.DateTimeFormat's (the IANA database the browser ships), never ours. The same text in every
 * browser locale (and on the server): a fixed locale's parts, and zone names chosen by the rule of
 * zoneName. Pure.
 *
 *   formatTime('2026-03-29T01:30:00Z', 'Europe/Brussels')         → '2026-03-29 03:30 CEST'
 *   formatTime('2026-03-29T01:30:00Z', 'America/New_York')        → '2026-03-28 21:30 EDT'
 *   formatTime('2026-03-29T01:30:00Z', 'UTC', 'second')           → '2026-03-29 01:30:00 UTC'
 *   formatTime('2026-03-29T01:30:00Z', 'UTC', 'day')              → '2026-03-29'
 *   formatClock('2026-03-29T01:30:05Z', 'Europe/Brussels')        → '03:30:05'
 *   formatEnd(start, '2026-03-29T03:00:00Z', 'Europe/Brussels')   → '05:00' (same day), else in full
 *   formatRelative('2026-12-04T10:04:00Z', Date.parse('2026-12-04T10:00:00Z')) → 'in 4m'
 */

export type TimeInput = string | number | Date;
/** `day`: the date alone; `minute` and `second`: date, clock and zone. */
export type Precision = 'day' | 'minute' | 'second';

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * Building a DateTimeFormat costs far more than using one: one per zone and precision. The parts come
 * from en-US, whatever the reader's locale: only numbers are taken from them (Latin digits, 24-hour clock),
 * and its zone name is the first one zoneName tries.
 */
function formatter(zone: string, precision: Precision | 'clock') {
  const key = `${zone}|${precision}`;
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
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, ...date, ...clock, ...zoneName });
    formatters.set(key, f);
  }
  return f;
}

const britishNames = new Map<string, Intl.DateTimeFormat>();

function britishName(at: Date, zone: string): string | undefined {
  let f = britishNames.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone: zone, timeZoneName: 'short' });
    britishNames.set(zone, f);
  }
  return f.formatToParts(at).find((p) => p.type === 'timeZoneName')?.value;
}

const ABBREVIATION = /^[A-Z]+$/;

/**
 * The zone's short name at `at`: en-US's when it is an abbreviation, else en-GB's when that is one, else
 * the offset from GMT. The browser's own locale is not used: an en-US browser wrote "GMT+1" for Brussels
 * and an en-GB one "GMT-5" for New York; and the server, which writes the first render, has a locale of
 * its own. Neither locale knows every abbreviation, and adding more would bring names that mean two
 * things (en-AU knows AEDT, but IST is India's in en-IN and Ireland's in en-IE), so the rest get the
 * offset. Measured with Node 20's ICU 78 (CLDR), winter / summer, en-US then en-GB:
 *
 *   America/New_York  EST / EDT         (en-GB: GMT-5 / GMT-4)      → EST / EDT
 *   America/Los_Angeles PST / PDT       (en-GB: GMT-8 / GMT-7)      → PST / PDT
 *   Europe/Brussels   GMT+1 / GMT+2     (en-GB: CET / CEST)         → CET / CEST
 *   Europe/London     GMT / GMT+1       (en-GB: GMT / BST)          → GMT / BST
 *   Europe/Lisbon     GMT+0 / GMT+1     (en-GB: WET / WEST)         → WET / WEST
 *   Asia/Tokyo        GMT+9             (en-GB the same)            → GMT+9
 *   Australia/Sydney  GMT+11 / GMT+10   (en-GB the same)            → GMT+11 / GMT+10
 *   Asia/Kolkata      GMT+5:30          (en-GB the same)            → GMT+5:30
 *   UTC               UTC               (en-GB the same)            → UTC
 */
function zoneName(at: Date, zone: string, american: string | undefined): string {
  if (american && ABBREVIATION.test(american)) return american;
  const british = britishName(at, zone);
  if (british && ABBREVIATION.test(british)) return british;
  return british ?? american ?? zone;
}

function toDate(at: TimeInput): Date {
  return at instanceof Date ? at : new Date(at);
}

/** The named parts of `at` in `zone`; the order and separators of the locale are not used. */
function parts(at: Date, zone: string, precision: Precision | 'clock') {
  const found: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const p of formatter(zone, precision).formatToParts(at)) found[p.type] = p.value;
  return found;
}

/**
 * `at` in `zone` (an IANA name such as 'Europe/Brussels', or 'UTC'), with the zone's short name (see
 * zoneName): 'CEST', 'EDT', 'GMT+9'. An invalid time gives '—'.
 */
export function formatTime(at: TimeInput, zone: string, precision: Precision = 'minute'): string {
  const date = toDate(at);
  if (Number.isNaN(date.getTime())) return '—';
  const p = parts(date, zone, precision);
  const day = `${p.year}-${p.month}-${p.day}`;
  if (precision === 'day') return day;
  const clock = `${p.hour}:${p.minute}${precision === 'second' ? `:${p.second}` : ''}`;
  return `${day} ${clock} ${zoneName(date, zone, p.timeZoneName)}`;
}

/** The clock alone (`03:30:05`), for lines inside a window whose day and zone are said once. */
export function formatClock(at: TimeInput, zone: string): string {
  const date = toDate(at);
  if (Number.isNaN(date.getTime())) return '—';
  const p = parts(date, zone, 'clock');
  return `${p.hour}:${p.minute}:${p.second}`;
}

/**
 * The end of a span that `formatTime(start)` has already written: the clock alone when it is the same
 * day with the same zone name, else in full, so a window running past midnight (maintenance windows
 * last up to 7 days) or across a daylight-saving change says which day and offset it ends on.
 *
 *   formatEnd('2026-12-08T01:00:00Z', '2026-12-08T03:00:00Z', 'Europe/Brussels') → '04:00'
 *   formatEnd('2026-12-08T22:00:00Z', '2026-12-09T01:00:00Z', 'Europe/Brussels') → '2026-12-09 02:00 CET'
 */
export function formatEnd(start: TimeInput, end: TimeInput, zone: string): string {
  const full = formatTime(end, zone);
  const [startDay, , startZone] = formatTime(start, zone).split(' ');
  const [endDay, endClock, endZone] = full.split(' ');
  return endClock !== undefined && startDay === endDay && startZone === endZone ? endClock : full;
}

/** The hover text of every time: the instant in UTC to the second, what logs and Alertmanager say. */
export function formatUtcTitle(at: TimeInput): string {
  return formatTime(at, 'UTC', 'second');
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

import { RRule } from 'rrule';
import { Temporal } from 'temporal-polyfill';
import { bounded } from './bounded';

/**
 * When a maintenance window's occurrences fall, pure. A window is wall-clock times in an IANA zone:
 * "every Sunday 02:00–04:00 Europe/Brussels" is `{firstStart: '2026-12-06T02:00', timeZone:
 * 'Europe/Brussels', durationSeconds: 7200, rrule: 'FREQ=WEEKLY;BYDAY=SU'}`.
 *
 * The recurrence (rrule) is expanded on wall-clock dates and times with no zone at all ("floating"
 * times, carried in Date objects whose UTC fields are the local fields), and each local start and end
 * is then placed in the zone by Temporal, so a window keeps its local hours across daylight-saving
 * changes. On the day clocks change:
 * - a local time that does not exist (02:00–03:00 on a spring-forward night) moves forward by the gap
 *   (Temporal's "compatible"): the Brussels window above runs 03:00–04:00 CEST on 2027-03-28, one hour;
 * - a local time that exists twice (fall back) is the earlier one: on 2026-10-25 it runs from 02:00 CEST
 *   to 04:00 CET, three hours.
 * So the window always ends at its local end time; its length in hours follows the clock change.
 * UNTIL is compared with those wall-clock starts too: a UTC one ("…Z") is first taken to the zone
 * (localRule).
 *
 *   occurrencesBetween(brusselsSunday, new Date('2027-03-27T00:00Z'), new Date('2027-03-29T00:00Z'))
 *     → [{start: 2027-03-28T01:00Z, end: 2027-03-28T02:00Z}]
 */

export type WindowTiming = {
  /** "YYYY-MM-DDTHH:MM": local start of the first occurrence. */
  firstStart: string;
  timeZone: string;
  /** Wall-clock length of each occurrence. */
  durationSeconds: number;
  /** RFC 5545 RRULE without DTSTART ("FREQ=WEEKLY;BYDAY=SU"); "" for a single occurrence. */
  rrule: string;
};

export type Occurrence = { start: Date; end: Date };

/** Frequencies allowed: at most one occurrence a day per rule part, so an expansion stays small. */
const FREQUENCIES = new Set([RRule.YEARLY, RRule.MONTHLY, RRule.WEEKLY, RRule.DAILY]);
/** Parts Vigil sets itself (the start and the zone) or that would make occurrences within a day. */
const REFUSED = ['DTSTART', 'TZID', 'BYHOUR', 'BYMINUTE', 'BYSECOND'] as const;

/**
 * Why a recurrence rule cannot be used, in words for the form; undefined when it can.
 *
 *   recurrenceProblem('FREQ=WEEKLY;BYDAY=SU') → undefined
 *   recurrenceProblem('FREQ=HOURLY') → 'repeat at most daily: FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY'
 */
export function recurrenceProblem(rule: string): string | undefined {
  if (rule === '') return undefined;
  const upper = rule.toUpperCase();
  for (const part of REFUSED)
    if (new RegExp(`(^|;)${part}[=:]`).test(upper))
      return `leave out ${part}: the window's start time and time zone set it`;
  let options: ReturnType<typeof RRule.parseString>;
  try {
    options = RRule.parseString(rule);
  } catch (error) {
    return `not an RFC 5545 RRULE (${error instanceof Error ? error.message : String(error)}), e.g. FREQ=WEEKLY;BYDAY=SU`;
  }
  if (options.freq === undefined || !FREQUENCIES.has(options.freq))
    return 'repeat at most daily: FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY';
  return positiveProblem('COUNT', options.count) ?? positiveProblem('INTERVAL', options.interval);
}

/**
 * COUNT and INTERVAL must be whole numbers above zero. rrule yields nothing for 0 (iter/index.js:
 * `count === 0 || interval === 0`), counts a negative COUNT down forever (no end), keeps a word as text
 * (parseIndividualNumber), and never returns from a negative or textual INTERVAL.
 *
 *   positiveProblem('COUNT', 0) → 'COUNT=0 means the window never starts: remove COUNT or give a positive number.'
 */
function positiveProblem(part: 'COUNT' | 'INTERVAL', value: unknown): string | undefined {
  if (value === undefined || value === null || (Number.isInteger(value) && (value as number) > 0))
    return undefined;
  if (value === 0)
    return `${part}=0 means the window never starts: remove ${part} or give a positive number.`;
  return `${part}=${String(value)} is not a whole number above zero: remove ${part} or give a positive number.`;
}

/**
 * What is wrong with a window's local first start ("YYYY-MM-DDTHH:MM"), or undefined: a day or time the
 * calendar does not have. Date.parse let "2026-02-30T02:00" through (as 2 March), and Temporal then
 * refused the stored row on every later read.
 *
 *   localStartProblem('2027-03-28T02:00') → undefined
 *   localStartProblem('2026-02-30T02:00') → '2026-02-30T02:00 is not a date and time: …'
 */
export function localStartProblem(firstStart: string): string | undefined {
  try {
    Temporal.PlainDateTime.from(firstStart);
    return undefined;
  } catch (error) {
    return `${firstStart} is not a date and time: ${(error as Error).message}`;
  }
}

/**
 * A stored window's occurrences that overlap [from, to); none, and a log line naming it, for a row that
 * cannot be scheduled (written before a check that now refuses it), so one bad window never stops the
 * list or the other windows' silences.
 */
export function storedOccurrences(
  window: WindowTiming & { name: string },
  from: Date,
  to: Date,
): Occurrence[] {
  try {
    return occurrencesBetween(window, from, to);
  } catch (error) {
    console.error(
      `[vigil] maintenance window "${window.name}" cannot be scheduled (${(error as Error).message}); edit or delete it`,
    );
    return [];
  }
}

/** The occurrences that overlap [from, to), in time order. */
export function occurrencesBetween(window: WindowTiming, from: Date, to: Date): Occurrence[] {
  const first = Temporal.PlainDateTime.from(window.firstStart);
  const starts = window.rrule === '' ? [first] : localStarts(window, first, from, to);
  return starts
    .map((start) => place(window, start))
    .filter((o) => o.end > o.start && o.end > from && o.start < to);
}

/** The first occurrence that has not ended by `at` (the one running at `at`, if any), or null. */
export function nextOccurrence(window: WindowTiming, at: Date, horizonDays = 400): Occurrence | null {
  return occurrencesBetween(window, at, new Date(at.getTime() + horizonDays * 86_400_000))[0] ?? null;
}

function place(window: WindowTiming, localStart: Temporal.PlainDateTime): Occurrence {
  const zoned = (local: Temporal.PlainDateTime) =>
    new Date(local.toZonedDateTime(window.timeZone, { disambiguation: 'compatible' }).epochMilliseconds);
  return {
    start: zoned(localStart),
    end: zoned(localStart.add({ seconds: window.durationSeconds })),
  };
}

/**
 * The rule's local starts whose occurrence may overlap [from, to): the bounds are taken to local time
 * and widened by the duration and a day (any zone's offset is less than a day), then placed exactly.
 */
function localStarts(
  window: WindowTiming,
  first: Temporal.PlainDateTime,
  from: Date,
  to: Date,
): Temporal.PlainDateTime[] {
  const after = wallClock(from, window.timeZone).subtract({ seconds: window.durationSeconds, hours: 24 });
  const before = wallClock(to, window.timeZone).add({ hours: 24 });
  // Under a deadline (bounded.ts): a rule that matches no day would hold the thread for seconds.
  const rule = localRule(window, first);
  return bounded(() => rule.between(floating(after), floating(before), true)).map(fromFloating);
}

/**
 * The window's rule as it is expanded: from the first start, on floating (wall-clock) times. rrule's
 * parseString reads UNTIL's digits as UTC fields whether or not they end in Z (untilStringToDate) and
 * its iterator compares them with the floating starts, so a floating UNTIL is already wall-clock; a
 * UTC one ("…Z", the form RFC 5545 asks for when the start has a zone) is an instant, taken to the
 * window's zone first.
 *
 * `horizon` (floating) caps UNTIL, so a sample of starts ends there. It does not bound the work: rrule
 * checks UNTIL only at a start it finds, so a rule that matches no day searches on regardless, and
 * only bounded.ts's deadline stops it.
 *
 *   Europe/Brussels, UNTIL=20270321T005900Z → until 2027-03-21T01:59 (CET, +01:00)
 *   Europe/Brussels, UNTIL=20270321T005900  → until 2027-03-21T00:59
 */
export function localRule(
  window: WindowTiming,
  first = Temporal.PlainDateTime.from(window.firstStart),
  horizon?: Date,
): RRule {
  const options = RRule.parseString(window.rrule);
  const written =
    options.until && /^\d{8}T\d{6}Z$/i.test(untilText(window.rrule) ?? '')
      ? floating(wallClock(options.until, window.timeZone))
      : options.until;
  const until = horizon && (!written || horizon < written) ? horizon : written;
  return new RRule({ ...options, until, dtstart: floating(first) });
}

/** The rule's UNTIL value as written ("20270321T005900Z"); the last one, as parseString keeps it. */
export function untilText(rule: string): string | undefined {
  return [...rule.matchAll(/(?:^|;)UNTIL=([^;]*)/gi)].at(-1)?.[1];
}

/** The wall-clock time in `timeZone` at the instant `at`. */
export function wallClock(at: Date, timeZone: string): Temporal.PlainDateTime {
  return Temporal.Instant.fromEpochMilliseconds(at.getTime()).toZonedDateTimeISO(timeZone).toPlainDateTime();
}

/** A wall-clock time carried in a Date whose UTC fields are the local fields (rrule's floating time). */
export function floating(local: Temporal.PlainDateTime): Date {
  return new Date(Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second));
}

function fromFloating(date: Date): Temporal.PlainDateTime {
  return new Temporal.PlainDateTime(
    date.getUTCFullYear(),
    date.getUTCMonth() + 1,
    date.getUTCDate(),
    date.getUTCHours(),
    date.getUTCMinutes(),
    date.getUTCSeconds(),
  );
}

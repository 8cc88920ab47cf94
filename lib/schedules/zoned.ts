import { Temporal } from 'temporal-polyfill';
import { ValidationError } from '@/lib/errors';

/**
 * Local (wall-clock) time in an IANA zone, through the Temporal polyfill: the only place the schedule
 * code turns a local date and time into an instant. Instants are epoch milliseconds.
 *
 * A local time that does not exist (skipped by a spring-forward change) or exists twice (repeated by a
 * fall-back change) is resolved with Temporal's "compatible" disambiguation, the behaviour RFC 5545
 * prescribes for iCalendar: a skipped time moves forward by the length of the gap (02:30 on the day
 * Brussels goes 02:00 → 03:00 becomes 03:30 local), a repeated time takes the earlier offset (the first
 * 02:30 of the night Brussels goes 03:00 → 02:00).
 */

/** A wall-clock time of day; a Temporal.PlainTime, built once per layer (converting it is the hot path). */
export type LocalTime = Temporal.PlainTime;

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** "09:30" → 09:30; null for anything else ("9:30", "24:00"). */
export function parseLocalTime(text: string): LocalTime | null {
  const match = HH_MM.exec(text);
  return match ? new Temporal.PlainTime(Number(match[1]), Number(match[2])) : null;
}

/** "2028-02-29" → a calendar date; null when it is not a real one. */
export function parseLocalDate(text: string): Temporal.PlainDate | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  try {
    return Temporal.PlainDate.from(text, { overflow: 'reject' });
  } catch {
    return null;
  }
}

/** Whether the runtime's zone database knows `zone` (IANA names such as "Europe/Brussels", or "UTC"). */
export function isTimeZone(zone: string): boolean {
  try {
    Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(zone);
    return true;
  } catch {
    return false;
  }
}

/** The instant of `time` on `date` in `zone` (compatible disambiguation, see above). */
export function localToEpochMs(date: Temporal.PlainDate, time: LocalTime, zone: string): number {
  return date.toPlainDateTime(time).toZonedDateTime(zone, { disambiguation: 'compatible' }).epochMilliseconds;
}

/** The local calendar date in `zone` at instant `ms`. */
export function localDateAt(ms: number, zone: string): Temporal.PlainDate {
  return Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(zone).toPlainDate();
}

/** Whole calendar days from `a` to `b` (negative when `b` is earlier). */
export function daysBetween(a: Temporal.PlainDate, b: Temporal.PlainDate): number {
  return a.until(b, { largestUnit: 'days' }).days;
}

/** Throws a ValidationError naming the field when `zone` is unknown. */
export function assertTimeZone(zone: string, field: string): void {
  if (!isTimeZone(zone)) {
    throw new ValidationError(
      `Unknown time zone "${zone}": use an IANA name such as "Europe/Brussels" or "America/New_York".`,
      { [field]: `unknown time zone "${zone}"` },
    );
  }
}

import { Temporal } from 'temporal-polyfill';

/**
 * The "on call at" picker's value: a `datetime-local` input holds a wall-clock time with no zone; it is
 * read in the viewer's zone (Temporal, compatible disambiguation: a time skipped by a spring-forward
 * change moves forward by the gap). Pure.
 *
 *   localInputToIso('2027-03-28T09:00', 'Europe/Brussels') → '2027-03-28T07:00:00Z'
 *   isoToLocalInput('2027-03-28T07:00:00Z', 'Europe/Brussels') → '2027-03-28T09:00'
 */

/** The instant, or null when the input is empty or not a date and time. */
export function localInputToIso(value: string, zone: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return null;
  try {
    return Temporal.PlainDateTime.from(value, { overflow: 'reject' })
      .toZonedDateTime(zone, { disambiguation: 'compatible' })
      .toInstant()
      .toString();
  } catch {
    return null;
  }
}

export function isoToLocalInput(iso: string, zone: string): string {
  return Temporal.Instant.from(iso)
    .toZonedDateTimeISO(zone)
    .toPlainDateTime()
    .toString({ smallestUnit: 'minute' });
}

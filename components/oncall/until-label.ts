import { Temporal } from 'temporal-polyfill';

/**
 * "Tue 09:00": when someone's cover ends, in the viewer's zone, as short as stays unambiguous — the
 * weekday within the coming six days, the date as well when further (or earlier). Pure.
 *
 *   untilLabel('2027-03-23T08:00:00Z', 'Europe/Brussels', Date.parse('2027-03-20T12:00:00Z')) → 'Tue 09:00'
 *   untilLabel('2027-04-06T08:00:00Z', 'UTC', Date.parse('2027-03-20T12:00:00Z'))             → 'Tue 6 Apr 08:00'
 */

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function untilLabel(at: string, zone: string, nowMs: number): string {
  const when = Temporal.Instant.from(at).toZonedDateTimeISO(zone);
  const today = Temporal.Instant.fromEpochMilliseconds(nowMs).toZonedDateTimeISO(zone).toPlainDate();
  const days = today.until(when.toPlainDate(), { largestUnit: 'days' }).days;
  const clock = when.toPlainTime().toString({ smallestUnit: 'minute' });
  const weekday = WEEKDAYS[when.dayOfWeek - 1];
  if (days === 0) return `today ${clock}`;
  if (days > 0 && days < 7) return `${weekday} ${clock}`;
  const year = when.year === today.year ? '' : ` ${when.year}`;
  return `${weekday} ${when.day} ${MONTHS[when.month - 1]}${year} ${clock}`;
}

import { Temporal } from 'temporal-polyfill';
import { lastFourWeeks } from './weeks';

/**
 * The /reports range picker's days, in the report's zone. Pure; client-safe.
 *
 *   dayRange('2026-03-23', '2026-03-29', 'Europe/Brussels')
 *     → {from: '2026-03-22T23:00:00.000Z', to: '2026-03-29T22:00:00.000Z'}  (Monday 00:00 CET to Monday 00:00 CEST)
 */

/** From the start of the first day to the end of the last (the next day's 00:00), in `zone`. */
export function dayRange(firstDay: string, lastDay: string, zone: string): { from: string; to: string } {
  const start = Temporal.PlainDate.from(firstDay).toZonedDateTime({ timeZone: zone });
  const end = Temporal.PlainDate.from(lastDay).add({ days: 1 }).toZonedDateTime({ timeZone: zone });
  return {
    from: new Date(start.epochMilliseconds).toISOString(),
    to: new Date(end.epochMilliseconds).toISOString(),
  };
}

/** The picker's days before anyone picks: the default range's Monday and today. */
export function defaultDays(nowMs: number, zone: string): { firstDay: string; lastDay: string } {
  const day = (ms: number) =>
    Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(zone).toPlainDate().toString();
  return { firstDay: day(lastFourWeeks(nowMs, zone).fromMs), lastDay: day(nowMs) };
}

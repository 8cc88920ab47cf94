import { formatDuration } from '@/components/format/duration';
import { formatTime } from '@/components/format/time';
import { isoToLocalInput, localInputToIso } from '@/components/oncall/at-input';

/**
 * Times of the silence dialog. The silences list writes its times in the console's zone (LocalTime:
 * the reader's own, or UTC by the switch in the user menu); the dialog reads and names an end time in
 * that same zone (an IANA name such as 'Europe/Brussels', or 'UTC'), beside UTC, what Alertmanager and
 * the logs use. Pure: the clock is a parameter.
 */

const pad = (n: number) => String(n).padStart(2, '0');

/**
 *   formatUtc('2026-11-21T10:05:30Z') → '2026-11-21 10:05 UTC'
 */
export function formatUtc(iso: string | Date): string {
  const d = typeof iso === 'string' ? new Date(iso) : iso;
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`;
}

/**
 * How long a silence still runs, when it starts, or how long ago it ended.
 *
 *   timeLeft({state:'active', startsAt: 1h ago, endsAt: in 2h 5m}, now) → '2h 5m left'
 *   timeLeft({state:'pending', startsAt: in 30m, …}, now) → 'starts in 30m'
 *   timeLeft({state:'expired', endsAt: 3h ago, …}, now) → 'ended 3h ago'
 */
export function timeLeft(
  silence: { state: 'active' | 'pending' | 'expired'; startsAt: string; endsAt: string },
  nowMs: number,
): string {
  const seconds = (iso: string) => Math.abs(Date.parse(iso) - nowMs) / 1000;
  if (silence.state === 'expired') return `ended ${formatDuration(seconds(silence.endsAt))} ago`;
  if (silence.state === 'pending') return `starts in ${formatDuration(seconds(silence.startsAt))}`;
  return `${formatDuration(Math.max(0, (Date.parse(silence.endsAt) - nowMs) / 1000))} left`;
}

/**
 * The end time `ms` after the current one, for "extend by 1h": the API counts a duration from the
 * silence's start (or now), so adding to the end is done here and sent as `endsAt`.
 *
 *   extendedEnd('2026-11-21T12:00:00.000Z', 3_600_000) → '2026-11-21T13:00:00.000Z'
 */
export function extendedEnd(endsAt: string, ms: number): string {
  return new Date(Date.parse(endsAt) + ms).toISOString();
}

/**
 * A time as an `<input type="datetime-local">` value, read in `zone`.
 *
 *   toLocalInput(new Date('2026-11-21T10:05:30Z'), 'UTC')             → '2026-11-21T10:05'
 *   toLocalInput(new Date('2026-11-21T10:05:30Z'), 'Europe/Brussels') → '2026-11-21T11:05'
 */
export function toLocalInput(date: Date, zone: string): string {
  return isoToLocalInput(date.toISOString(), zone);
}

/**
 * The instant a datetime-local value means in `zone`, or undefined for an empty, partial or impossible
 * value. A time skipped by a spring-forward change moves forward by the gap (see localInputToIso).
 *
 *   fromLocalInput('2026-11-21T10:05', 'UTC')             → 2026-11-21T10:05:00.000Z
 *   fromLocalInput('2026-11-21T10:05', 'Europe/Brussels') → 2026-11-21T09:05:00.000Z
 */
export function fromLocalInput(value: string, zone: string): Date | undefined {
  const iso = localInputToIso(value, zone);
  return iso ? new Date(iso) : undefined;
}

/**
 * One line naming an end time in the reader's zone and in UTC, and how far away it is.
 *
 *   describeEnd(new Date('2026-11-21T14:00Z'), now = 10:00Z, 'Europe/Berlin')
 *     → 'ends 2026-11-21 15:00 CET (Europe/Berlin) · 2026-11-21 14:00 UTC · in 4h'
 *   describeEnd(new Date('2026-11-21T14:00Z'), now = 10:00Z, 'UTC') → 'ends 2026-11-21 14:00 UTC · in 4h'
 */
export function describeEnd(end: Date, nowMs: number, zone: string): string {
  const local = zone === 'UTC' ? '' : `${formatTime(end, zone)} (${zone}) · `;
  const away = (end.getTime() - nowMs) / 1000;
  return `ends ${local}${formatUtc(end)} · ${away >= 0 ? `in ${formatDuration(away)}` : `${formatDuration(-away)} ago`}`;
}

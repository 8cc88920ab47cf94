import { formatDuration } from '@/components/format/duration';

/**
 * Times on the silences page and in the silence dialog. Absolute times are written in UTC (what
 * Alertmanager and the logs use, and the same on the server and in every browser); the local time is
 * added where a person types one. Pure: the clock is a parameter.
 */

export type Zone = 'UTC' | 'local';

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
 * A time as an `<input type="datetime-local">` value, read in UTC or in the browser's zone.
 *
 *   toLocalInput(new Date('2026-11-21T10:05:30Z'), 'UTC') → '2026-11-21T10:05'
 */
export function toLocalInput(date: Date, zone: Zone): string {
  if (zone === 'local')
    return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
  return date.toISOString().slice(0, 16);
}

/**
 * The instant a datetime-local value means in that zone, or undefined for an empty or partial value.
 *
 *   fromLocalInput('2026-11-21T10:05', 'UTC') → 2026-11-21T10:05:00.000Z
 */
export function fromLocalInput(value: string, zone: Zone): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!match) return undefined;
  const [y, mo, d, h, mi, s] = match.slice(1).map((x) => Number(x ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const date = zone === 'UTC' ? new Date(Date.UTC(y, mo - 1, d, h, mi, s)) : new Date(y, mo - 1, d, h, mi, s);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/**
 * One line naming an end time in UTC, in the browser's zone, and how far away it is.
 *
 *   describeEnd(new Date('2026-11-21T14:00Z'), now = 10:00Z, 'Europe/Berlin')
 *     → 'ends 2026-11-21 14:00 UTC · 15:00 local (Europe/Berlin) · in 4h'
 */
export function describeEnd(end: Date, nowMs: number, timeZone?: string): string {
  const local = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).format(end);
  const zoneName = timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const away = (end.getTime() - nowMs) / 1000;
  return `ends ${formatUtc(end)} · ${local} local (${zoneName}) · ${away >= 0 ? `in ${formatDuration(away)}` : `${formatDuration(-away)} ago`}`;
}

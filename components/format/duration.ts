/**
 * Short human durations for "firing for" columns.
 *
 *   formatDuration(45) → '45s'   formatDuration(754) → '12m'   formatDuration(11_520) → '3h 12m'
 *   formatDuration(187_200) → '2d 4h'
 */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m`;
  if (s < 86_400) {
    const m = Math.floor((s % 3600) / 60);
    return `${Math.floor(s / 3600)}h${m ? ` ${m}m` : ''}`;
  }
  const h = Math.floor((s % 86_400) / 3600);
  return `${Math.floor(s / 86_400)}d${h ? ` ${h}h` : ''}`;
}

/** Seconds from an ISO time to `nowMs`. */
export function secondsSince(iso: string, nowMs: number): number {
  return (nowMs - Date.parse(iso)) / 1000;
}

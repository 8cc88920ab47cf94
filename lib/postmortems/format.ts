/**
 * Times and durations as a post-mortem writes them: UTC, to the second, no locale. Pure.
 *
 *   formatDuration(65_000)      → '1m 5s'
 *   formatDuration(7_260_000)   → '2h 1m'
 *   formatDuration(90_000_000)  → '1d 1h'
 *   formatUtc(new Date('2026-11-21T09:05:00Z')) → '2026-11-21 09:05:00 UTC'
 */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  const d = Math.floor(s / 86_400);
  const h = Math.floor((s % 86_400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  if (d > 0) return h ? `${d}d ${h}h` : `${d}d`;
  if (h > 0) return m ? `${h}h ${m}m` : `${h}h`;
  if (m > 0) return sec ? `${m}m ${sec}s` : `${m}m`;
  return `${sec}s`;
}

export function formatUtc(at: Date | string): string {
  return `${new Date(at).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** `2026-11-21` of a stored due date (kept at UTC midnight). */
export const isoDay = (at: Date) => at.toISOString().slice(0, 10);

import type { HistoryKey } from './cursor';

/** One stored event as the history scan reads it (a row of alert_events). */
export type EventRow = {
  cluster: string;
  fingerprint: string;
  alertname: string;
  status: 'firing' | 'resolved';
  labels: Record<string, string>;
  startsAt: Date;
  endsAt: Date | null;
};

/** One firing of one alert: its firing and resolved events merged. */
export type Firing = {
  cluster: string;
  fingerprint: string;
  alertname: string;
  labels: Record<string, string>;
  startsAt: Date;
  /** null while firing (no resolution stored). */
  endsAt: Date | null;
  status: 'firing' | 'resolved';
};

/**
 * Events in the scan's order (startsAt descending, fingerprint descending) merged into firings, one per
 * (fingerprint, startsAt): the resolution wins when both are stored, since it carries the end. Events of
 * one firing are adjacent in that order, so this is one pass. Pure.
 *
 *   mergeFirings([{fingerprint:'a', startsAt:T, status:'resolved', endsAt:T+30s,…}, {fingerprint:'a', startsAt:T, status:'firing',…}])
 *     → [{fingerprint:'a', startsAt:T, endsAt:T+30s, status:'resolved',…}]
 */
export function mergeFirings(rows: readonly EventRow[]): Firing[] {
  const firings: Firing[] = [];
  let last: Firing | undefined;
  for (const row of rows) {
    if (last && sameKey(last, row)) {
      if (row.status === 'resolved') Object.assign(last, firingOf(row));
      continue;
    }
    last = firingOf(row);
    firings.push(last);
  }
  return firings;
}

function firingOf(row: EventRow): Firing {
  const resolved = row.status === 'resolved';
  return {
    cluster: row.cluster,
    fingerprint: row.fingerprint,
    alertname: row.alertname,
    labels: row.labels,
    startsAt: row.startsAt,
    endsAt: resolved ? row.endsAt : null,
    status: row.status,
  };
}

const sameKey = (a: HistoryKey, b: HistoryKey) =>
  a.fingerprint === b.fingerprint && a.startsAt.getTime() === b.startsAt.getTime();

/**
 * A slice of `limit` rows may end between a firing's two events: the rows of its last firing are
 * dropped (read again by the next slice) unless the slice was the last. Pure.
 *
 *   completeRows([a1, b1, b2], 3) → [a1]   (b's second event may be in the next slice… or b2 was it)
 *   completeRows([a1, b1], 3) → [a1, b1]   (fewer rows than asked: nothing follows)
 */
export function completeRows<R extends HistoryKey>(rows: readonly R[], limit: number): R[] {
  if (rows.length < limit) return [...rows];
  const lastRow = rows.at(-1);
  if (!lastRow) return [];
  let end = rows.length;
  while (end > 0 && sameKey(rows[end - 1] as R, lastRow)) end--;
  return rows.slice(0, end);
}

/**
 * Seconds from start to end, or to `now` while firing (how long it has fired so far). A resolution
 * without endsAt (Alertmanager always sends one) is unknown: null, not 0.
 */
export function durationSeconds(firing: Firing, now: Date): number | null {
  const end = firing.status === 'firing' ? now : firing.endsAt;
  return end ? Math.max(0, Math.round((end.getTime() - firing.startsAt.getTime()) / 1000)) : null;
}

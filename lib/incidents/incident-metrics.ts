/**
 * MTTA and MTTR of incidents, pure: the one definition the incident page, the list and the post-mortem
 * (pre-fill, page, export) use. MTTA runs from openedAt to acknowledgedAt (the first acknowledgement,
 * kept across a reopening), MTTR from openedAt to resolvedAt, as PagerDuty counts from an incident's
 * trigger. Not from the first alert's startsAt: an incident opened by hand later would count time
 * nobody was paged for. An incident without the end time has no value and is left out of the averages.
 *
 *   mttaSeconds({openedAt: '2026-11-21T10:00:00Z', acknowledgedAt: '2026-11-21T10:04:30Z'}) → 270
 *   averageSeconds([270, null, 90]) → 180
 *   formatSeconds(3725) → '1h 2m'
 */

type Times = {
  openedAt: Date | string;
  acknowledgedAt?: Date | string | null;
  resolvedAt?: Date | string | null;
};

const ms = (t: Date | string) => (t instanceof Date ? t.getTime() : Date.parse(t));

function between(from: Date | string, to: Date | string | null | undefined): number | null {
  if (to === null || to === undefined) return null;
  // A clock step between two Vigil instances must not show a negative time.
  return Math.max(0, Math.round((ms(to) - ms(from)) / 1000));
}

export const mttaSeconds = (i: Times) => between(i.openedAt, i.acknowledgedAt);
export const mttrSeconds = (i: Times) => between(i.openedAt, i.resolvedAt);

/** The mean of the values present, rounded to a second; null when there are none. */
export function averageSeconds(values: readonly (number | null)[]): number | null {
  const present = values.filter((v): v is number => v !== null);
  if (present.length === 0) return null;
  return Math.round(present.reduce((a, b) => a + b, 0) / present.length);
}

/** MTTA and MTTR averaged over a list of incidents. */
export function averages(incidents: readonly Times[]) {
  return {
    mttaSeconds: averageSeconds(incidents.map(mttaSeconds)),
    mttrSeconds: averageSeconds(incidents.map(mttrSeconds)),
  };
}

/** A duration as the list shows it: '45s', '4m 30s', '1h 2m', '2d 3h'; '—' for none. */
export function formatSeconds(seconds: number | null): string {
  if (seconds === null) return '—';
  if (seconds < 60) return `${seconds}s`;
  const m = Math.floor(seconds / 60);
  if (m < 60) return seconds % 60 ? `${m}m ${seconds % 60}s` : `${m}m`;
  const h = Math.floor(m / 60);
  if (h < 24) return m % 60 ? `${h}h ${m % 60}m` : `${h}h`;
  const d = Math.floor(h / 24);
  return h % 24 ? `${d}d ${h % 24}h` : `${d}d`;
}

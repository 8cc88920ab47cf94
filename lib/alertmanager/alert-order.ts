/**
 * The order of alerts everywhere in the console: worst severity first, then the oldest first, then by
 * fingerprint and cluster. It is total (no two alerts compare equal), so a list sorted with it is the
 * same on every refresh and rows never swap places on their own. Pure, and free of anything server-only:
 * the poll worker (lib/alertmanager/poll-worker.ts) sorts each cluster's alerts with it, so the main
 * thread's sort meets lists already in order.
 */

const SEVERITY_RANK: Record<string, number> = { critical: 0, warning: 1, info: 2 };

/**
 * Sort rank of a severity, worst first: critical 0, warning 1, info 2, anything else ("none", "page",
 * missing) 3. Case-insensitive, since rule authors write "Critical" too.
 */
export function severityRank(severity: string): number {
  return SEVERITY_RANK[severity.toLowerCase()] ?? 3;
}

/** What the order compares, precomputed once per alert. */
export type AlertOrderKey = { rank: number; startMs: number; fingerprint: string; cluster: string };

/** The key of an alert as Alertmanager sends it (no severity label sorts as "none"). */
export function alertOrderKey(alert: {
  labels: Record<string, string>;
  startsAt: string;
  fingerprint: string;
  cluster: string;
}): AlertOrderKey {
  return {
    rank: severityRank(alert.labels.severity || 'none'),
    startMs: Date.parse(alert.startsAt),
    fingerprint: alert.fingerprint,
    cluster: alert.cluster,
  };
}

export function compareOrderKeys(a: AlertOrderKey, b: AlertOrderKey): number {
  return (
    a.rank - b.rank ||
    a.startMs - b.startMs ||
    compareStrings(a.fingerprint, b.fingerprint) ||
    compareStrings(a.cluster, b.cluster)
  );
}

/**
 * The alerts in the console's order, each key computed once (a new array; the input is kept).
 *
 *   inAlertOrder([{fingerprint:'b', labels:{severity:'info'}, …}, {fingerprint:'a', labels:{severity:'critical'}, …}])
 *   → [a, b]
 */
export function inAlertOrder<T extends Parameters<typeof alertOrderKey>[0]>(alerts: readonly T[]): T[] {
  return alerts
    .map((alert) => ({ alert, key: alertOrderKey(alert) }))
    .sort((a, b) => compareOrderKeys(a.key, b.key))
    .map(({ alert }) => alert);
}

/** Code-unit order: the same on every server and locale, and cheaper than localeCompare. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

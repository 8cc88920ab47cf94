/**
 * One alert state change as Vigil stores it in `alert_events`, whoever saw it: the Alertmanager webhook
 * or the poller (which also sees silenced and inhibited alerts, never sent by webhook). Times are UTC ISO
 * strings with milliseconds (what PostgreSQL's TIMESTAMP(3) keeps), so the same change reported by both
 * sources has the same idempotency key (fingerprint, startsAt, status).
 *
 * @example {cluster:'default', fingerprint:'304712ab96b030dc', alertname:'InstanceDown', status:'firing',
 *   labels:{alertname:'InstanceDown', …}, annotations:{summary:'…'}, startsAt:'2026-11-21T08:05:35.625Z',
 *   endsAt:null, receiver:'pager', groupKey:'{}/{severity="critical"}:{alertname="InstanceDown"}'}
 */
export type AlertEventInput = {
  cluster: string;
  fingerprint: string;
  alertname: string;
  status: 'firing' | 'resolved';
  labels: Record<string, string>;
  annotations: Record<string, string>;
  startsAt: string;
  /** null while firing (Alertmanager's webhook sends Go's zero time `0001-01-01T00:00:00Z`). */
  endsAt: string | null;
  /** The Alertmanager receiver, or POLLER_RECEIVER. */
  receiver: string;
  /** Alertmanager's group key; '' for the poller. */
  groupKey: string;
};

/** The `receiver` of events the poller records. */
export const POLLER_RECEIVER = 'vigil-poller';

/**
 * The events sorted by the unique key (fingerprint, startsAt, status). An insert waits for a concurrent
 * transaction that inserted the same key, while holding the keys it inserted before: two batches taking
 * overlapping keys in different orders (the poller in fingerprint order, each HA peer's notification in
 * Alertmanager's) deadlocked at 10,000 alerts. In one global order, the batch holding the lower key
 * always goes first. ISO strings of one format sort as their instants.
 *
 * @example inKeyOrder([{fingerprint:'b',…}, {fingerprint:'a', status:'resolved',…}, {fingerprint:'a', status:'firing',…}])
 *   → [a firing, a resolved, b]
 */
export function inKeyOrder(events: readonly AlertEventInput[]): AlertEventInput[] {
  const key = (e: AlertEventInput) => `${e.fingerprint}\u0000${e.startsAt}\u0000${e.status}`;
  return [...events].sort((x, y) => {
    const a = key(x);
    const b = key(y);
    return a < b ? -1 : a > b ? 1 : 0;
  });
}

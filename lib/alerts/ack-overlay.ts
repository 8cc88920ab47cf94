import type { IndexedAlert } from './alert-items';
import type { AlertItem } from './api-schema';

/**
 * Acknowledgements live in PostgreSQL, alerts in the Alertmanager snapshot: the list shows the two
 * together by laying the open acknowledgements over the indexed alerts. Pure.
 */

type AckInfo = NonNullable<AlertItem['ack']>;
/** Keyed by ackKey(cluster, fingerprint). Replaced, never mutated, so identity tells a change. */
export type AckMap = ReadonlyMap<string, AckInfo>;

export const ackKey = (cluster: string, fingerprint: string) => `${cluster}\0${fingerprint}`;

/**
 * The alerts with `item.ack` set from `acks`; alerts without one are the same objects, and with no
 * acknowledgement at all the very same array comes back, so the common case costs nothing.
 *
 *   withAcks([a, b], new Map([[ackKey(b.cluster, b.fp), {by:'ana', …}]])) → [a, b′] where b′.item.ack.by === 'ana'
 */
export function withAcks(alerts: readonly IndexedAlert[], acks: AckMap): readonly IndexedAlert[] {
  if (acks.size === 0) return alerts;
  return alerts.map((alert) => {
    const ack = acks.get(ackKey(alert.item.cluster, alert.item.fingerprint));
    return ack ? { ...alert, item: { ...alert.item, ack } } : alert;
  });
}

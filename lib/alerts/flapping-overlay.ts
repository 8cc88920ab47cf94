import { ackKey } from './ack-overlay';
import type { IndexedAlert } from './alert-items';
import type { AlertItem } from './api-schema';

/**
 * Flapping is history in PostgreSQL, alerts are the Alertmanager snapshot: the list marks flapping
 * alerts by laying the flapping set over the indexed alerts, as ack-overlay.ts and incident-overlay.ts
 * do. Pure.
 */

/** Keyed by ackKey(cluster, fingerprint). Replaced, never mutated, so identity tells a change. */
export type FlappingMap = ReadonlyMap<string, NonNullable<AlertItem['flapping']>>;

/**
 *   withFlapping([a, b], new Map([[ackKey(b.cluster, b.fp), {changes: 6, windowSeconds: 3600}]]))
 *     → [a, b′], b′.item.flapping.changes === 6; with an empty map the very same array
 */
export function withFlapping(
  alerts: readonly IndexedAlert[],
  flapping: FlappingMap,
): readonly IndexedAlert[] {
  if (flapping.size === 0) return alerts;
  return alerts.map((alert) => {
    const found = flapping.get(ackKey(alert.item.cluster, alert.item.fingerprint));
    return found ? { ...alert, item: { ...alert.item, flapping: found } } : alert;
  });
}

import { forIncident } from '@/lib/runbooks/link';
import { ackKey } from './ack-overlay';
import type { IndexedAlert } from './alert-items';
import type { AlertItem } from './api-schema';

/**
 * Incidents live in PostgreSQL, alerts in the Alertmanager snapshot: the list shows an alert's
 * unresolved incident by laying the links over the indexed alerts, as ack-overlay.ts does for
 * acknowledgements. Pure.
 */

export type IncidentLink = NonNullable<AlertItem['incident']>;
/** Keyed by ackKey(cluster, fingerprint). Replaced, never mutated, so identity tells a change. */
export type IncidentLinks = ReadonlyMap<string, IncidentLink>;

/**
 * The alerts with `item.incident` set from `links`, and their runbook link opened for that incident (so
 * ticked steps land on its timeline); the others are the same objects, and with no link at all the
 * very same array comes back.
 *
 *   withIncidents([a, b], new Map([[ackKey(b.cluster, b.fp), {ref: 'INC-3', …}]])) → [a, b′], b′.item.incident.ref === 'INC-3'
 */
export function withIncidents(
  alerts: readonly IndexedAlert[],
  links: IncidentLinks,
): readonly IndexedAlert[] {
  if (links.size === 0) return alerts;
  return alerts.map((alert) => {
    const incident = links.get(ackKey(alert.item.cluster, alert.item.fingerprint));
    return incident ? { ...alert, item: inIncident(alert.item, incident) } : alert;
  });
}

/** The alert as part of this incident: its runbook link then records ticked steps on the timeline. */
export function inIncident(item: AlertItem, incident: IncidentLink): AlertItem {
  return { ...item, incident, runbook: item.runbook && forIncident(item.runbook, incident.ref) };
}

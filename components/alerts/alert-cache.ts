import { stateCategory } from '@/lib/alerts/alert-counts';
import type { AlertDetail, AlertItem, AlertsResponse } from '@/lib/alerts/api-schema';
import type { AckOutcome } from '@/lib/incidents/ack-schemas';

/**
 * What a write's answer changes in the cached alerts list and detail, so they show the new state at
 * once instead of at the next refresh (which then confirms it). Pure.
 */

export type AlertRef = { fingerprint: string; cluster: string };
type AlertChange = (alert: AlertItem) => AlertItem;

const isAlert = (a: AlertItem, ref: AlertRef) =>
  a.fingerprint === ref.fingerprint && a.cluster === ref.cluster;

function silencedBy(alert: AlertItem, silenceId: string): AlertItem {
  if (alert.silencedBy.includes(silenceId)) return alert;
  return { ...alert, silencedBy: [...alert.silencedBy, silenceId], state: 'silenced' };
}

/**
 *   acknowledgedBy({by: 'ana', at, comment: null, silenceId: 's1', …})(firing alert)
 *     → {…, ack: {by: 'ana', at, comment: null}, silencedBy: ['s1'], state: 'silenced'}
 */
export const acknowledgedBy =
  (outcome: Pick<AckOutcome, 'by' | 'at' | 'comment' | 'silenceId'>): AlertChange =>
  (alert) => {
    const acked = { ...alert, ack: { by: outcome.by, at: outcome.at, comment: outcome.comment } };
    return outcome.silenceId ? silencedBy(acked, outcome.silenceId) : acked;
  };

/** The alert muted by the silence just created for it. */
export const silencedWith =
  (silenceId: string): AlertChange =>
  (alert) =>
    silencedBy(alert, silenceId);

/**
 * The list with one alert changed; its state counts follow (an alert moves from one state to another).
 * The same object when the alert is not on this page.
 */
export function changeAlertInList(list: AlertsResponse, ref: AlertRef, change: AlertChange): AlertsResponse {
  const index = list.alerts.findIndex((a) => isAlert(a, ref));
  const before = list.alerts[index];
  if (!before) return list;
  const after = change(before);
  const alerts = list.alerts.with(index, after);
  const byState = { ...list.counts.byState };
  byState[stateCategory(before)]--;
  byState[stateCategory(after)]++;
  return { ...list, alerts, counts: { ...list.counts, byState } };
}

/** The detail with its alert changed; the same object for another alert's detail. */
export function changeAlertInDetail(detail: AlertDetail, ref: AlertRef, change: AlertChange): AlertDetail {
  return isAlert(detail.alert, ref) ? { ...detail, alert: change(detail.alert) } : detail;
}

import { type AlertOrderKey, alertOrderKey, compareOrderKeys } from '@/lib/alertmanager/alert-order';
import type { ClusterAlert } from '@/lib/alertmanager/merge';
import { forEachInSlices } from '@/lib/event-loop';
import { NO_RUNBOOKS, type RunbookLinks, resolveRunbook, runbookLink } from '@/lib/runbooks/link';
import type { AlertItem } from './api-schema';

/**
 * Alertmanager's alerts in the shape the alerts API sends (AlertItem), plus what sorting and free-text
 * search need, computed once per snapshot rather than once per request. Pure.
 */

/**
 * One alert as the console lists it. Alertmanager says `suppressed` for silenced, inhibited and (0.28+)
 * time-muted alerts alike; the silence wins when both apply, because removing it is what an operator
 * can do. An alert muted only by a time interval (`mutedBy`) is listed as firing: it is not silenced
 * or inhibited, and the schema has no state for it.
 *
 *   toAlertItem({fingerprint:'a', labels:{alertname:'InstanceDown', severity:'critical'},
 *     annotations:{summary:'db-1 down'}, state:'suppressed', silencedBy:['s1'], inhibitedBy:['b'], …})
 *   → {fingerprint:'a', alertname:'InstanceDown', severity:'critical', summary:'db-1 down',
 *      state:'silenced', ack:null, runbook:null, groupKey:'', …}
 *
 * `runbooks` links the alert to its runbook (lib/runbooks/link.ts); without it, `runbook` is null.
 */
export function toAlertItem(
  alert: ClusterAlert,
  groupKey = '',
  runbooks: RunbookLinks = NO_RUNBOOKS,
): AlertItem {
  return {
    fingerprint: alert.fingerprint,
    cluster: alert.cluster,
    alertname: alert.labels.alertname ?? '',
    severity: alert.labels.severity || 'none',
    summary: alert.annotations.summary || alert.annotations.description || null,
    labels: alert.labels,
    annotations: alert.annotations,
    state: itemState(alert),
    startsAt: alert.startsAt,
    updatedAt: alert.updatedAt,
    generatorURL: alert.generatorURL,
    receivers: alert.receivers,
    peers: alert.peers,
    silencedBy: alert.silencedBy,
    inhibitedBy: alert.inhibitedBy,
    ack: null,
    incident: null,
    flapping: null,
    runbook: runbookLink(resolveRunbook(runbooks, alert.labels, alert.annotations), alert.fingerprint),
    groupKey,
  };
}

/** The state the console shows for Alertmanager's state (see toAlertItem). */
export function itemState(
  alert: Pick<ClusterAlert, 'state' | 'silencedBy' | 'inhibitedBy'>,
): AlertItem['state'] {
  if (alert.state === 'unprocessed') return 'unprocessed';
  if (alert.state === 'suppressed') {
    if (alert.silencedBy.length > 0) return 'silenced';
    if (alert.inhibitedBy.length > 0) return 'inhibited';
  }
  return 'firing';
}

/** An AlertItem with its precomputed sort keys and search text. */
export type IndexedAlert = {
  item: AlertItem;
  /** Its place in the console's order (alert-order.ts). */
  order: AlertOrderKey;
  /** Lower-cased label values, summary and description, NUL-separated so a word cannot span two. */
  haystack: string;
};

/**
 * The free-text search space of an alert: its label values (alertname among them) and its summary and
 * description annotations, lower-cased.
 */
export function searchText(item: Pick<AlertItem, 'labels' | 'annotations'>): string {
  const parts = Object.values(item.labels);
  if (item.annotations.summary) parts.push(item.annotations.summary);
  if (item.annotations.description) parts.push(item.annotations.description);
  return parts.join('\0').toLowerCase();
}

export function indexAlert(alert: ClusterAlert, runbooks?: RunbookLinks): IndexedAlert {
  const item = toAlertItem(alert, '', runbooks);
  return {
    item,
    order: alertOrderKey(alert),
    haystack: searchText(item),
  };
}

/** The console's order (alert-order.ts) over indexed alerts. */
export const compareAlerts = (a: IndexedAlert, b: IndexedAlert): number => compareOrderKeys(a.order, b.order);

// Each poll hands over the previous poll's objects for the alerts that did not change
// (lib/alertmanager/alerts-transfer.ts), so their index entries are kept with them and only new or changed
// alerts are indexed again: at 10,000 alerts the full build takes 60–300 ms of main thread, a poll's
// changes a few. On globalThis: the production build holds this module once per route bundle and once
// for start-up, and a map each made every bundle index the same alerts again (lib/alerts/query.ts).
type Indexed = WeakMap<ClusterAlert, { runbooks: RunbookLinks | undefined; entry: IndexedAlert }>;
const INDEXED = Symbol.for('vigil.alert-items.indexed');
const indexedStore = globalThis as unknown as Record<symbol, Indexed | undefined>;

function indexedOnce(alert: ClusterAlert, runbooks: RunbookLinks | undefined): IndexedAlert {
  indexedStore[INDEXED] ??= new WeakMap();
  const indexed = indexedStore[INDEXED];
  const known = indexed.get(alert);
  if (known && known.runbooks === runbooks) return known.entry;
  const entry = indexAlert(alert, runbooks);
  indexed.set(alert, { runbooks, entry });
  return entry;
}

/**
 * Every alert of every cluster, indexed and in the console's order (see compareAlerts). Each cluster's
 * alerts arrive in that order from the poll worker, so the sort meets sorted runs and only merges them.
 */
export function indexAlerts(alerts: Iterable<ClusterAlert>, runbooks?: RunbookLinks): IndexedAlert[] {
  const list: IndexedAlert[] = [];
  for (const alert of alerts) list.push(indexedOnce(alert, runbooks));
  return list.sort(compareAlerts);
}

/**
 * Indexes the alerts a slice at a time with the event loop free in between, so that indexAlerts then
 * finds every entry made and only sorts (lib/alerts/query.ts, after each poll).
 */
export async function indexAhead(
  alerts: readonly ClusterAlert[],
  runbooks?: RunbookLinks,
  slice = 500,
): Promise<void> {
  await forEachInSlices(alerts, (alert) => indexedOnce(alert, runbooks), slice);
}

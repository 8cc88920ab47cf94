import 'server-only';
import type { Silence } from '@/lib/alertmanager/schemas';
import { openAcks } from '@/lib/alerts/ack-state';
import { config } from '@/lib/config/current';
import { NotFoundError } from '@/lib/errors';

import { sources } from '@/lib/snapshots/sources';
import { ackKey } from './ack-overlay';
import type { AlertDetail } from './api-schema';
import { exploreLinks } from './explore-links';
import { flappingAlerts } from './flapping-state';
import { alertHistory } from './history';
import { incidentLinks } from './incident-links';
import { inIncident } from './incident-overlay';
import { type AlertIndex, currentAlertIndex } from './query';
import { type PrometheusRules, parseThreshold, ruleSource } from './threshold';

/**
 * `GET /api/v1/alerts/{fingerprint}`: one alert with what explains it — its rule's expression and
 * threshold, the silences and alerts muting it — and its earlier firings from the database.
 */

/**
 * The detail of the alert with this fingerprint, in `cluster` when given, else in the first cluster
 * (configuration order) that has it: a fingerprint is a hash of the labels, so two clusters hold the
 * same one only when both received the same alert. Throws NotFoundError when no snapshot holds it.
 */
export async function alertDetail(fingerprint: string, cluster?: string): Promise<AlertDetail> {
  const [{ index, views }, prometheus, acks, incidents, flapping] = await Promise.all([
    currentAlertIndex(),
    prometheusRules(),
    openAcks(),
    incidentLinks(),
    flappingAlerts(),
  ]);
  const found = findAlert(index, fingerprint, cluster);
  const silences = views.find((v) => v.name === found.cluster)?.data?.silences ?? [];
  const detail = describeAlert(index, found.cluster, fingerprint, prometheus, silences);
  const key = ackKey(found.cluster, fingerprint);
  const ack = acks.get(key) ?? null;
  const incident = incidents.get(key);
  const item = incident ? inIncident(detail.alert, incident) : detail.alert;
  return {
    ...detail,
    alert: { ...item, ack, flapping: flapping.get(key) ?? null },
    links: exploreLinks(detail.prometheus, detail.alert.generatorURL, config()),
    history: await history(fingerprint),
  };
}

function findAlert(index: AlertIndex, fingerprint: string, cluster: string | undefined) {
  for (const [name, alerts] of index.byFingerprint()) {
    if (cluster !== undefined && name !== cluster) continue;
    const alert = alerts.get(fingerprint);
    if (alert) return { cluster: name, alert };
  }
  throw new NotFoundError(
    `No Alertmanager${cluster === undefined ? '' : ` cluster "${cluster}"`} holds an alert with fingerprint ${fingerprint}: it may have resolved. Its past firings are in the alert history.`,
  );
}

/**
 * Everything but the history, from the snapshots alone. Silences and inhibiting
 * alerts the snapshot does not know (yet: gossip and polls lag by a few seconds) are left out; the
 * alert's own silencedBy and inhibitedBy still list their ids.
 */
function describeAlert(
  index: AlertIndex,
  cluster: string,
  fingerprint: string,
  prometheus: readonly PrometheusRules[],
  clusterSilences: readonly Silence[],
): Omit<AlertDetail, 'history' | 'links'> {
  const alerts = index.byFingerprint().get(cluster);
  const found = alerts?.get(fingerprint);
  if (!alerts || !found) throw new NotFoundError(`No alert with fingerprint ${fingerprint} in ${cluster}.`);
  const { item } = found;
  const { expr, prometheus: server } = ruleSource(item.labels, item.generatorURL, prometheus);
  const threshold = expr === null ? null : parseThreshold(expr);
  const silenceIds = new Set(item.silencedBy);
  return {
    alert: item,
    expr,
    threshold: threshold && { op: threshold.op, value: threshold.value, operand: threshold.operand },
    prometheus: server,
    silences: clusterSilences
      .filter((s) => silenceIds.has(s.id))
      .map(({ id, createdBy, comment, endsAt }) => ({ id, createdBy, comment, endsAt })),
    inhibitors: item.inhibitedBy.flatMap((fp) => {
      const source = alerts.get(fp)?.item;
      return source ? [{ fingerprint: fp, alertname: source.alertname, labels: source.labels }] : [];
    }),
  };
}

/** Every Prometheus' latest rules (servers that never answered have none). */
async function prometheusRules(): Promise<PrometheusRules[]> {
  const views = await Promise.all([...sources().prometheus.values()].map((s) => s.get()));
  return views.map((v) => ({ name: v.name, ruleGroups: v.data?.ruleGroups ?? [] }));
}

/**
 * The history lives in PostgreSQL; the rest of the detail in memory. When the database fails, the
 * on-call engineer still gets the alert, its graph and why it is muted, with an empty history and the
 * cause in the server log, rather than an error page in the middle of an incident.
 */
async function history(fingerprint: string): Promise<AlertDetail['history']> {
  try {
    return await alertHistory(fingerprint);
  } catch (error) {
    console.error(`[vigil] history of alert ${fingerprint} unavailable:`, error);
    return [];
  }
}

import { type AckMap, ackKey } from '@/lib/alerts/ack-overlay';
import { summarizeAlerts } from '@/lib/alerts/alert-counts';
import { itemState } from '@/lib/alerts/alert-items';
import type { SnapshotView } from '@/lib/snapshots/snapshot-source';
import type { ClusterSnapshot, LokiSnapshot, PrometheusSnapshot } from '@/lib/snapshots/sources';
import type { Banner, JobGroup, Overview, TargetRow } from './api-schema';

/**
 * Everything the overview shows, computed from the snapshots alone (pure, so it is unit-tested with
 * hand-made snapshots). Answers "what is broken right now": firing alerts by severity, down targets,
 * rules in error, the state of every Alertmanager peer and of Loki, and banners for upstreams that
 * failed (with the age of the data still shown). Its shape is overviewSchema (./api-schema.ts), the
 * answer of `GET /api/v1/overview`.
 */

/** Always listed (at 0 too), so the tile keeps its shape; other severities appear when they fire. */
const SEVERITIES = ['critical', 'warning', 'info'] as const;

type Views = {
  clusters: SnapshotView<ClusterSnapshot>[];
  prometheus: SnapshotView<PrometheusSnapshot>[];
  loki?: SnapshotView<LokiSnapshot>;
  /** The open acknowledgements (lib/alerts/ack-state.ts), so acknowledged alerts count as such. */
  acks?: AckMap;
};

function upstreamBanner(kind: string, view: SnapshotView<unknown>): Banner | undefined {
  if (!view.error) return undefined;
  const name = view.name === 'default' ? kind : `${kind} ${view.name}`;
  return {
    level: 'error',
    upstream: name,
    message: view.error.message,
    hint: view.error.hint,
    ageSeconds: view.ageSeconds === undefined ? undefined : Math.round(view.ageSeconds),
  };
}

function countBy(names: string[]): { name: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const n of names) counts.set(n, (counts.get(n) ?? 0) + 1);
  return [...counts]
    .map(([name, count]) => ({ name, count }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}

/** Counted as the alerts list counts them (lib/alerts/alert-counts.ts). */
function alertsSummary(clusters: Views['clusters'], acks: AckMap): Overview['alerts'] {
  const items = clusters.flatMap((c) =>
    (c.data?.alerts ?? []).map((alert) => ({
      labels: alert.labels,
      state: itemState(alert),
      ack: acks.get(ackKey(alert.cluster, alert.fingerprint)) ?? null,
    })),
  );
  const { active, acknowledged, silenced, inhibited, activeBySeverity } = summarizeAlerts(items);
  const bySeverity = { ...Object.fromEntries(SEVERITIES.map((s) => [s, 0])), ...activeBySeverity };
  return { firing: active, bySeverity, acknowledged, silenced, inhibited };
}

function targetsSummary(prometheus: Views['prometheus']): Overview['targets'] {
  const jobs = new Map<string, JobGroup>();
  for (const view of prometheus)
    for (const t of view.data?.targets ?? []) {
      const group = jobs.get(t.job) ?? { job: t.job, up: 0, down: 0, targets: [] };
      if (t.health === 'down') group.down++;
      else if (t.health === 'up') group.up++;
      group.targets.push({
        server: view.name,
        instance: t.instance,
        health: t.health,
        lastError: t.lastError,
        lastScrape: t.lastScrape ? t.lastScrape.toISOString() : null,
        scrapeUrl: t.scrapeUrl,
      });
      jobs.set(t.job, group);
    }
  const rank = (h: TargetRow['health']) => (h === 'down' ? 0 : h === 'unknown' ? 1 : 2);
  const byJob = [...jobs.values()]
    .map((g) => ({
      ...g,
      targets: g.targets.sort(
        (a, b) => rank(a.health) - rank(b.health) || a.instance.localeCompare(b.instance),
      ),
    }))
    .sort((a, b) => Number(b.down > 0) - Number(a.down > 0) || a.job.localeCompare(b.job));
  const total = byJob.reduce((n, g) => n + g.targets.length, 0);
  return { total, down: byJob.reduce((n, g) => n + g.down, 0), byJob };
}

function rulesSummary(prometheus: Views['prometheus']): Overview['rules'] {
  const errors: Overview['rules']['errors'] = [];
  const firing: string[] = [];
  const pending: string[] = [];
  let total = 0;
  for (const view of prometheus)
    for (const group of view.data?.ruleGroups ?? [])
      for (const rule of group.rules) {
        total++;
        if (rule.health === 'err')
          errors.push({ server: view.name, group: group.name, name: rule.name, error: rule.lastError });
        if (rule.type !== 'alerting') continue;
        for (const a of rule.alerts) (a.state === 'firing' ? firing : pending).push(rule.name);
      }
  return { total, errors, firing: countBy(firing), pending: countBy(pending) };
}

export function buildOverview(views: Views): Overview {
  const banners: Banner[] = [];
  for (const v of views.prometheus) {
    const b = upstreamBanner('Prometheus', v);
    if (b) banners.push(b);
  }
  for (const v of views.clusters) {
    const b = upstreamBanner('Alertmanager', v);
    if (b) banners.push(b);
    else
      for (const peer of v.data?.peers ?? [])
        if (!peer.ok)
          banners.push({
            level: 'warning',
            upstream: `Alertmanager ${peer.name}`,
            message: `${peer.address} does not answer (${peer.error ?? 'no answer'}); alerts come from the other peer(s).`,
            hint: 'Alerts are not gossiped between peers: alerts sent only to this peer are missing until it is back.',
          });
  }
  if (views.loki) {
    const b = upstreamBanner('Loki', views.loki);
    if (b) banners.push({ ...b, level: 'warning' });
  }

  return {
    alerts: alertsSummary(views.clusters, views.acks ?? new Map()),
    targets: targetsSummary(views.prometheus),
    rules: rulesSummary(views.prometheus),
    alertmanagers: views.clusters.map((v) => {
      const status = v.data?.statuses[0];
      return {
        cluster: v.name,
        peers: v.data?.peers ?? [],
        version: status?.version,
        clusterStatus: status?.clusterStatus,
      };
    }),
    prometheus: views.prometheus.map((v) => ({
      name: v.name,
      ok: !v.error && v.data !== undefined,
      version: v.data?.version,
    })),
    loki: views.loki
      ? {
          configured: true,
          ready: Boolean(views.loki.data?.ready) && !views.loki.error,
          detail: views.loki.error?.message ?? views.loki.data?.detail ?? 'not checked yet',
        }
      : { configured: false },
    banners,
  };
}

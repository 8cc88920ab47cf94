import { describe, expect, it } from 'vitest';
import type { ClusterAlert } from '@/lib/alertmanager/cluster';
import { ackKey } from '@/lib/alerts/ack-overlay';
import type { RuleGroup, ScrapeTarget } from '@/lib/prometheus/schemas';
import type { SnapshotView } from '@/lib/snapshots/snapshot-source';
import type { ClusterSnapshot, LokiSnapshot, PrometheusSnapshot } from '@/lib/snapshots/sources';
import { overviewSchema, targetsSummarySchema } from './api-schema';
import { buildOverview } from './build-overview';

const NOW = '2026-11-21T08:10:00.000Z';

function view<T>(name: string, data: T | undefined, extra: Partial<SnapshotView<T>> = {}): SnapshotView<T> {
  return {
    name,
    data,
    updatedAt: 0,
    ageSeconds: 3,
    error: undefined,
    stale: false,
    intervalSeconds: 10,
    ...extra,
  };
}

function makeAlert(partial: Partial<ClusterAlert> & { labels: Record<string, string> }): ClusterAlert {
  return {
    fingerprint: Math.random().toString(16).slice(2),
    annotations: {},
    startsAt: '2026-11-21T08:00:00.000Z',
    endsAt: '2026-11-21T09:00:00.000Z',
    updatedAt: '2026-11-21T08:00:00.000Z',
    generatorURL: '',
    receivers: ['pager'],
    state: 'active',
    silencedBy: [],
    inhibitedBy: [],
    cluster: 'default',
    peers: ['default peer 1', 'default peer 2'],
    ...partial,
  };
}

function makeTarget(
  job: string,
  instance: string,
  health: ScrapeTarget['health'],
  lastError = '',
): ScrapeTarget {
  return {
    job,
    instance,
    labels: { job, instance },
    scrapePool: job,
    scrapeUrl: `http://${instance}/metrics`,
    health,
    lastError,
    lastScrape: new Date('2026-11-21T08:00:00Z'),
    lastScrapeDurationSeconds: 0.01,
  };
}

const RULES: RuleGroup[] = [
  {
    name: 'availability',
    file: 'rules.yml',
    rules: [
      {
        type: 'alerting',
        name: 'InstanceDown',
        query: 'up == 0',
        durationSeconds: 30,
        labels: { severity: 'critical' },
        annotations: {},
        state: 'firing',
        health: 'ok',
        lastError: '',
        alerts: [
          { labels: { instance: 'a' }, annotations: {}, state: 'firing', activeAt: new Date(), value: 0 },
          { labels: { instance: 'b' }, annotations: {}, state: 'pending', activeAt: new Date(), value: 0 },
        ],
      },
      {
        type: 'recording',
        name: 'job:up:sum',
        query: 'sum(up) by (job',
        labels: {},
        health: 'err',
        lastError: 'parse error',
      },
    ],
  },
];

function cluster(alerts: ClusterAlert[], peers = [true, true]): ClusterSnapshot {
  return {
    alerts,
    peers: peers.map((ok, i) => ({
      name: `default peer ${i + 1}`,
      address: `127.0.0.1:909${i + 3}`,
      ok,
      ...(ok ? {} : { error: 'ECONNREFUSED' }),
    })),
    silences: [],
    routeGroups: [],
    statuses: [{ peer: 'default peer 1', version: '0.25.0', clusterStatus: 'ready', clusterPeers: 2 }],
  };
}

const prometheus = (targets: ScrapeTarget[]): PrometheusSnapshot => ({
  targets,
  ruleGroups: RULES,
  version: '2.42.0',
});

describe('buildOverview', () => {
  it('counts firing alerts by severity, leaving silenced and inhibited ones out', () => {
    const o = buildOverview({
      clusters: [
        view(
          'default',
          cluster([
            makeAlert({ labels: { severity: 'critical' } }),
            makeAlert({ labels: { severity: 'critical' } }),
            makeAlert({ labels: { severity: 'warning' } }),
            makeAlert({ labels: {} }),
            makeAlert({ labels: { severity: 'critical' }, state: 'suppressed', silencedBy: ['s1'] }),
            makeAlert({ labels: { severity: 'warning' }, state: 'suppressed', inhibitedBy: ['f1'] }),
          ]),
        ),
      ],
      prometheus: [],
    });
    expect(o.alerts).toEqual({
      firing: 4,
      bySeverity: { critical: 2, warning: 1, info: 0, 'no severity': 1 },
      acknowledged: 0,
      silenced: 1,
      inhibited: 1,
    });
  });

  it('counts an acknowledged alert as acknowledged, not as silenced or firing', () => {
    const acked = makeAlert({ labels: { severity: 'critical' }, state: 'suppressed', silencedBy: ['ack'] });
    const ackedFiring = makeAlert({ labels: { severity: 'critical' } });
    const acks = new Map(
      [acked, ackedFiring].map((a) => [
        ackKey(a.cluster, a.fingerprint),
        { by: 'ana', at: NOW, comment: null },
      ]),
    );
    const o = buildOverview({
      clusters: [view('default', cluster([acked, ackedFiring, makeAlert({ labels: { severity: 'none' } })]))],
      prometheus: [],
      acks,
    });
    expect(o.alerts).toEqual({
      firing: 1,
      bySeverity: { critical: 0, warning: 0, info: 0, none: 1 },
      acknowledged: 2,
      silenced: 0,
      inhibited: 0,
    });
  });

  it('lists jobs with down targets first, and down targets first within a job', () => {
    const o = buildOverview({
      clusters: [],
      prometheus: [
        view(
          'default',
          prometheus([
            makeTarget('node', 'n1', 'up'),
            makeTarget('api', 'a2', 'up'),
            makeTarget('api', 'a1', 'down', 'connection refused'),
            makeTarget('blackbox', 'b1', 'unknown'),
          ]),
        ),
      ],
    });
    expect(o.targets.down).toBe(1);
    expect(o.targets.total).toBe(4);
    expect(o.targets.byJob.map((g) => g.job)).toEqual(['api', 'blackbox', 'node']);
    expect(o.targets.byJob[0]?.targets.map((t) => [t.instance, t.lastError])).toEqual([
      ['a1', 'connection refused'],
      ['a2', ''],
    ]);
  });

  it('reports rules in error and firing/pending counts', () => {
    const o = buildOverview({ clusters: [], prometheus: [view('default', prometheus([]))] });
    expect(o.rules).toEqual({
      total: 2,
      errors: [{ server: 'default', group: 'availability', name: 'job:up:sum', error: 'parse error' }],
      firing: [{ name: 'InstanceDown', count: 1 }],
      pending: [{ name: 'InstanceDown', count: 1 }],
    });
  });

  it('keeps showing the last data with a banner when an upstream fails, and warns about a dead peer', () => {
    const o = buildOverview({
      clusters: [view('default', cluster([makeAlert({ labels: { severity: 'critical' } })], [true, false]))],
      prometheus: [
        view('default', prometheus([makeTarget('api', 'a1', 'down')]), {
          ageSeconds: 42.4,
          error: {
            message: 'Prometheus at 127.0.0.1:9090 could not be reached (ECONNREFUSED)',
            hint: 'check PROMETHEUS_URL',
            at: 0,
          },
        }),
      ],
      loki: view<LokiSnapshot>('default', undefined, {
        error: { message: 'Loki did not answer within 5000 ms', at: 0 },
        ageSeconds: undefined,
      }),
    });
    expect(o.targets.down).toBe(1);
    expect(o.prometheus).toEqual([{ name: 'default', ok: false, version: '2.42.0' }]);
    expect(o.banners).toEqual([
      {
        level: 'error',
        upstream: 'Prometheus',
        message: 'Prometheus at 127.0.0.1:9090 could not be reached (ECONNREFUSED)',
        hint: 'check PROMETHEUS_URL',
        ageSeconds: 42,
      },
      expect.objectContaining({ level: 'warning', upstream: 'Alertmanager default peer 2' }),
      expect.objectContaining({
        level: 'warning',
        upstream: 'Loki',
        message: 'Loki did not answer within 5000 ms',
      }),
    ]);
    expect(o.loki).toEqual({ configured: true, ready: false, detail: 'Loki did not answer within 5000 ms' });
    expect(o.alertmanagers[0]).toMatchObject({
      cluster: 'default',
      version: '0.25.0',
      clusterStatus: 'ready',
    });
  });

  it('says Loki is not configured when it is not', () => {
    expect(buildOverview({ clusters: [], prometheus: [] }).loki).toEqual({ configured: false });
  });

  it('answers exactly the shape GET /api/v1/overview declares: no field missing, none undeclared', () => {
    const o = buildOverview({
      clusters: [view('default', cluster([makeAlert({ labels: { severity: 'critical' } })], [true, false]))],
      prometheus: [
        view('default', prometheus([makeTarget('api', 'a1', 'down'), makeTarget('api', 'a2', 'up')]), {
          ageSeconds: 3,
          error: { message: 'Prometheus did not answer', hint: 'check PROMETHEUS_URL', at: 0 },
        }),
      ],
      loki: view<LokiSnapshot>('default', { ready: true, detail: 'ready' }),
    });
    const json = JSON.parse(JSON.stringify(o));
    // Parsing drops keys the schema does not declare, so equality shows there are none.
    expect(overviewSchema.parse(json)).toEqual(json);
    expect(targetsSummarySchema.parse(json.targets)).toEqual(json.targets);
  });
});

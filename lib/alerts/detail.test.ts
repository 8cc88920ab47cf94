import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ClusterAlert } from '@/lib/alertmanager/merge';
import type { AmAlert, Silence } from '@/lib/alertmanager/schemas';
import { makeAlert } from '@/lib/alertmanager/testing/make-alert';
import { NotFoundError } from '@/lib/errors';
import type { RuleGroup } from '@/lib/prometheus/schemas';
import type { SnapshotView } from '@/lib/snapshots/snapshot-source';
import type { ClusterSnapshot, PrometheusSnapshot } from '@/lib/snapshots/sources';
import { alertDetail } from './detail';

const state = vi.hoisted(() => ({
  clusters: new Map<string, { get: () => Promise<unknown> }>(),
  prometheus: new Map<string, { get: () => Promise<unknown> }>(),
  history: vi.fn(),
}));
vi.mock('@/lib/snapshots/sources', () => ({ sources: () => state }));
vi.mock('./history', () => ({ alertHistory: state.history }));
// Acknowledgements come from PostgreSQL; these tests have none.
vi.mock('@/lib/alerts/ack-state', () => ({ openAcks: async () => new Map() }));
// Incident links come from PostgreSQL too; lib/alerts/incident-links.integration.test.ts reads them.
vi.mock('@/lib/alerts/incident-links', () => ({ incidentLinks: async () => new Map() }));
// Links are built from the configuration: "main" has a browser address and a Grafana data source.
vi.mock('@/lib/config/current', () => ({
  config: () => ({
    prometheus: [
      { name: 'empty', url: 'http://prom-0.internal:9090', timeoutMs: 5000 },
      {
        name: 'main',
        url: 'http://prom-1.internal:9090',
        timeoutMs: 5000,
        externalUrl: 'https://ops.example.com/prometheus',
        grafanaDatasource: 'prom-main',
      },
    ],
    grafanaUrl: 'https://grafana.example.com',
  }),
}));

const alert = (partial: Partial<AmAlert>, cluster = 'eu'): ClusterAlert => ({
  ...makeAlert(partial),
  cluster,
  peers: [`${cluster} peer 1`],
});

const silence = (id: string): Silence => ({
  id,
  state: 'active',
  matchers: [{ name: 'instance', value: 'db-1', isRegex: false, isEqual: true }],
  startsAt: '2026-11-21T08:00:00.000Z',
  endsAt: '2026-11-21T10:00:00.000Z',
  updatedAt: '2026-11-21T08:00:00.000Z',
  createdBy: 'ana@example.com',
  comment: 'maintenance',
});

function clusterView(
  name: string,
  alerts: ClusterAlert[],
  silences: Silence[] = [],
): SnapshotView<ClusterSnapshot> {
  return {
    name,
    data: { alerts, peers: [], silences, routeGroups: [], statuses: [] },
    updatedAt: 0,
    ageSeconds: 1,
    error: undefined,
    stale: false,
    intervalSeconds: 10,
  };
}

function prometheusView(name: string, ruleGroups: RuleGroup[] | undefined): SnapshotView<PrometheusSnapshot> {
  return {
    name,
    data: ruleGroups && { targets: [], ruleGroups, version: '2.42.0' },
    updatedAt: 0,
    ageSeconds: 1,
    error: undefined,
    stale: false,
    intervalSeconds: 10,
  };
}

const rule = (name: string, query: string, labels: Record<string, string>) => ({
  type: 'alerting' as const,
  name,
  query,
  durationSeconds: 30,
  labels,
  annotations: {},
  state: 'firing' as const,
  health: 'ok' as const,
  lastError: '',
  alerts: [],
});

const down = alert({
  fingerprint: 'aaaa',
  labels: { alertname: 'InstanceDown', severity: 'critical', instance: 'db-1' },
  state: 'suppressed',
  silencedBy: ['s1', 'gone'],
  inhibitedBy: ['bbbb', 'cccc'],
});
const inhibitor = alert({
  fingerprint: 'bbbb',
  labels: { alertname: 'DatacenterDown', severity: 'critical' },
});

function serve(clusters: SnapshotView<ClusterSnapshot>[], prometheus: SnapshotView<PrometheusSnapshot>[]) {
  state.clusters = new Map(clusters.map((v) => [v.name, { get: async () => v }]));
  state.prometheus = new Map(prometheus.map((v) => [v.name, { get: async () => v }]));
}

const HISTORY = [
  {
    startsAt: '2026-11-20T08:00:00.000Z',
    endsAt: '2026-11-20T08:10:00.000Z',
    durationSeconds: 600,
    status: 'resolved',
  },
];

beforeEach(() => {
  state.history.mockReset();
  state.history.mockResolvedValue(HISTORY);
  serve(
    [clusterView('eu', [down, inhibitor], [silence('s1'), silence('other')])],
    [
      prometheusView('empty', undefined),
      prometheusView('main', [
        { name: 'g', file: 'f', rules: [rule('InstanceDown', 'up == 0', { severity: 'critical' })] },
      ]),
    ],
  );
});

describe('alertDetail', () => {
  it('explains the alert: rule expression and server, threshold, silences, inhibitors and history', async () => {
    const detail = await alertDetail('aaaa');
    expect(detail).toEqual({
      alert: expect.objectContaining({ fingerprint: 'aaaa', cluster: 'eu', state: 'silenced', ack: null }),
      expr: 'up == 0',
      threshold: { op: '==', value: 0, operand: 'up' },
      prometheus: 'main',
      links: {
        prometheus: 'https://ops.example.com/prometheus',
        grafana: { url: 'https://grafana.example.com', datasourceUid: 'prom-main' },
      },
      // "gone" is not in the snapshot (yet, or any more): left out, still listed in alert.silencedBy.
      silences: [
        {
          id: 's1',
          createdBy: 'ana@example.com',
          comment: 'maintenance',
          endsAt: '2026-11-21T10:00:00.000Z',
        },
      ],
      inhibitors: [{ fingerprint: 'bbbb', alertname: 'DatacenterDown', labels: inhibitor.labels }],
      history: HISTORY,
    });
    expect(detail.alert.silencedBy).toEqual(['s1', 'gone']);
    expect(state.history).toHaveBeenCalledWith('aaaa');
  });

  it('falls back to the generatorURL expression on the first Prometheus', async () => {
    const detail = await alertDetail('bbbb');
    expect(detail).toMatchObject({
      expr: 'vector(1)',
      threshold: null,
      prometheus: 'empty',
      // No externalUrl for "empty": the Prometheus the alert's generatorURL names.
      links: {
        prometheus: 'http://127.0.0.1:19090',
        grafana: { url: 'https://grafana.example.com', datasourceUid: null },
      },
      silences: [],
      inhibitors: [],
    });
  });

  it('is a NotFoundError for a fingerprint no cluster holds', async () => {
    await expect(alertDetail('ffff')).rejects.toBeInstanceOf(NotFoundError);
    await expect(alertDetail('ffff')).rejects.toThrow(/No Alertmanager holds an alert with fingerprint ffff/);
  });

  it('takes the cluster asked for when several hold the fingerprint, else the first', async () => {
    const copy = alert(
      { fingerprint: 'aaaa', labels: { alertname: 'InstanceDown', severity: 'critical' } },
      'us',
    );
    serve([clusterView('eu', [down, inhibitor]), clusterView('us', [copy])], []);
    expect((await alertDetail('aaaa')).alert.cluster).toBe('eu');
    expect((await alertDetail('aaaa', 'us')).alert).toMatchObject({ cluster: 'us', state: 'firing' });
    await expect(alertDetail('bbbb', 'us')).rejects.toThrow(/cluster "us"/);
  });

  it('still answers, with an empty history, when the database fails', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    state.history.mockRejectedValue(new Error('connection refused'));
    const detail = await alertDetail('aaaa');
    expect(detail.history).toEqual([]);
    expect(detail.expr).toBe('up == 0');
    expect(log).toHaveBeenCalled();
    log.mockRestore();
  });
});

import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ClusterAlert } from '@/lib/alertmanager/merge';
import { makeAlert } from '@/lib/alertmanager/testing/make-alert';
import type { SnapshotView } from '@/lib/snapshots/snapshot-source';
import type { ClusterSnapshot } from '@/lib/snapshots/sources';
import { type AckMap, ackKey } from './ack-overlay';
import { alertsQuerySchema } from './api-schema';
import { currentAlertIndex, prepareAlertsList, queryAlerts } from './query';

// The one cluster the poll just read, and what PostgreSQL holds; each test sets them.
const current: { view?: SnapshotView<ClusterSnapshot>; acks: AckMap } = { acks: new Map() };

vi.mock('@/lib/snapshots/sources', () => ({
  sources: () => ({ clusters: new Map([['eu', { get: async () => current.view }]]), prometheus: new Map() }),
  wantRouteGroups: () => false,
}));
vi.mock('./ack-state', () => ({ openAcks: async () => current.acks }));
const none = vi.hoisted(() => ({ links: new Map(), flapping: new Map() }));
vi.mock('./incident-links', () => ({ incidentLinks: async () => none.links }));
vi.mock('./flapping-state', () => ({ flappingAlerts: async () => none.flapping }));
// Counts the overlay passes; the overlay itself is the real one.
const overlaid = vi.hoisted(() => ({ passes: 0 }));
vi.mock('./ack-overlay', async (actual) => {
  const real = await actual<typeof import('./ack-overlay')>();
  return {
    ...real,
    withAcks: (...args: Parameters<typeof real.withAcks>) => {
      overlaid.passes++;
      return real.withAcks(...args);
    },
  };
});

function polled(count: number): SnapshotView<ClusterSnapshot> {
  const alerts: ClusterAlert[] = Array.from({ length: count }, (_, i) => ({
    ...makeAlert({
      fingerprint: `f${String(i).padStart(5, '0')}`,
      labels: { alertname: 'A', instance: `h${i}` },
    }),
    cluster: 'eu',
    peers: ['eu peer 1'],
  }));
  return {
    name: 'eu',
    data: { alerts, peers: [], silences: [], routeGroups: [], statuses: [] },
    updatedAt: Date.now(),
    ageSeconds: 0,
    error: undefined,
    stale: false,
    intervalSeconds: 10,
  };
}

describe('prepareAlertsList (after each poll)', () => {
  beforeEach(() => {
    overlaid.passes = 0;
  });

  it('sorts the polled alerts and lays the acknowledgements over them before any request asks', async () => {
    current.view = polled(3000);
    // On h1, which the filter below finds.
    const acked = current.view.data?.alerts[1] as ClusterAlert;
    current.acks = new Map([
      [ackKey('eu', acked.fingerprint), { by: 'ana', at: '2026-12-06T03:00:00.000Z', comment: null }],
    ]);
    await prepareAlertsList();
    const passes = overlaid.passes;
    // In slices of 1,000 alerts.
    expect(passes).toBe(3);

    const answer = await queryAlerts(alertsQuerySchema.parse({ filter: 'instance=~"h1.*"' }));
    // The request found the overlaid alerts ready: no pass of its own.
    expect(overlaid.passes).toBe(passes);
    expect(answer.counts).toMatchObject({ total: 1111, matching: 1111 });
    expect(answer.counts.byState.acknowledged).toBe(1);
  });

  it('prepares again only when a poll or the acknowledgements changed something', async () => {
    current.view = polled(1500);
    current.acks = new Map();
    await prepareAlertsList();
    expect(overlaid.passes).toBe(2);
    // A poll that brought the same alert array: nothing to do.
    current.view = { ...current.view, updatedAt: Date.now() };
    await prepareAlertsList();
    expect(overlaid.passes).toBe(2);
    current.acks = new Map([['eu\0f00000', { by: 'ana', at: '2026-12-06T03:00:00.000Z', comment: null }]]);
    await prepareAlertsList();
    expect(overlaid.passes).toBe(4);
  });

  it('is found ready by another copy of the module, as each bundle of the production build holds one', async () => {
    current.view = polled(1500);
    current.acks = new Map();
    await prepareAlertsList();
    const passes = overlaid.passes;
    const { index } = await currentAlertIndex();
    vi.resetModules();
    const other = await import('./query');
    expect(other.queryAlerts).not.toBe(queryAlerts);
    expect((await other.currentAlertIndex()).index).toBe(index);
    const answer = await other.queryAlerts(alertsQuerySchema.parse({}));
    expect(overlaid.passes).toBe(passes);
    expect(answer.counts.total).toBe(1500);
  });
});

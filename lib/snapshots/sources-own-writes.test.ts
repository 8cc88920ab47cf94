import { afterAll, describe, expect, it, vi } from 'vitest';
import type { ClusterAlert } from '@/lib/alertmanager/merge';
import type { Silence } from '@/lib/alertmanager/schemas';

// One cluster polled hourly, so only the polls a test asks for (refresh) happen. Its alert read is held
// open by the test, as Alertmanager holds a read of 10,000 alerts for seconds.
const cfg = vi.hoisted(() => ({
  pollIntervalSeconds: 3600,
  alertmanagers: [{ name: 'default', peers: ['http://am-1:9093'], timeoutMs: 1000 }],
  prometheus: [],
  loki: undefined,
}));
const upstream = vi.hoisted(() => ({
  read: Promise.resolve({ alerts: [] as unknown[], peers: [] }),
  silences: [] as unknown[],
}));
vi.mock('@/lib/config/current', () => ({ config: () => cfg }));
vi.mock('@/lib/alertmanager/cluster', () => ({
  readClusterAlerts: () => upstream.read,
  writeWithFailover: async (_peers: unknown, write: () => Promise<unknown>) => ({ result: await write() }),
}));
vi.mock('@/lib/alertmanager/client', () => ({
  getStatus: async () => Promise.reject(new Error('no peer answers')),
  getSilences: async () => upstream.silences,
  getAlertGroups: async () => [],
}));

const { sources, showOwnSilences, showOwnSilenceExpired } = await import('./sources');

afterAll(() => {
  for (const source of sources().clusters.values()) source.stop();
});

const alert: ClusterAlert = {
  fingerprint: 'f1',
  labels: { alertname: 'InstanceDown', instance: 'db-1' },
  annotations: {},
  startsAt: '2026-12-05T08:00:00.000Z',
  endsAt: '2026-12-05T09:00:00.000Z',
  updatedAt: '2026-12-05T08:00:00.000Z',
  generatorURL: '',
  receivers: ['pager'],
  state: 'active',
  silencedBy: [],
  inhibitedBy: [],
  cluster: 'default',
  peers: ['am-1:9093'],
};
const ackSilence: Silence = {
  id: 's1',
  state: 'active',
  matchers: [{ name: 'instance', value: 'db-1', isRegex: false, isEqual: true }],
  startsAt: '2026-12-05T08:10:00.000Z',
  endsAt: '2026-12-05T09:10:00.000Z',
  updatedAt: '2026-12-05T08:10:00.000Z',
  createdBy: 'ana@example.com',
  comment: 'Acknowledged',
};

const cluster = () => sources().clusters.get('default');
const shown = () => {
  const data = cluster()?.view().data;
  return { silences: data?.silences.map((s) => `${s.id} ${s.state}`), alert: data?.alerts[0]?.state };
};

/** A poll whose read of the alerts answers only when the test says: what Alertmanager held when asked. */
async function pollHeldOpen(alerts: ClusterAlert[]) {
  let answer!: () => void;
  upstream.read = new Promise((resolve) => {
    answer = () => resolve({ alerts, peers: [] });
  });
  const polled = cluster()?.refresh();
  await new Promise((r) => setImmediate(r));
  return {
    land: async () => {
      answer();
      await polled;
    },
  };
}

describe('silences Vigil writes while a poll is under way', () => {
  it('an acknowledgement made during a poll stays silenced when that poll lands', async () => {
    upstream.read = Promise.resolve({ alerts: [alert], peers: [] });
    await cluster()?.refresh();
    expect(shown()).toEqual({ silences: [], alert: 'active' });

    // The poll asks while the silence does not exist yet; the acknowledgement follows.
    const poll = await pollHeldOpen([alert]);
    showOwnSilences('default', [ackSilence]);
    expect(shown()).toEqual({ silences: ['s1 active'], alert: 'suppressed' });
    await poll.land();
    expect(shown()).toEqual({ silences: ['s1 active'], alert: 'suppressed' });
  });

  it('an acknowledgement withdrawn during a poll stays unsilenced when that poll lands', async () => {
    const silenced: ClusterAlert = { ...alert, state: 'suppressed', silencedBy: ['s1'] };
    upstream.silences = [ackSilence];
    upstream.read = Promise.resolve({ alerts: [silenced], peers: [] });
    // A poll that began after the acknowledgement above: Alertmanager's own view wins.
    await new Promise((r) => setTimeout(r, 2));
    await cluster()?.refresh();
    expect(shown()).toEqual({ silences: ['s1 active'], alert: 'suppressed' });

    const poll = await pollHeldOpen([silenced]);
    showOwnSilenceExpired('default', 's1');
    expect(shown()).toEqual({ silences: ['s1 expired'], alert: 'active' });
    await poll.land();
    expect(shown()).toEqual({ silences: ['s1 expired'], alert: 'active' });
  });
});

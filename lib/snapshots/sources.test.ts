import { afterAll, describe, expect, it, vi } from 'vitest';
import type { ClusterPollHookFactory } from './sources';

// One cluster polled hourly, so only the polls a test asks for (refresh) happen; its peer never answers
// the status and silence reads, and holds no alert.
const cfg = vi.hoisted(() => ({
  pollIntervalSeconds: 3600,
  alertmanagers: [{ name: 'default', peers: ['http://am-1:9093'], timeoutMs: 1000 }],
  prometheus: [],
  loki: undefined,
}));
vi.mock('@/lib/config/current', () => ({ config: () => cfg }));
vi.mock('@/lib/alertmanager/cluster', () => ({
  readClusterAlerts: async () => ({ alerts: [], peers: [] }),
  writeWithFailover: async () => Promise.reject(new Error('no peer answers')),
}));
vi.mock('@/lib/alertmanager/client', () => ({
  getStatus: async () => Promise.reject(new Error('no peer answers')),
  getSilences: async () => [],
  getAlertGroups: async () => [],
}));

const { onClusterPoll, sources } = await import('./sources');

afterAll(() => {
  for (const source of sources().clusters.values()) source.stop();
});

/** A poll of the one cluster (the first call creates the sources and joins their first poll). */
const poll = () => sources().clusters.get('default')?.refresh();

describe('post-poll hooks', () => {
  it('runs every registered hook after each poll, in order, one hook per cluster, past a failing one', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const calls: string[] = [];
    const made: string[] = [];
    let period = 0;
    onClusterPoll('recording', (cluster, periodMs) => {
      made.push(`recording ${cluster.name}`);
      return async () => {
        period = periodMs();
        calls.push('recording');
        throw new Error('database down');
      };
    });
    onClusterPoll('reconciling', () => {
      made.push('reconciling');
      return async (_previous, next) => {
        calls.push(`reconciling ${next.alerts.length} alert(s)`);
      };
    });
    await poll();
    await poll();
    expect(made).toEqual(['recording default', 'reconciling']);
    // The hourly interval, plus the poll's own few milliseconds.
    expect(period).toBeGreaterThanOrEqual(3_600_000);
    expect(period).toBeLessThan(3_601_000);
    expect(calls).toEqual(['recording', 'reconciling 0 alert(s)', 'recording', 'reconciling 0 alert(s)']);
    expect(errors).toHaveBeenCalledWith('[vigil] recording after polling default failed:', expect.any(Error));
    errors.mockRestore();
  });

  it('takes a hook registered after the sources started, and a name registered again replaces its hook', async () => {
    const calls: string[] = [];
    const late: ClusterPollHookFactory = () => async () => {
      calls.push('late');
    };
    onClusterPoll('recording', () => async () => {
      calls.push('recording again');
    });
    onClusterPoll('late', late);
    await poll();
    expect(calls).toEqual(['recording again', 'late']);
  });
});

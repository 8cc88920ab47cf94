import { describe, expect, it } from 'vitest';
import { inAlertOrder } from '@/lib/alertmanager/alert-order';
import type { ClusterAlert } from '@/lib/alertmanager/merge';
import type { AmAlert } from '@/lib/alertmanager/schemas';
import { makeAlert } from '@/lib/alertmanager/testing/make-alert';
import { compareAlerts, indexAhead, indexAlert, indexAlerts, searchText, toAlertItem } from './alert-items';

const clusterAlert = (partial: Partial<AmAlert> = {}, cluster = 'eu'): ClusterAlert => ({
  ...makeAlert(partial),
  cluster,
  peers: [`${cluster} peer 1`],
});

describe('toAlertItem', () => {
  it('maps an active alert to a firing item with nothing filled in yet', () => {
    const alert = clusterAlert({
      labels: { alertname: 'InstanceDown', severity: 'critical', instance: 'db-1' },
      annotations: { summary: 'db-1 is down', description: 'long text' },
    });
    expect(toAlertItem(alert)).toEqual({
      fingerprint: alert.fingerprint,
      cluster: 'eu',
      alertname: 'InstanceDown',
      severity: 'critical',
      summary: 'db-1 is down',
      labels: alert.labels,
      annotations: alert.annotations,
      state: 'firing',
      startsAt: alert.startsAt,
      updatedAt: alert.updatedAt,
      generatorURL: alert.generatorURL,
      receivers: ['default'],
      peers: ['eu peer 1'],
      silencedBy: [],
      inhibitedBy: [],
      ack: null,
      incident: null,
      flapping: null,
      runbook: null,
      groupKey: '',
    });
  });

  it.each<[Partial<AmAlert>, string]>([
    [{ state: 'suppressed', silencedBy: ['s1'], inhibitedBy: [] }, 'silenced'],
    [{ state: 'suppressed', silencedBy: ['s1'], inhibitedBy: ['f1'] }, 'silenced'],
    [{ state: 'suppressed', silencedBy: [], inhibitedBy: ['f1'] }, 'inhibited'],
    [{ state: 'unprocessed', silencedBy: [], inhibitedBy: [] }, 'unprocessed'],
    [{ state: 'active', silencedBy: [], inhibitedBy: [] }, 'firing'],
    // Merged across peers: one peer has not received the silence by gossip yet and still notifies.
    [{ state: 'active', silencedBy: ['s1'], inhibitedBy: [] }, 'firing'],
    // Muted by a time interval only (Alertmanager 0.28+): not silenced, not inhibited.
    [{ state: 'suppressed', silencedBy: [], inhibitedBy: [], mutedBy: ['weekends'] }, 'firing'],
  ])('maps %j to %s', (status, state) => {
    expect(toAlertItem(clusterAlert(status)).state).toBe(state);
  });

  it('defaults severity to "none" and the summary to the description, then null', () => {
    const bare = toAlertItem(clusterAlert({ labels: { alertname: 'X' }, annotations: {} }));
    expect(bare).toMatchObject({ severity: 'none', summary: null });
    const described = toAlertItem(clusterAlert({ annotations: { summary: '', description: 'why' } }));
    expect(described.summary).toBe('why');
    expect(toAlertItem(clusterAlert({ labels: {} })).alertname).toBe('');
  });

  it('takes the group key it is given', () => {
    expect(toAlertItem(clusterAlert(), 'alertname="Watchdog"').groupKey).toBe('alertname="Watchdog"');
  });
});

describe('searchText', () => {
  it('holds label values, summary and description, lower-cased, but not label names or other annotations', () => {
    const text = searchText({
      labels: { alertname: 'DiskSpaceLow', mountpoint: '/Data' },
      annotations: { summary: 'Disk FULL', description: 'sda1', runbook_url: 'secret-runbook' },
    });
    expect(text).toContain('diskspacelow');
    expect(text).toContain('/data');
    expect(text).toContain('disk full');
    expect(text).toContain('sda1');
    expect(text).not.toContain('mountpoint');
    expect(text).not.toContain('secret-runbook');
  });

  it('separates fields so a word cannot span two', () => {
    expect(searchText({ labels: { a: 'foo', b: 'bar' }, annotations: {} })).not.toContain('foobar');
  });
});

describe('compareAlerts', () => {
  const at = (minute: number) => `2026-11-21T08:${String(minute).padStart(2, '0')}:00.000Z`;

  it('orders by severity, then age (older first), then fingerprint, then cluster', () => {
    const alerts = [
      clusterAlert({ fingerprint: 'e', labels: { severity: 'info' }, startsAt: at(0) }),
      clusterAlert({ fingerprint: 'd', labels: { severity: 'critical' }, startsAt: at(5) }),
      clusterAlert({ fingerprint: 'c', labels: { severity: 'critical' }, startsAt: at(1) }),
      clusterAlert({ fingerprint: 'b', labels: { severity: 'critical' }, startsAt: at(5) }),
      clusterAlert({ fingerprint: 'b', labels: { severity: 'critical' }, startsAt: at(5) }, 'asia'),
      clusterAlert({ fingerprint: 'a', labels: {}, startsAt: at(0) }),
      clusterAlert({ fingerprint: 'f', labels: { severity: 'warning' }, startsAt: at(9) }),
    ];
    expect(indexAlerts(alerts).map((a) => `${a.item.fingerprint}@${a.item.cluster}`)).toEqual([
      'c@eu',
      'b@asia',
      'b@eu',
      'd@eu',
      'f@eu',
      'e@eu',
      'a@eu',
    ]);
  });

  it('is total: only the same alert compares equal', () => {
    const a = indexAlert(clusterAlert({ fingerprint: 'a' }));
    expect(compareAlerts(a, indexAlert(clusterAlert({ fingerprint: 'a' })))).toBe(0);
    expect(compareAlerts(a, indexAlert(clusterAlert({ fingerprint: 'a' }, 'us')))).not.toBe(0);
  });

  it('gives the same order whatever order the alerts arrive in', () => {
    const alerts = Array.from({ length: 50 }, (_, i) =>
      clusterAlert({
        fingerprint: `f${i % 7}${i}`,
        labels: { severity: ['critical', 'warning', 'x'][i % 3] ?? '' },
        startsAt: at(i % 4),
      }),
    );
    const order = (list: ClusterAlert[]) => indexAlerts(list).map((a) => a.item.fingerprint);
    expect(order([...alerts].reverse())).toEqual(order(alerts));
    // The poll worker's order (alert-order.ts) is this order: the main thread's sort only merges runs.
    expect(inAlertOrder([...alerts].reverse()).map((a) => a.fingerprint)).toEqual(order(alerts));
  });
});

describe('indexAlerts across polls', () => {
  it('reuses the entry of an alert object it indexed before, and indexes a changed alert again', () => {
    const kept = clusterAlert({ fingerprint: 'a' });
    const first = indexAlerts([kept, clusterAlert({ fingerprint: 'b', labels: { severity: 'info' } })]);
    const changed = clusterAlert({ fingerprint: 'b', labels: { severity: 'critical' } });
    const second = indexAlerts([kept, changed]);
    expect(second.find((a) => a.item.fingerprint === 'a')).toBe(
      first.find((a) => a.item.fingerprint === 'a'),
    );
    expect(second.map((a) => `${a.item.fingerprint} ${a.item.severity}`)).toEqual(['b critical', 'a none']);
  });

  it('indexes ahead in slices, yielding to the event loop between them, so the next build only sorts', async () => {
    const alerts = Array.from({ length: 5 }, (_, i) => clusterAlert({ fingerprint: `f${i}` }));
    // Queued before the call: it runs before indexAhead resolves only if indexAhead gave the loop back
    // (a timer counted ticks here, and three quick slices could finish within its 1 ms).
    let yielded = false;
    setImmediate(() => {
      yielded = true;
    });
    await indexAhead(alerts, undefined, 2);
    expect(yielded).toBe(true);
    const built = indexAlerts(alerts);
    // The same entries the slices made: nothing was indexed twice.
    expect(indexAlerts(alerts).every((entry, i) => entry === built[i])).toBe(true);
    expect(built.map((a) => a.item.fingerprint)).toEqual(['f0', 'f1', 'f2', 'f3', 'f4']);
  });
});

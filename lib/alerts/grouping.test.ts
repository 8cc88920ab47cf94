import { describe, expect, it } from 'vitest';
import { makeAlert } from '@/lib/alertmanager/testing/make-alert';
import { ValidationError } from '@/lib/errors';
import { indexAlerts } from './alert-items';
import {
  type AlertGroup,
  alertGrouper,
  groupAlerts,
  pageOf,
  parseGroupBy,
  routeIndex,
  summarizeGroups,
} from './grouping';

const at = (minute: number) => `2026-11-21T08:${String(minute).padStart(2, '0')}:00.000Z`;

/** An alert named `alertname` with `severity`, started at minute `minute`. */
const alert = (
  fingerprint: string,
  alertname: string,
  severity: string | undefined,
  minute: number,
  { cluster = 'eu', labels = {} }: { cluster?: string; labels?: Record<string, string> } = {},
) => ({
  ...makeAlert({
    fingerprint,
    labels: { alertname, ...(severity ? { severity } : {}), ...labels },
    startsAt: at(minute),
  }),
  cluster,
  peers: [`${cluster} peer 1`],
});

const NO_ROUTES = routeIndex([]);
const keys = (groups: AlertGroup[]) => groups.map((g) => g.key);
const members = (groups: AlertGroup[]) =>
  Object.fromEntries(groups.map((g) => [g.key, g.alerts.map((a) => a.item.fingerprint)]));

describe('parseGroupBy', () => {
  it('reads a label, @route or nothing', () => {
    expect(parseGroupBy('alertname')).toEqual({ kind: 'label', name: 'alertname' });
    expect(parseGroupBy(' instance ')).toEqual({ kind: 'label', name: 'instance' });
    expect(parseGroupBy('@route')).toEqual({ kind: 'route' });
    expect(parseGroupBy('')).toEqual({ kind: 'none' });
  });

  it('refuses anything else on the group_by field', () => {
    expect(() => parseGroupBy('not-a-label')).toThrow(ValidationError);
    try {
      parseGroupBy('@receiver');
    } catch (error) {
      expect((error as ValidationError).fields.group_by).toMatch(/^"@receiver" is not a label name/);
    }
  });
});

describe('groupAlerts by label', () => {
  const alerts = indexAlerts([
    alert('w1', 'HighCPUUsage', 'warning', 1),
    alert('c1', 'InstanceDown', 'critical', 5),
    alert('w2', 'HighCPUUsage', 'warning', 3),
    alert('i1', 'Watchdog', 'info', 0),
    alert('c2', 'PostgreSQLDown', 'critical', 2),
    alert('w3', 'DiskSpaceLow', 'warning', 1),
    alert('n1', 'Custom', undefined, 0),
    alert('c3', 'InstanceDown', 'critical', 9),
  ]);

  it('orders groups by worst severity, then oldest alert, then key', () => {
    const groups = groupAlerts(alerts, { kind: 'label', name: 'alertname' }, NO_ROUTES);
    expect(keys(groups)).toEqual([
      'alertname="PostgreSQLDown"', // critical, oldest at minute 2
      'alertname="InstanceDown"', // critical, oldest at minute 5
      'alertname="DiskSpaceLow"', // warning, minute 1, "D" < "H"
      'alertname="HighCPUUsage"', // warning, minute 1
      'alertname="Watchdog"', // info
      'alertname="Custom"', // no severity
    ]);
    expect(groups[1]).toMatchObject({ labels: { alertname: 'InstanceDown' }, last: false });
  });

  it('keeps the alert order inside each group', () => {
    const groups = groupAlerts(alerts, { kind: 'label', name: 'alertname' }, NO_ROUTES);
    expect(members(groups)['alertname="InstanceDown"']).toEqual(['c1', 'c3']);
    expect(members(groups)['alertname="HighCPUUsage"']).toEqual(['w1', 'w2']);
  });

  it("counts a group's oldest alert even when it is not its worst", () => {
    const groups = groupAlerts(
      indexAlerts([
        alert('a1', 'A', 'critical', 9),
        alert('a2', 'A', 'info', 0),
        alert('b1', 'B', 'critical', 5),
      ]),
      { kind: 'label', name: 'alertname' },
      NO_ROUTES,
    );
    expect(keys(groups)).toEqual(['alertname="A"', 'alertname="B"']);
  });

  it('puts alerts without the label in a group of their own, listed last', () => {
    const groups = groupAlerts(
      indexAlerts([
        alert('x', 'NoTeam', 'critical', 0),
        alert('y', 'Db', 'warning', 5, { labels: { team: 'db' } }),
        alert('z', 'Web', 'info', 5, { labels: { team: 'web' } }),
      ]),
      { kind: 'label', name: 'team' },
      NO_ROUTES,
    );
    expect(keys(groups)).toEqual(['team="db"', 'team="web"', 'team=""']);
    expect(groups[2]).toMatchObject({ labels: { team: '' }, last: true });
  });

  it('makes one group of everything without grouping', () => {
    const groups = groupAlerts(alerts, { kind: 'none' }, NO_ROUTES);
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ key: '@all', labels: {}, last: false });
    expect(groups[0]?.alerts.map((a) => a.item.fingerprint)).toEqual(alerts.map((a) => a.item.fingerprint));
  });

  it('gives no groups for no alerts', () => {
    expect(groupAlerts([], { kind: 'label', name: 'alertname' }, NO_ROUTES)).toEqual([]);
    expect(groupAlerts([], { kind: 'none' }, NO_ROUTES)).toEqual([]);
  });
});

describe('groupAlerts by Alertmanager route', () => {
  const routes = routeIndex([
    {
      cluster: 'eu',
      routeGroups: [
        { receiver: 'pager', labels: { alertname: 'InstanceDown' }, fingerprints: ['c1', 'c2'] },
        // c2 also goes on to the chat route (continue: true): it is listed under pager only.
        { receiver: 'chat', labels: { job: 'node', alertname: 'X' }, fingerprints: ['w1', 'c2'] },
      ],
    },
    {
      cluster: 'us',
      routeGroups: [{ receiver: 'pager', labels: { alertname: 'InstanceDown' }, fingerprints: ['c9'] }],
    },
  ]);

  it('lists each alert in the first route group holding it, by cluster and fingerprint', () => {
    const groups = groupAlerts(
      indexAlerts([
        alert('c1', 'InstanceDown', 'critical', 1),
        alert('c2', 'InstanceDown', 'critical', 2),
        alert('w1', 'X', 'warning', 0),
        alert('c9', 'InstanceDown', 'critical', 0, { cluster: 'us' }),
        // Same fingerprint as a grouped alert, but another cluster whose groups do not hold it.
        alert('w1', 'X', 'warning', 0, { cluster: 'us' }),
        alert('new', 'Fresh', 'critical', 0),
      ]),
      { kind: 'route' },
      routes,
    );
    expect(keys(groups)).toEqual([
      'pager:{alertname="InstanceDown"}',
      'chat:{alertname="X",job="node"}',
      '@ungrouped',
    ]);
    expect(members(groups)).toEqual({
      'pager:{alertname="InstanceDown"}': ['c9', 'c1', 'c2'],
      'chat:{alertname="X",job="node"}': ['w1'],
      '@ungrouped': ['new', 'w1'],
    });
    expect(groups[0]).toMatchObject({
      receiver: 'pager',
      labels: { alertname: 'InstanceDown' },
      last: false,
    });
    expect(groups[2]).toMatchObject({ labels: {}, last: true });
  });
});

describe('summarizeGroups', () => {
  const five = () =>
    groupAlerts(
      indexAlerts([
        alert('a', 'A', 'critical', 0),
        alert('b', 'A', 'warning', 0),
        alert('c', 'B', 'info', 0),
        alert('d', 'C', undefined, 0),
        alert('e', 'C', undefined, 1),
      ]),
      { kind: 'label', name: 'alertname' },
      NO_ROUTES,
    );

  it('lists only the groups a page of the flat list falls in, with their whole counts and offsets', () => {
    const keysOf = (page: { offset: number; limit: number }) =>
      summarizeGroups(five(), page).map((g) => [g.key, g.count, g.offset]);
    expect(keysOf({ offset: 0, limit: 1 })).toEqual([['alertname="A"', 2, 0]]);
    expect(keysOf({ offset: 1, limit: 2 })).toEqual([
      ['alertname="A"', 2, 0],
      ['alertname="B"', 1, 2],
    ]);
    expect(keysOf({ offset: 3, limit: 100 })).toEqual([['alertname="C"', 2, 3]]);
    expect(keysOf({ offset: 5, limit: 100 })).toEqual([]);
    expect(keysOf({ offset: 0, limit: 5 })).toHaveLength(3);
  });

  it('counts severities per group and gives each group its offset in the flat list', () => {
    expect(summarizeGroups(five())).toEqual([
      {
        key: 'alertname="A"',
        labels: { alertname: 'A' },
        count: 2,
        bySeverity: { critical: 1, warning: 1 },
        offset: 0,
      },
      { key: 'alertname="B"', labels: { alertname: 'B' }, count: 1, bySeverity: { info: 1 }, offset: 2 },
      {
        key: 'alertname="C"',
        labels: { alertname: 'C' },
        count: 2,
        bySeverity: { 'no severity': 2 },
        offset: 3,
      },
    ]);
  });

  it('names the receiver of route groups', () => {
    const routes = routeIndex([
      { cluster: 'eu', routeGroups: [{ receiver: 'pager', labels: {}, fingerprints: ['a'] }] },
    ]);
    const [summary] = summarizeGroups(
      groupAlerts(indexAlerts([alert('a', 'A', 'critical', 0)]), { kind: 'route' }, routes),
    );
    expect(summary).toMatchObject({ key: 'pager:{}', receiver: 'pager' });
  });
});

describe('pageOf', () => {
  const groups = groupAlerts(
    indexAlerts([
      alert('a1', 'A', 'critical', 0),
      alert('a2', 'A', 'critical', 1),
      alert('b1', 'B', 'warning', 0),
      alert('c1', 'C', 'info', 0),
      alert('c2', 'C', 'info', 1),
    ]),
    { kind: 'label', name: 'alertname' },
    NO_ROUTES,
  );
  const page = (offset: number, limit: number) =>
    pageOf(groups, offset, limit).map((a) => `${a.fingerprint}:${a.groupKey}`);

  it('slices the groups laid end to end, labelling each alert with its group', () => {
    expect(page(0, 100)).toEqual([
      'a1:alertname="A"',
      'a2:alertname="A"',
      'b1:alertname="B"',
      'c1:alertname="C"',
      'c2:alertname="C"',
    ]);
    expect(page(1, 3)).toEqual(['a2:alertname="A"', 'b1:alertname="B"', 'c1:alertname="C"']);
    expect(page(4, 10)).toEqual(['c2:alertname="C"']);
    expect(page(2, 1)).toEqual(['b1:alertname="B"']);
  });

  it('is empty past the end', () => {
    expect(page(5, 10)).toEqual([]);
    expect(page(500, 10)).toEqual([]);
  });

  it('does not change the indexed items it copies', () => {
    pageOf(groups, 0, 5);
    expect(groups[0]?.alerts[0]?.item.groupKey).toBe('');
  });
});

describe('alertGrouper', () => {
  it('groups alerts added one at a time as groupAlerts groups them all at once', () => {
    const alerts = indexAlerts(
      Array.from({ length: 60 }, (_, i) =>
        alert(`f${i}`, `A${i % 7}`, ['critical', 'warning', undefined][i % 3], i % 50, {
          labels: i % 11 === 0 ? {} : { instance: `host-${i % 13}` },
        }),
      ),
    );
    for (const groupBy of [
      { kind: 'label', name: 'instance' },
      { kind: 'label', name: 'alertname' },
      { kind: 'none' },
    ] as const) {
      const grouper = alertGrouper(groupBy, NO_ROUTES);
      // Fed in three slices, as the alerts API does with the event loop free in between.
      for (const slice of [alerts.slice(0, 17), alerts.slice(17, 40), alerts.slice(40)])
        for (const a of slice) grouper.add(a);
      expect(grouper.groups()).toEqual(groupAlerts(alerts, groupBy, NO_ROUTES));
      expect(grouper.bySeverity()).toEqual({ critical: 20, warning: 20, 'no severity': 20 });
      expect(
        summarizeGroups(grouper.groups()).reduce(
          (n, g) => n + Object.values(g.bySeverity).reduce((s, c) => s + c, 0),
          0,
        ),
      ).toBe(60);
    }
  });
});

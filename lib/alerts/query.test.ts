import { performance } from 'node:perf_hooks';
import { describe, expect, it, vi } from 'vitest';
import type { ClusterAlert } from '@/lib/alertmanager/merge';
import { makeAlert } from '@/lib/alertmanager/testing/make-alert';
import { ValidationError } from '@/lib/errors';
import type { SnapshotView } from '@/lib/snapshots/snapshot-source';
import type { ClusterSnapshot, RouteGroup } from '@/lib/snapshots/sources';
import { ackKey } from './ack-overlay';
import { ALERT_STATES, type AlertGroupSummary, type AlertItem, type AlertsResponse } from './api-schema';
import { type AlertsQuery, alertIndexOf, answerAlertsQuery } from './query';

// query.ts reads the snapshots through sources(); these tests hand it views directly.
vi.mock('@/lib/snapshots/sources', () => ({
  sources: () => ({ clusters: new Map(), prometheus: new Map() }),
}));

const NOW = Date.parse('2026-11-21T09:00:00.000Z');

/** A deterministic pseudo-random sequence (mulberry32), so the synthetic alerts are the same every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CATALOGUE = [
  { alertname: 'InstanceDown', severity: 'critical', job: 'node', summary: 'Instance {i} is down' },
  { alertname: 'HighCPUUsage', severity: 'warning', job: 'node', summary: 'High CPU usage on {i}' },
  { alertname: 'HighMemoryUsage', severity: 'warning', job: 'node', summary: 'High memory usage on {i}' },
  { alertname: 'DiskSpaceLow', severity: 'warning', job: 'node', summary: 'Disk space low on {i} (/data)' },
  {
    alertname: 'PostgreSQLDown',
    severity: 'critical',
    job: 'postgres',
    summary: 'PostgreSQL is down on {i}',
  },
  {
    alertname: 'HighDatabaseConnections',
    severity: 'warning',
    job: 'postgres',
    summary: 'Connections on {i}',
  },
  { alertname: 'HighErrorRate', severity: 'critical', job: 'api', summary: '5xx rate above 5 % on {i}' },
  { alertname: 'SlowAPI', severity: 'info', job: 'api', summary: 'p99 latency above 1 s on {i}' },
  { alertname: 'BackupFailed', severity: 'critical', job: 'backup', summary: 'No backup of {i} for a day' },
  { alertname: 'LicenseExpiringSoon', severity: 'info', job: 'license', summary: 'Licence of {i} expires' },
  { alertname: 'NoTelemetryReceived', severity: 'none', job: 'telemetry', summary: 'No telemetry from {i}' },
] as const;

/** `count` synthetic alerts of cluster `cluster`, shaped like the seed catalogue's. */
function syntheticAlerts(cluster: string, count: number, seed: number): ClusterAlert[] {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  return Array.from({ length: count }, (_, n) => {
    const kind = pick(CATALOGUE);
    const instance = `host-${Math.floor(next() * 3000)}:9100`;
    const roll = next();
    const state =
      roll < 0.1 ? 'silenced' : roll < 0.15 ? 'inhibited' : roll < 0.17 ? 'unprocessed' : 'active';
    const startsAt = new Date(NOW - Math.floor(next() * 7 * 86_400) * 1000).toISOString();
    const labels: Record<string, string> = {
      alertname: kind.alertname,
      instance,
      job: kind.job,
      env: pick(['prod', 'prod', 'staging']),
      region: pick(['eu-west-1', 'us-east-1', 'ap-south-1']),
      team: pick(['sre', 'db', 'payments', 'search']),
    };
    // Some alerts carry no severity (third-party rules): they sort with "none".
    if (next() > 0.05) labels.severity = kind.severity;
    if (kind.alertname === 'DiskSpaceLow') labels.mountpoint = pick(['/', '/data', '/var/lib/postgresql']);
    return {
      ...makeAlert({
        fingerprint: `${cluster}${n.toString(16).padStart(12, '0')}`,
        labels,
        annotations: {
          summary: kind.summary.replace('{i}', instance),
          description: `${kind.alertname} on ${instance} of job ${kind.job}`,
          runbook_url: kind.alertname.toLowerCase(),
        },
        startsAt,
        updatedAt: startsAt,
        state: state === 'active' || state === 'unprocessed' ? state : 'suppressed',
        silencedBy: state === 'silenced' ? ['silence-1'] : [],
        inhibitedBy: state === 'inhibited' ? [`${cluster}${'0'.repeat(12)}`] : [],
      }),
      cluster,
      peers: [`${cluster} peer 1`, `${cluster} peer 2`],
    };
  });
}

/** Alertmanager's route groups for these alerts: one per alertname and receiver (by severity). */
function routeGroupsOf(alerts: ClusterAlert[]): RouteGroup[] {
  const groups = new Map<string, RouteGroup>();
  for (const a of alerts) {
    if (a.state === 'unprocessed') continue;
    const receiver = a.labels.severity === 'critical' ? 'pager' : 'chat';
    const key = `${receiver}/${a.labels.alertname}`;
    const group = groups.get(key) ?? {
      receiver,
      labels: { alertname: a.labels.alertname ?? '' },
      fingerprints: [],
    };
    group.fingerprints.push(a.fingerprint);
    groups.set(key, group);
  }
  return [...groups.values()];
}

function view(
  name: string,
  data: ClusterSnapshot | undefined,
  extra: Partial<SnapshotView<ClusterSnapshot>> = {},
) {
  return {
    name,
    data,
    updatedAt: data ? NOW - 3000 : undefined,
    ageSeconds: data ? 3.04 : undefined,
    error: undefined,
    stale: !data,
    intervalSeconds: 10,
    ...extra,
  } satisfies SnapshotView<ClusterSnapshot>;
}

function snapshot(alerts: ClusterAlert[]): ClusterSnapshot {
  return {
    alerts,
    peers: [{ name: 'peer 1', address: 'am-1:9093', ok: true }],
    silences: [],
    routeGroups: routeGroupsOf(alerts),
    statuses: [],
  };
}

const query = (partial: Partial<AlertsQuery> = {}): AlertsQuery => ({
  filter: '',
  group_by: 'alertname',
  state: 'active,silenced,inhibited,acknowledged',
  offset: 0,
  limit: 500,
  ...partial,
});

/** Every alert of a query, page by page, as the UI would fetch them. */
async function allPages(
  views: SnapshotView<ClusterSnapshot>[],
  q: AlertsQuery,
): Promise<{ items: AlertItem[]; groups: AlertGroupSummary[]; first: AlertsResponse }> {
  const first = await answerAlertsQuery(views, { ...q, offset: 0 });
  const items = [...first.alerts];
  // Each page lists the groups its alerts fall in: a group across two pages is in both, the same.
  const groups = new Map(first.groups.map((g) => [g.key, g]));
  while (items.length < first.counts.matching) {
    const page = await answerAlertsQuery(views, { ...q, offset: items.length });
    items.push(...page.alerts);
    for (const g of page.groups) {
      if (groups.has(g.key)) expect(groups.get(g.key)).toEqual(g);
      else groups.set(g.key, g);
    }
  }
  expect(groups.size).toBe(first.counts.groups);
  return { items, groups: [...groups.values()], first };
}

// Reference implementations, written independently of the code under test.
const RANK: Record<string, number> = { critical: 0, warning: 1, info: 2 };
const rank = (a: AlertItem) => RANK[a.severity.toLowerCase()] ?? 3;
const ms = (a: AlertItem) => Date.parse(a.startsAt);
const referenceState = (a: ClusterAlert) =>
  a.state === 'suppressed' && a.silencedBy.length
    ? 'silenced'
    : a.state === 'suppressed' && a.inhibitedBy.length
      ? 'inhibited'
      : 'active';

/** How many turns the event loop took while `work` ran (a setImmediate chain counts them). */
async function turnsDuring<T>(work: () => Promise<T>): Promise<{ result: T; turns: number }> {
  let turns = 0;
  let ticking = true;
  const tick = () => {
    turns++;
    if (ticking) setImmediate(tick);
  };
  setImmediate(tick);
  try {
    return { result: await work(), turns };
  } finally {
    ticking = false;
  }
}

describe('answerAlertsQuery at 10,000 alerts', () => {
  const eu = syntheticAlerts('eu', 6000, 1);
  const us = syntheticAlerts('us', 4000, 2);
  const views = [view('eu', snapshot(eu)), view('us', snapshot(us))];
  const all = [...eu, ...us];

  it('counts every alert and every state', async () => {
    const answer = await answerAlertsQuery(views, query({ limit: 10 }));
    expect(answer.counts.total).toBe(10_000);
    expect(answer.counts.matching).toBe(10_000);
    const expected = { active: 0, silenced: 0, inhibited: 0, acknowledged: 0 };
    for (const a of all) expected[referenceState(a)]++;
    expect(answer.counts.byState).toEqual(expected);
    expect(answer.alerts).toHaveLength(10);
  });

  it('counts by state what the filter finds, as each state alone would list it, whatever states are on', async () => {
    const filter = 'severity="info" env="prod"';
    const expected = { active: 0, silenced: 0, inhibited: 0, acknowledged: 0 };
    for (const a of all)
      if (a.labels.severity === 'info' && a.labels.env === 'prod') expected[referenceState(a)]++;
    const found = Object.values(expected).reduce((n, c) => n + c, 0);
    expect(found).toBeGreaterThan(0);
    expect(found).toBeLessThan(all.length / 5);

    const answer = await answerAlertsQuery(views, query({ filter, state: 'active', limit: 10 }));
    expect(answer.counts).toMatchObject({ byState: expected, total: found, matching: expected.active });
    // Narrowing the states changes what is listed, not the counts of the states left out.
    for (const state of ALERT_STATES) {
      const alone = await answerAlertsQuery(views, query({ filter, state, limit: 10 }));
      expect(alone.counts, state).toMatchObject({
        byState: expected,
        total: found,
        matching: expected[state],
      });
    }
    const none = await answerAlertsQuery(views, query({ filter, state: '', limit: 10 }));
    expect(none.counts).toMatchObject({ byState: expected, total: found, matching: 0 });
  });

  it('counts by state what free text finds too', async () => {
    const answer = await answerAlertsQuery(views, query({ filter: 'backup', state: 'silenced', limit: 10 }));
    const expected = { active: 0, silenced: 0, inhibited: 0, acknowledged: 0 };
    for (const a of all) if (a.labels.alertname === 'BackupFailed') expected[referenceState(a)]++;
    expect(answer.counts.byState).toEqual(expected);
    expect(answer.counts.matching).toBe(expected.silenced);
  });

  it('lays the open acknowledgements over the alerts: state toggle, counts and the ack on the row', async () => {
    const [first, second] = [eu[0], us[0]] as [ClusterAlert, ClusterAlert];
    const acks = new Map([
      [ackKey('eu', first.fingerprint), { by: 'ana', at: '2026-11-21T08:59:00.000Z', comment: 'on it' }],
      [ackKey('us', second.fingerprint), { by: 'bo', at: '2026-11-21T08:58:00.000Z', comment: null }],
    ]);
    const answer = await answerAlertsQuery(views, query({ state: 'acknowledged' }), acks);
    expect(answer.alerts.map((a) => [a.fingerprint, a.ack?.by]).sort()).toEqual(
      [
        [first.fingerprint, 'ana'],
        [second.fingerprint, 'bo'],
      ].sort(),
    );
    expect(answer.counts.byState.acknowledged).toBe(2);
    const without = await answerAlertsQuery(views, query({ limit: 10 }));
    expect(without.counts.byState.acknowledged).toBe(0);
    expect(
      (await answerAlertsQuery(views, query({ state: 'active,silenced,inhibited' }), acks)).counts.matching,
    ).toBe(9998);
  });

  it('pages through every matching alert exactly once, in a total order grouped as the summaries say', async () => {
    const q = query({ filter: 'severity=~"critical|warning" env="prod"', state: 'active' });
    const { items, groups, first } = await allPages(views, q);
    const expected = all.filter(
      (a) =>
        referenceState(a) === 'active' &&
        /^(?:critical|warning)$/.test(a.labels.severity ?? '') &&
        a.labels.env === 'prod',
    );
    expect(items).toHaveLength(expected.length);
    expect(new Set(items.map((a) => `${a.cluster}/${a.fingerprint}`)).size).toBe(expected.length);

    // Groups are contiguous runs in the order of the summaries, with the counts and offsets they claim.
    let position = 0;
    for (const group of groups) {
      expect(group.offset).toBe(position);
      const run = items.slice(position, position + group.count);
      expect(run.every((a) => a.groupKey === group.key && a.alertname === group.labels.alertname)).toBe(true);
      expect(Object.values(group.bySeverity).reduce((s, n) => s + n, 0)).toBe(group.count);
      // Inside a group: severity, then age, then fingerprint, then cluster, strictly.
      for (let i = 1; i < run.length; i++) {
        const [a, b] = [run[i - 1] as AlertItem, run[i] as AlertItem];
        const order =
          rank(a) - rank(b) ||
          ms(a) - ms(b) ||
          (a.fingerprint < b.fingerprint ? -1 : a.fingerprint > b.fingerprint ? 1 : 0);
        expect(order < 0 || (order === 0 && a.cluster < b.cluster)).toBe(true);
      }
      position += group.count;
    }
    expect(position).toBe(items.length);

    // Groups: worst severity first, then the oldest alert.
    const worst = groups.map((g) => Math.min(...items.slice(g.offset, g.offset + g.count).map(rank)));
    const oldest = groups.map((g) => Math.min(...items.slice(g.offset, g.offset + g.count).map(ms)));
    for (let i = 1; i < groups.length; i++)
      expect(
        (worst[i - 1] as number) < (worst[i] as number) ||
          (worst[i - 1] === worst[i] && (oldest[i - 1] as number) <= (oldest[i] as number)),
      ).toBe(true);

    const bySeverity: Record<string, number> = {};
    for (const a of expected)
      bySeverity[a.labels.severity ?? 'none'] = (bySeverity[a.labels.severity ?? 'none'] ?? 0) + 1;
    expect(first.counts.bySeverity).toEqual(bySeverity);
  });

  it('answers a catastrophic-backtracking regex over every alert at once (RE2, linear time)', async () => {
    // On JavaScript's backtracking RegExp this pattern took 0.7 s for one 10-character value.
    const started = performance.now();
    const answer = await answerAlertsQuery(views, query({ filter: 'instance=~"(.*.*.*)*X"', limit: 10 }));
    expect(answer.counts.matching).toBe(0);
    const matching = await answerAlertsQuery(
      views,
      query({ filter: 'instance=~"(.*.*.*)*(?i)host.*"', limit: 10 }),
    );
    expect(matching.counts.matching).toBe(all.filter((a) => /^host/i.test(a.labels.instance ?? '')).length);
    expect(matching.counts.matching).toBeGreaterThan(0);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('filters by free text across label values and annotations', async () => {
    const answer = await answerAlertsQuery(views, query({ filter: 'DISK /data', limit: 1 }));
    const expected = all.filter(
      (a) =>
        [...Object.values(a.labels), a.annotations.summary, a.annotations.description].some((v) =>
          v?.toLowerCase().includes('disk'),
        ) &&
        [...Object.values(a.labels), a.annotations.summary, a.annotations.description].some((v) =>
          v?.toLowerCase().includes('/data'),
        ),
    );
    expect(answer.counts.matching).toBe(expected.length);
    expect(answer.counts.matching).toBeGreaterThan(0);
  });

  it('groups by route, by any label, and not at all', async () => {
    const byRoute = (await allPages(views, query({ group_by: '@route', limit: 500 }))).groups;
    // Unprocessed alerts are in no route group here.
    const unprocessed = all.filter((a) => a.state === 'unprocessed').length;
    expect(byRoute.at(-1)).toMatchObject({ key: '@ungrouped', count: unprocessed });
    expect(byRoute.filter((g) => g.receiver === 'pager').length).toBeGreaterThan(0);
    expect(byRoute.reduce((s, g) => s + g.count, 0)).toBe(10_000);

    const byMountpoint = (await allPages(views, query({ group_by: 'mountpoint', limit: 500 }))).groups;
    expect(byMountpoint.at(-1)).toMatchObject({
      key: 'mountpoint=""',
      count: all.filter((a) => !a.labels.mountpoint).length,
    });

    const flat = await answerAlertsQuery(views, query({ group_by: '', limit: 1 }));
    expect(flat.groups).toEqual([expect.objectContaining({ key: '@all', count: 10_000, offset: 0 })]);
    expect(flat.counts.groups).toBe(1);
  });

  it('groups in slices too: the event loop runs between slices of the filter and of the grouping', async () => {
    // A query not asked before, so it is computed rather than served from the answers kept per poll.
    const { result: answer, turns } = await turnsDuring(() =>
      answerAlertsQuery(views, query({ group_by: 'instance', filter: 'job!="none"' })),
    );
    expect(answer.counts.matching).toBe(10_000);
    // 10 slices of the filter and 10 of the grouping, 1,000 alerts each: 9 turns between the slices of
    // each (the filter alone gave 9).
    expect(turns).toBeGreaterThanOrEqual(18);
  });

  it('lays new acknowledgements over the alerts in slices too, before the filter and the grouping', async () => {
    const first = eu[0] as ClusterAlert;
    // A map not seen before, so the alerts are overlaid again rather than taken from the last pass.
    const acks = new Map([
      [ackKey('eu', first.fingerprint), { by: 'ana', at: '2026-11-21T08:59:00.000Z', comment: null }],
    ]);
    const { result: answer, turns } = await turnsDuring(() =>
      answerAlertsQuery(views, query({ group_by: 'instance', filter: 'job!="overlaid"' }), acks),
    );
    expect(answer.counts.byState.acknowledged).toBe(1);
    // 9 turns between the 10 slices of the overlay, then the filter's and the grouping's 18 (as above).
    expect(turns).toBeGreaterThanOrEqual(27);
  });

  it('sends with a page only the groups its alerts fall in, not one summary per instance', async () => {
    const byInstance = await answerAlertsQuery(views, query({ group_by: 'instance', limit: 100 }));
    expect(byInstance.counts.groups).toBeGreaterThan(1000);
    expect(byInstance.groups.length).toBeLessThanOrEqual(100);
    expect(new Set(byInstance.alerts.map((a) => a.groupKey))).toEqual(
      new Set(byInstance.groups.map((g) => g.key)),
    );
  });

  it('gives the same answer however the snapshots list the alerts', async () => {
    const shuffled = [view('eu', snapshot([...eu].reverse())), view('us', snapshot([...us].reverse()))];
    const q = query({ filter: 'job="node"', limit: 300, offset: 1200 });
    expect(await answerAlertsQuery(shuffled, q)).toEqual(await answerAlertsQuery(views, q));
  });

  it('answers the same query between two polls from one computation, and recomputes after a change', async () => {
    const q = query({ filter: 'severity="critical"', limit: 5 });
    const first = await answerAlertsQuery(views, q);
    expect((await answerAlertsQuery(views, q)).alerts).toBe(first.alerts);
    expect((await answerAlertsQuery(views, { ...q, offset: 5 })).alerts).not.toBe(first.alerts);
    const acks = new Map([
      [ackKey('eu', eu[0]?.fingerprint ?? ''), { by: 'ana', at: '2026-11-21T08:59:00.000Z', comment: null }],
    ]);
    expect((await answerAlertsQuery(views, q, acks)).alerts).not.toBe(first.alerts);
  });

  it('lets concurrent requests for the same view share the one pass in flight', async () => {
    const q = query({ filter: 'instance=~"host-2.*"', limit: 7 });
    const answers = await Promise.all(Array.from({ length: 20 }, () => answerAlertsQuery(views, q)));
    expect(new Set(answers.map((a) => a.alerts)).size).toBe(1);
  });

  it('reuses the index until a poll brings changed alerts, however many polls brought none', async () => {
    const index = await alertIndexOf(views);
    expect(await alertIndexOf([...views])).toBe(index);
    // A poll that changed nothing keeps the cluster's alert array (and route groups) in a new snapshot.
    const unchanged = { ...(views[1]?.data as ClusterSnapshot), peers: [] };
    expect(await alertIndexOf([views[0] as (typeof views)[0], view('us', unchanged)])).toBe(index);
    expect(await alertIndexOf([views[0] as (typeof views)[0], view('us', snapshot([...us]))])).not.toBe(
      index,
    );
  });

  it('builds a new index in slices with the event loop free between them, once for every request waiting', async () => {
    const changed = [views[0] as (typeof views)[0], view('us', snapshot([...us]))];
    let ranBetween = false;
    setImmediate(() => {
      ranBetween = true;
    });
    const [first, second] = [alertIndexOf(changed), alertIndexOf([...changed])];
    expect(second).toBe(first);
    const index = await first;
    expect(ranBetween).toBe(true);
    expect(index.alerts).toHaveLength(changed.reduce((n, v) => n + (v.data?.alerts.length ?? 0), 0));
  });
});

describe('answerAlertsQuery', () => {
  const alerts = syntheticAlerts('eu', 20, 3);

  it('reports each cluster: when its data was fetched, its age, staleness, error and peers', async () => {
    const failing = view('us', snapshot([]), {
      updatedAt: NOW - 60_000,
      ageSeconds: 60.012,
      stale: true,
      error: { message: 'No peer answered', hint: 'Check ALERTMANAGER_URLS', at: NOW },
    });
    const answer = await answerAlertsQuery(
      [view('eu', snapshot(alerts)), failing, view('never', undefined)],
      query(),
    );
    expect(answer.upstreams).toEqual([
      {
        cluster: 'eu',
        fetchedAt: '2026-11-21T08:59:57.000Z',
        ageSeconds: 3,
        stale: false,
        error: null,
        peers: [{ name: 'peer 1', address: 'am-1:9093', ok: true }],
      },
      {
        cluster: 'us',
        fetchedAt: '2026-11-21T08:59:00.000Z',
        ageSeconds: 60,
        stale: true,
        error: { message: 'No peer answered', hint: 'Check ALERTMANAGER_URLS' },
        peers: [{ name: 'peer 1', address: 'am-1:9093', ok: true }],
      },
      { cluster: 'never', fetchedAt: null, ageSeconds: null, stale: true, error: null, peers: [] },
    ]);
    // The oldest data behind the answer.
    expect(answer.fetchedAt).toBe('2026-11-21T08:59:00.000Z');
    expect(answer.page).toEqual({ offset: 0, limit: 500 });
  });

  it('leaves the heartbeat the page hides out of every count, and counts it where it is asked for', async () => {
    // The alerts page adds this matcher to the user's filter (components/alerts/heartbeat.ts).
    const hidden = 'alertname!="Watchdog"';
    const watchdog = { ...makeAlert(), cluster: 'eu', peers: ['eu peer 1'] };
    const views = [view('eu', snapshot([...alerts, watchdog]))];
    const expected = { active: 0, silenced: 0, inhibited: 0, acknowledged: 0 };
    for (const a of alerts) expected[referenceState(a)]++;

    const page = await answerAlertsQuery(views, query({ filter: hidden, state: 'active,acknowledged' }));
    expect(page.counts).toMatchObject({ byState: expected, total: alerts.length, matching: expected.active });
    expect(page.alerts.some((a) => a.alertname === 'Watchdog')).toBe(false);

    const asked = await answerAlertsQuery(views, query({ filter: 'alertname="Watchdog"', state: 'active' }));
    expect(asked.counts).toMatchObject({
      byState: { active: 1, silenced: 0, inhibited: 0, acknowledged: 0 },
      total: 1,
      matching: 1,
    });
  });

  it('has no fetchedAt before any cluster answered', async () => {
    const answer = await answerAlertsQuery([view('eu', undefined)], query());
    expect(answer).toMatchObject({
      fetchedAt: null,
      alerts: [],
      groups: [],
      counts: { total: 0, matching: 0 },
    });
  });

  it.each([
    [{ filter: 'severity="crit' }, { filter: 'unclosed quote in value of severity, starting at column 10' }],
    [{ filter: 'severity=="x"' }, { filter: 'unknown operator "==" after severity; use =, !=, =~ or !~' }],
    [
      { filter: 'instance=~"db(?!-1)"' },
      {
        filter: `invalid regular expression for instance: lookahead or lookbehind "(?!" in "db(?!-1)": RE2, Alertmanager's regex engine, has none`,
      },
    ],
    [
      { state: 'firing' },
      { state: 'unknown state "firing"; use active, silenced, inhibited or acknowledged' },
    ],
    [{ group_by: 'a b' }, { group_by: expect.stringMatching(/^"a b" is not a label name/) }],
  ])('refuses %j with a field message', async (partial, fields) => {
    let error: unknown;
    try {
      await answerAlertsQuery([view('eu', snapshot(alerts))], query(partial));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fields).toEqual(fields);
  });
});

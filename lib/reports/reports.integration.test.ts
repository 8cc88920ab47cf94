import { rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type EmbeddedDatabase, startEmbeddedPostgres } from '@/lib/db/embedded';
import { applyMigrations } from '@/lib/db/migrate';
import { runtimeState } from '@/lib/db/runtime';
import { context, testActor } from '@/lib/testing/route-harness';
import { alertnamesMatcher, historyHref } from './history-link';
import type { Report, ReportName } from './report-schema';
import { weekOf, weekStartMs } from './weeks';

/**
 * The noise reports on a real PostgreSQL (embedded, migrated like production): a history around the
 * night Brussels springs forward (29 March 2026), read in Europe/Brussels. PostgreSQL's week grouping
 * must agree with the Temporal one (a firing at Sunday 23:30 CEST and one at Monday 00:30 CEST are in
 * two weeks, though both are on Sunday in UTC); percentiles must equal percentile_cont's; the CSV route
 * answers text/csv with a file name.
 */

await vi.hoisted(async () => (await import('@/lib/testing/route-harness')).setRouteEnv());
vi.mock('@/lib/auth', async () => (await import('@/lib/testing/route-harness')).fakeAuth());

const ZONE = 'Europe/Brussels';
const FROM = new Date(weekStartMs('2026-03-16', ZONE));
const TO = new Date(weekStartMs('2026-04-06', ZONE));
const iso = (s: string) => new Date(s);

let dataDir: string;
let server: EmbeddedDatabase;
let db: typeof import('@/lib/db').db;
let runReport: typeof import('./reports').runReport;

/** A firing (and, with `resolvedAt`, its resolution) as the ingest stores them. */
function events(fingerprint: string, labels: Record<string, string>, startsAt: Date, resolvedAt?: Date) {
  const base = {
    cluster: 'default',
    fingerprint,
    alertname: labels.alertname as string,
    labels,
    annotations: {},
    startsAt,
    receiver: 'vigil',
    groupKey: '{}',
  };
  return [
    { ...base, status: 'firing' as const, receivedAt: startsAt },
    ...(resolvedAt
      ? [{ ...base, status: 'resolved' as const, endsAt: resolvedAt, receivedAt: resolvedAt }]
      : []),
  ];
}

const NOISY_1 = { alertname: 'Noisy', instance: 'db-1:9100' };
const NOISY_2 = { alertname: 'Noisy', instance: 'db-2:9100' };
const NOISY_FIRINGS = ['2026-03-25T10:00:00Z', '2026-03-29T21:30:00Z', '2026-03-29T22:30:00Z'].map(iso);

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'vigil-reports-'));
  server = await startEmbeddedPostgres(dataDir);
  await applyMigrations(server.url, path.join(process.cwd(), 'prisma', 'migrations'));
  runtimeState().databaseUrl = server.url;
  ({ db } = await import('@/lib/db'));
  ({ runReport } = await import('./reports'));
  const client = db();
  const viewer = testActor('viewer');
  await client.user.create({ data: { id: viewer.id, email: viewer.email, role: 'viewer', timeZone: ZONE } });
  const flappy = { alertname: 'Flappy', job: 'edge' };
  await client.alertEvent.createMany({
    data: [
      ...NOISY_FIRINGS.flatMap((t) => events('n1', NOISY_1, t)),
      ...events('n2', NOISY_2, iso('2026-03-17T08:00:00Z')),
      // Before the range: not counted anywhere.
      ...events('n2', NOISY_2, iso('2026-03-01T08:00:00Z')),
      ...events('q1', { alertname: 'Quiet' }, iso('2026-03-18T09:00:00Z'), iso('2026-03-18T09:30:00Z')),
      // Covered by runbooks/instance-down.mdx (its frontmatter lists InstanceDown).
      ...events('i1', { alertname: 'InstanceDown', instance: 'web-1' }, iso('2026-03-19T09:00:00Z')),
      // Three cycles in 30 minutes: six changes, flapping from the fourth on (default rule: 4 in 1 h).
      ...events('f1', flappy, iso('2026-04-01T10:00:00Z'), iso('2026-04-01T10:05:00Z')),
      ...events('f1', flappy, iso('2026-04-01T10:10:00Z'), iso('2026-04-01T10:15:00Z')),
      ...events('f1', flappy, iso('2026-04-01T10:20:00Z'), iso('2026-04-01T10:25:00Z')),
    ],
  });
  const ack = (fingerprint: string, labels: object, startsAt: Date, seconds: number) =>
    client.acknowledgement.create({
      data: {
        cluster: 'default',
        fingerprint,
        alertLabels: labels,
        alertStartsAt: startsAt,
        userId: viewer.id,
        createdAt: new Date(startsAt.getTime() + seconds * 1000),
      },
    });
  await ack('q1', { alertname: 'Quiet' }, iso('2026-03-18T09:00:00Z'), 120);
  await ack('q1', { alertname: 'Quiet' }, iso('2026-03-18T09:00:00Z'), 900); // a later one: not the first
  await ack('n1', NOISY_1, NOISY_FIRINGS[0] as Date, 30);
  const team = await client.team.create({ data: { slug: 'db', name: 'DB team' } });
  const policy = await client.escalationPolicy.create({ data: { name: 'p' } });
  const dbRoute = await client.route.create({
    data: { name: 'db-route', position: 1, matchers: ['team="db"'], teamId: team.id, policyId: policy.id },
  });
  const opened = iso('2026-03-24T09:00:00Z');
  const after = (s: number) => new Date(opened.getTime() + s * 1000);
  for (const [ackS, resolveS, alertname] of [
    [60, 600, 'Noisy'],
    [180, null, 'Quiet'],
    [300, 900, 'Noisy'],
    [null, null, null],
  ] as const) {
    await client.incident.create({
      data: {
        title: 't',
        severity: 'critical',
        routeId: dbRoute.id,
        teamId: team.id,
        openedAt: opened,
        acknowledgedAt: ackS === null ? null : after(ackS),
        resolvedAt: resolveS === null ? null : after(resolveS),
        status: resolveS === null ? 'open' : 'resolved',
        alerts: alertname
          ? {
              create: {
                cluster: 'default',
                fingerprint: `${alertname}-${ackS}`,
                alertname,
                labels: {},
                startsAt: opened,
              },
            }
          : undefined,
      },
    });
  }
});

afterAll(async () => {
  if (runtimeState().databaseUrl) await db?.().$disconnect();
  await server?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const run = (name: ReportName, zone: string | undefined = ZONE) =>
  runReport(testActor('viewer'), name, { from: FROM, to: TO, zone });
const row = (report: Report, name: string) => report.rows.find((r) => r.name === name);

describe('noise reports on stored history', () => {
  it('counts firings per alert name per local week, as Temporal buckets them across the DST change', async () => {
    const report = await run('noisiest-alerts', undefined); // the reader's zone: Europe/Brussels
    expect(report.zone).toBe(ZONE);
    expect(report.weeks).toEqual(['2026-03-16', '2026-03-23', '2026-03-30']);
    const noisy = row(report, 'Noisy');
    expect(noisy?.cells).toEqual({ alertname: 'Noisy', firings: 4, lastSeen: '2026-03-29T22:30:00.000Z' });
    const expected = report.weeks.map(
      (w) =>
        [...NOISY_FIRINGS, iso('2026-03-17T08:00:00Z')].filter((t) => weekOf(t.getTime(), ZONE) === w).length,
    );
    expect(expected).toEqual([1, 2, 1]);
    expect(noisy?.weekly).toEqual(expected);
    expect(noisy?.history).toBe(historyHref(alertnamesMatcher(['Noisy']), FROM.getTime(), TO.getTime()));
    expect(report.rows[0]?.name).toBe('Noisy');
    // In UTC both Sunday-night firings are in the week of the 23rd (and the range starts on a Sunday).
    const utc = await run('noisiest-alerts', 'UTC');
    expect(utc.weeks).toEqual(['2026-03-09', '2026-03-16', '2026-03-23', '2026-03-30']);
    expect(row(utc, 'Noisy')?.weekly).toEqual([0, 1, 3, 0]);
  });

  it('ranks label sets by firings, with their labels', async () => {
    const report = await run('noisiest-label-sets');
    expect(report.rows.map((r) => r.cells.firings)).toEqual([3, 3, 1, 1, 1]);
    expect(report.rows.find((r) => r.name.includes('db-1'))?.cells).toMatchObject({
      labels: '{alertname="Noisy",instance="db-1:9100"}',
      firings: 3,
    });
    expect(report.rows.find((r) => r.name.includes('db-1'))?.history).toContain(
      encodeURIComponent('{alertname="Noisy",instance="db-1:9100"}'),
    );
  });

  it('finds the alert that flapped, with the changes it made while flapping', async () => {
    const report = await run('flapping');
    expect(report.rows.map((r) => r.name)).toEqual(['{alertname="Flappy",job="edge"}']);
    expect(report.rows[0]?.cells).toMatchObject({ flaps: 3, peak: 6, lastFlap: '2026-04-01T10:25:00.000Z' });
    expect(report.rows[0]?.weekly).toEqual([0, 0, 3]);
  });

  it('gives p50/p90 to acknowledge and resolve per route, equal to percentile_cont', async () => {
    const report = await run('incident-response-by-route');
    const [sql] = await db().$queryRaw<{ p50: number; p90: number; r50: number }[]>`
      SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM acknowledged_at - opened_at))::float8 AS p50,
             percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM acknowledged_at - opened_at))::float8 AS p90,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM resolved_at - opened_at))::float8 AS r50
      FROM incidents`;
    const route = row(report, 'db-route');
    expect(route?.cells).toMatchObject({ incidents: 4, ackP50: sql?.p50, resolveP50: sql?.r50 });
    expect(route?.cells.ackP90).toBeCloseTo(sql?.p90 as number, 9);
    expect(route?.weekly).toEqual([null, 180, null]);
    // The same over time for resolving: the weekly series follows `measure`.
    const resolving = await runReport(testActor('viewer'), 'incident-response-by-route', {
      from: FROM,
      to: TO,
      zone: ZONE,
      measure: 'resolve',
    });
    expect(row(resolving, 'db-route')?.weekly).toEqual([null, sql?.r50, null]);
    expect(resolving.chart.label).toBe('Time to resolve, p50 per week');
    expect(route?.history).toContain(encodeURIComponent('{alertname=~"Noisy|Quiet"}'));
    expect(row(await run('incident-response-by-team'), 'DB team')?.cells.incidents).toBe(4);
    const byName = await run('incident-response-by-alertname');
    expect(row(byName, 'Noisy')?.cells).toMatchObject({ incidents: 2, ackP50: 180, resolveP50: 750 });
    expect(row(byName, '(declared, no alert)')?.cells.incidents).toBe(1);
  });

  it('measures firing → first acknowledgement per alert name', async () => {
    const report = await run('alert-acknowledgement');
    expect(row(report, 'Quiet')?.cells).toMatchObject({ acknowledged: 1, ackP50: 120, ackP90: 120 });
    expect(row(report, 'Noisy')?.cells).toMatchObject({ acknowledged: 1, ackP50: 30 });
  });

  it('lists what fired and was never acknowledged, and names without a runbook', async () => {
    const never = await run('never-acknowledged');
    expect(row(never, 'Noisy')?.cells.firings).toBe(3);
    expect(row(never, 'Quiet')).toBeUndefined();
    const noRunbook = await run('no-runbook');
    expect(noRunbook.rows.map((r) => r.name).sort()).toEqual(['Flappy', 'Noisy', 'Quiet']);
  });

  it('answers the CSV route with text/csv, a file name, the header and the rows', async () => {
    const { GET } = await import('@/app/api/v1/reports/[report]/csv/route');
    const url = `http://vigil.test/api/v1/reports/noisiest-alerts/csv?from=${FROM.toISOString()}&to=${TO.toISOString()}&zone=${ZONE}`;
    const response = await GET(
      new Request(url, { headers: { 'x-test-role': 'viewer' } }),
      context({ report: 'noisiest-alerts' }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="vigil-noisiest-alerts-2026-03-15-2026-04-05.csv"',
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the byte-order mark Excel needs
    const lines = new TextDecoder().decode(bytes).split('\r\n');
    expect(lines[0]).toBe('alertname,firings,lastSeen,2026-03-16,2026-03-23,2026-03-30,history');
    expect(lines[1]).toMatch(/^Noisy,4,2026-03-29T22:30:00.000Z,1,2,1,\/history\?filter=/);
    const refused = await GET(new Request(url), context({ report: 'noisiest-alerts' }));
    expect(refused.status).toBe(401);
    const { GET: json } = await import('@/app/api/v1/reports/[report]/route');
    const bad = await json(
      new Request('http://vigil.test/api/v1/reports/flapping?zone=Mars/Olympus', {
        headers: { 'x-test-role': 'viewer' },
      }),
      context({ report: 'flapping' }),
    );
    expect(bad.status).toBe(422);
    // A bound that is no instant is its own 422, not a 500 from the range check reading it.
    for (const query of ['from=2026-12-01T00:00:00Z&to=bad', 'from=2026-12-01&to=2026-12-02T00:00:00Z']) {
      const res = await json(
        new Request(`http://vigil.test/api/v1/reports/noisiest-alerts?${query}`, {
          headers: { 'x-test-role': 'viewer' },
        }),
        context({ report: 'noisiest-alerts' }),
      );
      expect(res.status).toBe(422);
    }
  });
});

import { rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AlertEventInput } from '@/lib/alerts/alert-event';
import { type EmbeddedDatabase, startEmbeddedPostgres } from '@/lib/db/embedded';
import { applyMigrations } from '@/lib/db/migrate';
import { runtimeState } from '@/lib/db/runtime';
import { ValidationError } from '@/lib/errors';
import type { HistoryQuery } from './api-schema';

/**
 * The history search on a real PostgreSQL (embedded, migrated like production), with events stored
 * through the ingest's own insert (so HA duplicates and the open-firings trigger are the real ones).
 */

await vi.hoisted(async () => (await import('@/lib/testing/route-harness')).setRouteEnv());

let dataDir: string;
let server: EmbeddedDatabase;
let db: typeof import('@/lib/db').db;
let searchHistory: typeof import('./search').searchHistory;

const NOW = new Date('2026-12-01T12:00:00.000Z');
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3_600_000);

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'vigil-history-'));
  server = await startEmbeddedPostgres(dataDir);
  await applyMigrations(server.url, path.join(process.cwd(), 'prisma', 'migrations'));
  runtimeState().databaseUrl = server.url;
  ({ db } = await import('@/lib/db'));
  ({ searchHistory } = await import('./search'));
  await seed();
});

afterAll(async () => {
  if (runtimeState().databaseUrl) await db?.().$disconnect();
  await server?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

function event(
  fingerprint: string,
  labels: Record<string, string>,
  status: 'firing' | 'resolved',
  startsAt: Date,
  endsAt: Date | null = null,
): AlertEventInput {
  return {
    cluster: 'eu',
    fingerprint,
    alertname: labels.alertname ?? '',
    status,
    labels,
    annotations: {},
    startsAt: startsAt.toISOString(),
    endsAt: endsAt?.toISOString() ?? null,
    receiver: 'pager',
    groupKey: '{}',
  };
}

async function store(events: AlertEventInput[]) {
  const { insertAlertEvents } = await import('@/lib/incidents/bulk-insert');
  await db().$transaction((tx) => insertAlertEvents(tx, events));
}

const cpu = (instance: string) => ({ alertname: 'HighCPUUsage', instance, severity: 'warning' });

async function seed() {
  const firing = event('f-db1', cpu('db-1'), 'firing', hoursAgo(30));
  const resolved = event('f-db1', cpu('db-1'), 'resolved', hoursAgo(30), hoursAgo(29));
  // Both HA peers notify: the same events twice, in one batch and again later.
  await store([firing, resolved, firing]);
  await store([resolved]);
  await store([
    event('f-web1', cpu('web-1'), 'firing', hoursAgo(20)),
    event('f-web1', cpu('web-1'), 'resolved', hoursAgo(20), hoursAgo(19)),
    // Still firing, started inside the range.
    event('f-db2', cpu('db-2'), 'firing', hoursAgo(2)),
    // Started 10 days ago and still firing: inside every range after its start.
    event(
      'f-disk',
      { alertname: 'DiskFull', instance: 'db-1', severity: 'critical' },
      'firing',
      hoursAgo(240),
    ),
    // Started 10 days ago, resolved 5 days ago.
    event('f-old', { alertname: 'DiskFull', instance: 'db-3' }, 'firing', hoursAgo(240)),
    event('f-old', { alertname: 'DiskFull', instance: 'db-3' }, 'resolved', hoursAgo(240), hoursAgo(120)),
    // Started 3 days ago, resolved 1 day ago.
    event('f-long', { alertname: 'DiskFull', instance: 'db-4', team: 'storage' }, 'firing', hoursAgo(72)),
  ]);
  // Its resolution arrives in a later statement: the trigger takes it out of the open firings.
  await store([
    event(
      'f-long',
      { alertname: 'DiskFull', instance: 'db-4', team: 'storage' },
      'resolved',
      hoursAgo(72),
      hoursAgo(24),
    ),
  ]);

  const user = await db().user.create({ data: { email: 'ana@example.com', name: 'Ana', role: 'responder' } });
  const ackSilence = await db().silenceRecord.create({
    data: {
      cluster: 'eu',
      silenceId: 'am-ack-1',
      previousIds: [],
      matchers: [{ name: 'instance', value: 'db-1', isRegex: false, isEqual: true }],
      startsAt: hoursAgo(29.9),
      endsAt: hoursAgo(29.5),
      comment: 'ack',
      createdById: user.id,
    },
  });
  await db().acknowledgement.create({
    data: {
      cluster: 'eu',
      fingerprint: 'f-db1',
      alertLabels: cpu('db-1'),
      alertStartsAt: hoursAgo(30),
      userId: user.id,
      silenceId: ackSilence.id,
      createdAt: hoursAgo(29.9),
    },
  });
  // A silence on every web instance, active while f-web1 fired; one of another cluster; one expired before.
  for (const [silenceId, cluster, from, to] of [
    ['am-web', 'eu', 21, 19.5],
    ['am-web-us', 'us', 21, 19.5],
    ['am-web-before', 'eu', 30, 25],
  ] as const)
    await db().silenceRecord.create({
      data: {
        cluster,
        silenceId,
        previousIds: [],
        matchers: [{ name: 'instance', value: 'web-.*', isRegex: true, isEqual: true }],
        startsAt: hoursAgo(from),
        endsAt: hoursAgo(to),
        comment: 'deploy',
        createdById: user.id,
      },
    });
  const incident = await db().incident.create({
    data: { title: 'Database CPU', severity: 'critical', status: 'resolved' },
  });
  await db().incidentAlert.create({
    data: {
      incidentId: incident.id,
      cluster: 'eu',
      fingerprint: 'f-db1',
      alertname: 'HighCPUUsage',
      labels: cpu('db-1'),
      startsAt: hoursAgo(30),
    },
  });
}

const query = (q: Partial<HistoryQuery>): HistoryQuery => ({ filter: '', limit: 50, ...q });
const fingerprints = async (q: Partial<HistoryQuery>) =>
  (await searchHistory(db(), query(q), NOW)).firings.map((f) => f.fingerprint);

describe('history search', () => {
  it('finds the last 7 days by default, newest start first, still-firing and resolved, HA duplicates once', async () => {
    expect(await fingerprints({})).toEqual(['f-db2', 'f-web1', 'f-db1', 'f-long', 'f-old', 'f-disk']);
  });

  it('matches equality, regex and negative matchers as Alertmanager does', async () => {
    expect(await fingerprints({ filter: '{alertname="HighCPUUsage"}' })).toEqual([
      'f-db2',
      'f-web1',
      'f-db1',
    ]);
    expect(await fingerprints({ filter: '{alertname="HighCPUUsage", instance=~"db-.*"}' })).toEqual([
      'f-db2',
      'f-db1',
    ]);
    // Anchored: "b-.*" does not match "db-1".
    expect(await fingerprints({ filter: 'instance=~"b-.*"' })).toEqual([]);
    expect(await fingerprints({ filter: 'alertname="DiskFull" instance!~"db-(3|4)"' })).toEqual(['f-disk']);
    expect(await fingerprints({ filter: 'alertname!="HighCPUUsage" team=""' })).toEqual(['f-old', 'f-disk']);
    expect(await fingerprints({ filter: 'severity="critical"' })).toEqual(['f-disk']);
  });

  it('leaves to PostgreSQL the events a regex cannot match: only those starting with its literal text are read', async () => {
    const narrowed = await searchHistory(db(), query({ filter: 'instance=~"db-.*"' }), NOW);
    // The same pattern without a literal start: every event of the range is read and RE2 decides.
    const whole = await searchHistory(db(), query({ filter: 'instance=~"(db)-.*"' }), NOW);
    expect(narrowed.firings.map((f) => f.fingerprint)).toEqual(whole.firings.map((f) => f.fingerprint));
    expect(narrowed.firings.length).toBeGreaterThan(0);
    expect(narrowed.scanned).toBeLessThan(whole.scanned);
  });

  it('takes a firing whose interval overlaps the range, edges included', async () => {
    const range = (fromH: number, toH: number) => ({
      from: hoursAgo(fromH).toISOString(),
      to: hoursAgo(toH).toISOString(),
    });
    // f-db1 ran from 30 h to 29 h ago: a range ending at its start, or starting at its end, holds it.
    expect(await fingerprints({ ...range(40, 30) })).toEqual(['f-db1', 'f-long', 'f-disk']);
    expect(await fingerprints({ ...range(29, 28) })).toEqual(['f-db1', 'f-long', 'f-disk']);
    expect(await fingerprints({ ...range(28.99, 28) })).toEqual(['f-long', 'f-disk']);
    // f-old resolved 120 h ago: gone from a range that starts after; f-disk never resolved: still there.
    expect(await fingerprints({ ...range(119, 100) })).toEqual(['f-disk']);
    expect(await fingerprints({ ...range(500, 239) })).toEqual(['f-old', 'f-disk']);
  });

  it('reports duration, status, who acknowledged, covering silences and incidents', async () => {
    const { firings } = await searchHistory(db(), query({ filter: 'alertname="HighCPUUsage"' }), NOW);
    const [db2, web1, db1] = firings;
    expect(db2).toMatchObject({
      status: 'firing',
      endsAt: null,
      durationSeconds: 7200,
      silences: [],
      incidents: [],
    });
    expect(web1).toMatchObject({ status: 'resolved', durationSeconds: 3600, acknowledgedBy: [] });
    expect(web1?.silences.map((s) => s.id)).toEqual(['am-web']);
    expect(web1?.silences[0]).toMatchObject({ matchers: 'instance=~"web-.*"', createdBy: 'Ana' });
    expect(db1).toMatchObject({
      startsAt: hoursAgo(30).toISOString(),
      endsAt: hoursAgo(29).toISOString(),
      acknowledgedBy: [{ name: 'Ana', at: hoursAgo(29.9).toISOString() }],
      incidents: [{ ref: 'INC-1', title: 'Database CPU', status: 'resolved' }],
    });
    expect(db1?.silences.map((s) => s.id)).toEqual(['am-ack-1']);
  });

  it('pages with a stable cursor: every firing once, in order, even when new ones arrive', async () => {
    const all = await fingerprints({});
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 10; page++) {
      const answer = await searchHistory(db(), query({ limit: 2, cursor }), NOW);
      seen.push(...answer.firings.map((f) => f.fingerprint));
      if (page === 0) await store([event('f-new', cpu('db-9'), 'firing', hoursAgo(1))]);
      if (!answer.nextCursor) break;
      cursor = answer.nextCursor;
    }
    expect(seen).toEqual(all);
    expect(await fingerprints({ limit: 1 })).toEqual(['f-new']);
  });

  it('stops at its bound of events read, partial, and goes on from the cursor', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let partials = 0;
    for (let page = 0; page < 20; page++) {
      const answer = await searchHistory(db(), query({ filter: 'instance=~"db-[34]"', cursor }), NOW, 3);
      seen.push(...answer.firings.map((f) => f.fingerprint));
      if (answer.partial) partials++;
      // The bound, plus at most one slice of the 3 rows that always hold a whole firing.
      expect(answer.scanned).toBeLessThan(3 + 3);
      if (!answer.nextCursor) break;
      cursor = answer.nextCursor;
    }
    expect(seen).toEqual(['f-long', 'f-old']);
    expect(partials).toBeGreaterThan(0);
  });

  it('names a regex RE2 refuses and a cursor it did not make', async () => {
    const refusal = (q: Partial<HistoryQuery>) => searchHistory(db(), query(q), NOW).catch((e: unknown) => e);
    const badRegex = await refusal({ filter: 'instance=~"(a)\\1"' });
    expect(badRegex).toBeInstanceOf(ValidationError);
    expect((badRegex as ValidationError).fields.filter).toMatch(/backreference/);
    const badCursor = await refusal({ cursor: 'abc' });
    expect((badCursor as ValidationError).fields).toEqual({ cursor: 'not a cursor this API returned' });
  });
});

import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makeAlert } from '@/lib/alertmanager/testing/make-alert';
import { POLLER_RECEIVER } from '@/lib/alerts/alert-event';
import { readAlertHistory } from '@/lib/alerts/history';
import type { PolledAlerts, TrackedAlert } from '@/lib/alerts/transitions';
import {
  type WebhookNotification,
  webhookAlertEvents,
  webhookPayloadSchema,
} from '@/lib/alerts/webhook-schema';
import { createPrismaClient, type PrismaClient } from '@/lib/db/client';
import { type EmbeddedDatabase, startEmbeddedPostgres } from '@/lib/db/embedded';
import { applyMigrations } from '@/lib/db/migrate';
import { metrics } from '@/lib/metrics/registry';
import { seedStartupRouting } from '@/lib/testing/routing';
import { AlertStoreError, storeAlertEvents, storeWebhookEvents, transitionRecorder } from './alert-ingest';
import { recentEvents } from './recent-events';

/**
 * The data layer of the webhook and the poller against a real PostgreSQL (embedded, migrated like
 * production): idempotency under resends and concurrent peers, atomicity, failures, and history.
 */

const MIGRATIONS = path.join(process.cwd(), 'prisma', 'migrations');
// The webhook fixtures live with the webhook schema they were recorded for.
const FIXTURES = path.join(import.meta.dirname, '..', 'alerts', 'fixtures', 'webhook');
const NOTIFICATIONS = readdirSync(FIXTURES)
  .filter((f) => /^notification-\d+-.*-(firing|resolved)\.json$/.test(f))
  .sort();

let dataDir: string;
let server: EmbeddedDatabase;
let prisma: PrismaClient;

function notification(file: string): WebhookNotification {
  return webhookPayloadSchema.parse(JSON.parse(readFileSync(path.join(FIXTURES, file), 'utf8')));
}

const ingest = (file: string, client: PrismaClient = prisma) =>
  storeAlertEvents(webhookAlertEvents(notification(file), 'default'), { source: 'webhook', client });

async function sql<T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: server.url });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

const rowCount = async () =>
  Number((await sql<{ n: string }>('SELECT count(*) AS n FROM alert_events'))[0]?.n);

async function counter(source: string, outcome: string): Promise<number> {
  const metric = await metrics().alertEvents.get();
  return metric.values.find((v) => v.labels.source === source && v.labels.outcome === outcome)?.value ?? 0;
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'vigil-ingest-'));
  server = await startEmbeddedPostgres(dataDir);
  await applyMigrations(server.url, MIGRATIONS);
  prisma = createPrismaClient(server.url);
  await seedStartupRouting(prisma);
});

afterAll(async () => {
  await prisma?.$disconnect();
  await server?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

beforeEach(async () => {
  // alert_open_firings (the history's index of open firings) refers to alert_events.
  await sql('TRUNCATE alert_events, alert_open_firings');
  // The events the process committed are gone: it must not skip them as already stored.
  recentEvents().clear();
});

describe('storeAlertEvents from the real webhook notifications', () => {
  it('stores each captured notification as one row per alert', async () => {
    for (const file of NOTIFICATIONS)
      expect(await ingest(file)).toEqual({ received: 1, stored: 1, duplicates: 0 });
    const rows = await sql<Record<string, unknown>>(
      'SELECT cluster, fingerprint, alertname, status, labels, annotations, starts_at, ends_at, receiver, group_key FROM alert_events ORDER BY id',
    );
    expect(rows.map((r) => [r.alertname, r.status, r.receiver])).toEqual([
      ['EndpointProbeFailed', 'firing', 'chat'],
      ['InstanceDown', 'firing', 'pager'],
      ['Watchdog', 'firing', 'default'],
      ['EndpointProbeFailed', 'firing', 'pager'],
      ['PostgreSQLDown', 'firing', 'pager'],
      ['PostgreSQLDown', 'resolved', 'pager'],
    ]);
    expect(rows[5]).toEqual({
      cluster: 'default',
      fingerprint: '8d23ce3e214f1b65',
      alertname: 'PostgreSQLDown',
      status: 'resolved',
      labels: expect.objectContaining({ job: 'postgres', instance: '127.0.0.1:19187' }),
      annotations: expect.objectContaining({ runbook_url: '/runbooks/postgresql-down' }),
      // TIMESTAMP(3) without zone, read back by node-postgres as local time: compare the wall clock.
      starts_at: expect.any(Date),
      ends_at: expect.any(Date),
      receiver: 'pager',
      group_key: '{}/{severity="critical"}:{alertname="PostgreSQLDown", job="postgres"}',
    });
    const [times] = await sql<{ s: string; e: string | null }>(
      "SELECT to_char(starts_at, 'YYYY-MM-DD\"T\"HH24:MI:SS.MS') AS s, to_char(ends_at, 'YYYY-MM-DD\"T\"HH24:MI:SS.MS') AS e FROM alert_events WHERE status = 'resolved'",
    );
    expect(times).toEqual({ s: '2026-11-21T08:09:08.465', e: '2026-11-21T08:09:38.465' });
    const [firing] = await sql<{ ends_at: Date | null }>(
      "SELECT ends_at FROM alert_events WHERE fingerprint = '304712ab96b030dc'",
    );
    expect(firing?.ends_at).toBeNull();
  });

  it('stores an alert whose labels, annotations, receiver and group key hold U+0000, read as U+FFFD', async () => {
    // Alertmanager accepts U+0000 in any label value; PostgreSQL's text and jsonb refuse it, which
    // failed the whole notification (and Alertmanager resent it for ever).
    const raw = JSON.parse(
      readFileSync(path.join(FIXTURES, 'notification-002-pager-InstanceDown-firing.json'), 'utf8'),
    );
    raw.receiver = 'pa\u0000ger';
    raw.groupKey = `${raw.groupKey}\u0000`;
    raw.alerts[0].labels.instance = 'db\u00001';
    raw.alerts[0].labels['x\u0000'] = 'y';
    raw.alerts[0].annotations.summary = 'down\u0000';
    const events = webhookAlertEvents(webhookPayloadSchema.parse(raw), 'default');
    expect(await storeAlertEvents(events, { source: 'webhook', client: prisma })).toMatchObject({
      stored: 1,
    });
    const [row] = await sql<
      { labels: Record<string, string>; annotations: Record<string, string> } & {
        receiver: string;
        group_key: string;
      }
    >('SELECT labels, annotations, receiver, group_key FROM alert_events');
    expect(row?.labels).toMatchObject({ instance: 'db\uFFFD1', 'x\uFFFD': 'y' });
    expect(row?.annotations.summary).toBe('down\uFFFD');
    expect(row?.receiver).toBe('pa\uFFFDger');
    expect(row?.group_key.endsWith('\uFFFD')).toBe(true);
  });

  it('stores the same notification received twice once, and the raw bytes match the formatted copy', async () => {
    const before = await counter('webhook', 'duplicate');
    expect(await ingest('notification-002-pager-InstanceDown-firing.json')).toMatchObject({ stored: 1 });
    expect(await ingest('notification-002-pager-InstanceDown-firing.json')).toMatchObject({
      stored: 0,
      duplicates: 1,
    });
    expect(await ingest('notification-002-pager-InstanceDown-firing.raw-body.json')).toMatchObject({
      stored: 0,
      duplicates: 1,
    });
    expect(await rowCount()).toBe(1);
    expect((await counter('webhook', 'duplicate')) - before).toBe(2);
  });

  it('stores a notification sent by both HA peers at the same moment once', async () => {
    // Two clients: as if each peer's request reached another Vigil instance; five resends each.
    const peers = [createPrismaClient(server.url), createPrismaClient(server.url)];
    try {
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          ingest('notification-005-pager-PostgreSQLDown-firing.json', peers[i % 2]),
        ),
      );
      expect(results.reduce((sum, r) => sum + r.stored, 0)).toBe(1);
      expect(results.reduce((sum, r) => sum + r.duplicates, 0)).toBe(9);
      expect(await rowCount()).toBe(1);
    } finally {
      await Promise.all(peers.map((p) => p.$disconnect()));
    }
  });

  it('keeps a firing and its resolution apart, and a re-firing with a new startsAt', async () => {
    await ingest('notification-005-pager-PostgreSQLDown-firing.json');
    await ingest('notification-006-pager-PostgreSQLDown-resolved.json');
    const again = webhookAlertEvents(
      notification('notification-005-pager-PostgreSQLDown-firing.json'),
      'default',
    ).map((e) => ({ ...e, startsAt: '2026-11-21T08:20:00.000Z' }));
    expect(await storeAlertEvents(again, { source: 'webhook', client: prisma })).toMatchObject({ stored: 1 });
    expect(await rowCount()).toBe(3);
  });

  it('stores a notification of 8,000 alerts in one transaction (more than one INSERT can bind)', async () => {
    const [template] = webhookAlertEvents(
      notification('notification-003-default-Watchdog-firing.json'),
      'default',
    );
    if (!template) throw new Error('no event');
    const events = Array.from({ length: 8000 }, (_, i) => ({
      ...template,
      fingerprint: i.toString(16).padStart(16, '0'),
    }));
    const started = Date.now();
    expect(await storeAlertEvents(events, { source: 'webhook', client: prisma })).toEqual({
      received: 8000,
      stored: 8000,
      duplicates: 0,
    });
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(await storeAlertEvents(events, { source: 'webhook', client: prisma })).toMatchObject({
      stored: 0,
      duplicates: 8000,
    });
    expect(await rowCount()).toBe(8000);
  });

  it('writes nothing of a batch when one of its rows fails', async () => {
    // A trigger stands in for any failure half-way through the insert.
    await sql(`CREATE FUNCTION refuse_bad() RETURNS trigger AS $$
      BEGIN IF NEW.fingerprint = 'bad' THEN RAISE EXCEPTION 'refused by test trigger'; END IF; RETURN NEW; END
      $$ LANGUAGE plpgsql`);
    await sql(
      'CREATE TRIGGER refuse_bad BEFORE INSERT ON alert_events FOR EACH ROW EXECUTE FUNCTION refuse_bad()',
    );
    try {
      const [good] = webhookAlertEvents(
        notification('notification-003-default-Watchdog-firing.json'),
        'default',
      );
      if (!good) throw new Error('no event');
      const batch = [good, { ...good, fingerprint: 'also-good' }, { ...good, fingerprint: 'bad' }];
      const error = await storeAlertEvents(batch, { source: 'webhook', client: prisma }).catch((e) => e);
      expect(error).toBeInstanceOf(AlertStoreError);
      expect(error.message).toContain('refused by test trigger');
      expect(error.message).toContain('nothing was written');
      expect(await rowCount()).toBe(0);
    } finally {
      await sql('DROP TRIGGER refuse_bad ON alert_events');
      await sql('DROP FUNCTION refuse_bad');
    }
  });

  it('gives up on a database that accepts connections but never answers, after the deadline', async () => {
    const silent: Server = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as { port: number }).port;
    const hung = createPrismaClient(`postgresql://vigil:x@127.0.0.1:${port}/vigil`);
    try {
      const started = Date.now();
      const error = await storeAlertEvents(
        webhookAlertEvents(notification('notification-003-default-Watchdog-firing.json'), 'default'),
        { source: 'webhook', client: hung, timeoutMs: 500 },
      ).catch((e) => e);
      expect(error).toBeInstanceOf(AlertStoreError);
      expect(error.message).toContain('no answer within 0.5 s');
      expect(Date.now() - started).toBeLessThan(3_000);
    } finally {
      silent.close();
      void hung.$disconnect().catch(() => {});
    }
  });
});

describe('the poller and the webhook together', () => {
  const P1 = 'default peer 1';
  /** PostgreSQLDown as the poller sees it: the same alert as fixtures 005/006. */
  const postgresDown: TrackedAlert = {
    ...makeAlert({
      fingerprint: '8d23ce3e214f1b65',
      labels: { alertname: 'PostgreSQLDown', job: 'postgres', severity: 'critical' },
      startsAt: '2026-11-21T08:09:08.465Z',
      endsAt: '2026-11-21T08:13:08.465Z',
    }),
    cluster: 'default',
    peers: [P1],
  };
  const polled = (alerts: TrackedAlert[], ok = true): PolledAlerts => ({ alerts, peers: [{ name: P1, ok }] });
  const clock = (iso: string) => () => Date.parse(iso);

  it('never double-counts: the webhook finds what the poller stored, and the other way round', async () => {
    let now = '2026-11-21T08:09:10.000Z';
    const record = transitionRecorder({
      cluster: 'default',
      client: () => prisma,
      now: () => Date.parse(now),
    });
    await record(undefined, polled([postgresDown]));
    expect(await ingest('notification-005-pager-PostgreSQLDown-firing.json')).toMatchObject({
      duplicates: 1,
    });
    // The webhook's resolution arrives first this time; the poller's is then a duplicate.
    expect(await ingest('notification-006-pager-PostgreSQLDown-resolved.json')).toMatchObject({ stored: 1 });
    now = '2026-11-21T08:09:40.000Z';
    const duplicates = await counter('poller', 'duplicate');
    await record(undefined, polled([]));
    expect((await counter('poller', 'duplicate')) - duplicates).toBe(1);
    const rows = await sql<{ status: string; receiver: string }>(
      'SELECT status, receiver FROM alert_events ORDER BY id',
    );
    expect(rows).toEqual([
      { status: 'firing', receiver: 'vigil-poller' },
      { status: 'resolved', receiver: 'pager' },
    ]);
  });

  it('proposes no row for the second report of what this process committed; the database judges the rest', async () => {
    // Counts the rows each INSERT proposes, conflicting or not (a BEFORE ROW trigger fires for both).
    await sql(`CREATE TABLE proposed_rows (fingerprint text);
      CREATE FUNCTION count_proposed() RETURNS trigger AS $$
        BEGIN INSERT INTO proposed_rows VALUES (NEW.fingerprint); RETURN NEW; END $$ LANGUAGE plpgsql;
      CREATE TRIGGER count_proposed BEFORE INSERT ON alert_events FOR EACH ROW EXECUTE FUNCTION count_proposed()`);
    const proposed = async () =>
      (await sql<{ n: number }>('SELECT count(*)::int AS n FROM proposed_rows'))[0]?.n;
    try {
      const record = transitionRecorder({
        cluster: 'default',
        client: () => prisma,
        now: clock('2026-11-21T08:09:10.000Z'),
      });
      await record(undefined, polled([postgresDown]));
      expect(await proposed()).toBe(1);
      // The webhook's report of the same firing: counted a duplicate without an INSERT.
      expect(await ingest('notification-005-pager-PostgreSQLDown-firing.json')).toMatchObject({
        duplicates: 1,
      });
      expect(await proposed()).toBe(1);
      // A key this process does not hold (another instance stored it) goes to the database, which skips it.
      recentEvents().clear();
      expect(await ingest('notification-005-pager-PostgreSQLDown-firing.json')).toMatchObject({
        duplicates: 1,
      });
      expect(await proposed()).toBe(2);
      expect(await sql('SELECT 1 FROM alert_events')).toHaveLength(1);
    } finally {
      await sql(
        `DROP TRIGGER count_proposed ON alert_events; DROP FUNCTION count_proposed(); DROP TABLE proposed_rows`,
      );
    }
  });

  it('records a silenced alert the webhook never sends, firing then resolved', async () => {
    const silenced = { ...postgresDown, fingerprint: 'silenced0000000a' };
    const record = transitionRecorder({
      cluster: 'default',
      client: () => prisma,
      now: clock('2026-11-21T08:10:00.000Z'),
    });
    await record(undefined, polled([silenced]));
    await record(undefined, polled([]));
    expect(await readAlertHistory(prisma, 'silenced0000000a')).toEqual([
      {
        startsAt: '2026-11-21T08:09:08.465Z',
        endsAt: '2026-11-21T08:10:00.000Z',
        durationSeconds: 51.535,
        status: 'resolved',
      },
    ]);
  });

  it('records what it saw during a database outage once the database answers again', async () => {
    let client = prisma;
    const down = createPrismaClient('postgresql://vigil:x@127.0.0.1:1/vigil');
    const lines: string[] = [];
    const record = transitionRecorder({
      cluster: 'default',
      client: () => client,
      now: clock('2026-11-21T08:10:00.000Z'),
      log: (line) => lines.push(line),
    });
    try {
      await record(undefined, polled([postgresDown]));
      client = down;
      await record(undefined, polled([]));
      await record(undefined, polled([]));
      expect(await rowCount()).toBe(1);
      client = prisma;
      await record(undefined, polled([]));
      expect(
        await sql('SELECT status FROM alert_events WHERE fingerprint = $1 ORDER BY id', [
          postgresDown.fingerprint,
        ]),
      ).toEqual([{ status: 'firing' }, { status: 'resolved' }]);
      expect(lines).toEqual([
        expect.stringMatching(
          /^recording alert transitions failed, retrying on every poll: PostgreSQL did not store 1/,
        ),
        'recording alert transitions works again after 2 failed poll(s)',
      ]);
    } finally {
      await down.$disconnect().catch(() => {});
    }
  });
});

describe('storeWebhookEvents', () => {
  const flood = (receiver: string, n = 300) =>
    Array.from({ length: n }, (_, i) => ({
      cluster: 'default',
      fingerprint: `f100d${String(i).padStart(11, '0')}`,
      alertname: 'FloodDown',
      status: 'firing' as const,
      labels: { alertname: 'FloodDown', instance: `host-${i}`, severity: 'critical' },
      annotations: {},
      startsAt: '2026-12-04T03:00:00.000Z',
      endsAt: null,
      receiver,
      groupKey: '{}:{alertname="FloodDown"}',
    }));
  const linked = async () =>
    sql<{ incidents: number; alerts: number }>(
      "SELECT count(DISTINCT incident_id)::int AS incidents, count(*)::int AS alerts FROM incident_alerts WHERE fingerprint LIKE 'f100d%'",
    );

  it('stores every copy of a flood (both peers, two receivers, at once) once, opening one incident', async () => {
    const options = { autoOpen: true, group: 'default:flood', client: prisma };
    const copies = ['pager', 'pager', 'chat', 'chat'].map((receiver) =>
      storeWebhookEvents(flood(receiver), options),
    );
    const results = await Promise.all(copies);
    expect(results.reduce((sum, r) => sum + r.stored, 0)).toBe(300);
    // The copies after the first find every event stored by a webhook: answered without a transaction.
    expect(results.filter((r) => r.duplicates === 300)).toHaveLength(3);
    expect(await rowCount()).toBe(300);
    expect(await linked()).toEqual([{ incidents: 1, alerts: 300 }]);
    // The same starts spelt with an offset are the same rows (alert_events' key is the UTC millisecond).
    const offset = flood('pager').map((e) => ({ ...e, startsAt: '2026-12-04T04:00:00+01:00' }));
    expect(await storeWebhookEvents(offset, options)).toEqual({ received: 300, stored: 0, duplicates: 300 });
    expect(await rowCount()).toBe(300);
  });

  it('still opens the incident for events the poller stored first (the poller opens none)', async () => {
    await sql(
      "DELETE FROM incidents WHERE id IN (SELECT incident_id FROM incident_alerts WHERE fingerprint LIKE 'f100d%')",
    );
    await storeAlertEvents(flood(POLLER_RECEIVER, 5), { source: 'poller', client: prisma });
    expect(await linked()).toEqual([{ incidents: 0, alerts: 0 }]);
    const result = await storeWebhookEvents(flood('pager', 5), {
      autoOpen: true,
      group: 'default:flood-after-poller',
      client: prisma,
    });
    expect(result).toEqual({ received: 5, stored: 0, duplicates: 5 });
    expect(await linked()).toEqual([{ incidents: 1, alerts: 5 }]);
  });
});

describe('readAlertHistory', () => {
  it('is empty for an unknown alert', async () => {
    expect(await readAlertHistory(prisma, 'ffffffffffffffff')).toEqual([]);
  });

  it('shows a firing and its resolution as one resolved entry with its duration', async () => {
    await ingest('notification-005-pager-PostgreSQLDown-firing.json');
    expect(await readAlertHistory(prisma, '8d23ce3e214f1b65')).toEqual([
      { startsAt: '2026-11-21T08:09:08.465Z', endsAt: null, durationSeconds: null, status: 'firing' },
    ]);
    await ingest('notification-006-pager-PostgreSQLDown-resolved.json');
    expect(await readAlertHistory(prisma, '8d23ce3e214f1b65')).toEqual([
      {
        startsAt: '2026-11-21T08:09:08.465Z',
        endsAt: '2026-11-21T08:09:38.465Z',
        durationSeconds: 30,
        status: 'resolved',
      },
    ]);
  });

  it('lists firings newest first, one per startsAt, up to the limit', async () => {
    const [firing] = webhookAlertEvents(
      notification('notification-005-pager-PostgreSQLDown-firing.json'),
      'default',
    );
    if (!firing) throw new Error('no event');
    const at = (minute: number) => `2026-11-21T09:${String(minute).padStart(2, '0')}:00.000Z`;
    const events = [0, 10, 20, 30].flatMap((m) => [
      { ...firing, startsAt: at(m) },
      ...(m < 30 ? [{ ...firing, status: 'resolved' as const, startsAt: at(m), endsAt: at(m + 5) }] : []),
    ]);
    // A resolution without its firing (the firing was never received) still counts.
    events.push({ ...firing, status: 'resolved', startsAt: at(40), endsAt: at(42) });
    await storeAlertEvents(events, { source: 'webhook', client: prisma });
    // Another alert's events stay out.
    await ingest('notification-003-default-Watchdog-firing.json');

    const history = await readAlertHistory(prisma, firing.fingerprint);
    expect(history.map((h) => [h.startsAt, h.status, h.durationSeconds])).toEqual([
      [at(40), 'resolved', 120],
      [at(30), 'firing', null],
      [at(20), 'resolved', 300],
      [at(10), 'resolved', 300],
      [at(0), 'resolved', 300],
    ]);
    expect((await readAlertHistory(prisma, firing.fingerprint, 2)).map((h) => h.startsAt)).toEqual([
      at(40),
      at(30),
    ]);
    expect(await readAlertHistory(prisma, firing.fingerprint, 0)).toEqual([]);
  });
});

describe('a stopped database', () => {
  it('makes the insert throw AlertStoreError, and the same events store once it is back', async () => {
    await ingest('notification-003-default-Watchdog-firing.json');
    await server.stop();
    const error = await ingest('notification-002-pager-InstanceDown-firing.json').catch((e) => e);
    expect(error).toBeInstanceOf(AlertStoreError);
    expect(error.retryAfterSeconds).toBeGreaterThan(0);
    expect(error.message).toMatch(
      /^PostgreSQL did not store 1 alert event\(s\) \(P1001: Can't reach database server at 127\.0\.0\.1:\d+\); nothing was written/,
    );

    // Same data folder, new port: as after a restart.
    server = await startEmbeddedPostgres(dataDir);
    await prisma.$disconnect().catch(() => {});
    prisma = createPrismaClient(server.url);
    expect(await rowCount()).toBe(1);
    expect(await ingest('notification-002-pager-InstanceDown-firing.json')).toMatchObject({ stored: 1 });
    expect(await ingest('notification-002-pager-InstanceDown-firing.json')).toMatchObject({ duplicates: 1 });
    expect(await rowCount()).toBe(2);
  });
});

import { rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AlertEventInput } from '@/lib/alerts/alert-event';
import { createPrismaClient, type PrismaClient } from '@/lib/db/client';
import { type EmbeddedDatabase, startEmbeddedPostgres } from '@/lib/db/embedded';
import { applyMigrations } from '@/lib/db/migrate';
import { insertAlertEvents, insertIncidentAlerts, insertTimelineRows } from './bulk-insert';

/**
 * The many-row inserts (one JSON parameter per slice of rows) against a real PostgreSQL: every value
 * comes back as it was written, across slices, with times in UTC, and a failed slice writes nothing.
 */

let dataDir: string;
let server: EmbeddedDatabase;
let prisma: PrismaClient;

async function sql<T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: server.url });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'vigil-bulk-'));
  server = await startEmbeddedPostgres(dataDir);
  await applyMigrations(server.url, path.join(process.cwd(), 'prisma', 'migrations'));
  prisma = createPrismaClient(server.url);
});

afterAll(async () => {
  await prisma?.$disconnect();
  await server?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

beforeEach(async () => {
  await sql('TRUNCATE alert_events, alert_open_firings, incidents CASCADE');
});

/** Text that JSON and SQL both treat specially, and text outside the Basic Multilingual Plane. */
const AWKWARD = ['say "hi"', 'C:\\temp\\', 'two\nlines\ttab', 'é 🔥 \u0001 \uFFFD', "it's", '{"a":[1]}', ''];

const event = (i: number): AlertEventInput => ({
  cluster: i % 2 ? 'eu "west"' : 'default',
  fingerprint: `f${i.toString(16).padStart(15, '0')}`,
  alertname: `Alert ${AWKWARD[i % AWKWARD.length]}`,
  status: i % 3 ? 'firing' : 'resolved',
  labels: { alertname: `Alert ${i}`, instance: AWKWARD[i % AWKWARD.length] ?? '', 'odd "name"': '\\' },
  annotations: { summary: AWKWARD[(i + 1) % AWKWARD.length] ?? '' },
  // A zoned time is stored as its UTC wall time, like the UTC times every source sends.
  startsAt:
    i === 0 ? '2026-03-29T03:30:00.125+02:00' : new Date(Date.UTC(2026, 2, 29, 0, 0, i)).toISOString(),
  endsAt: i % 3 ? null : new Date(Date.UTC(2026, 2, 29, 1, 0, i)).toISOString(),
  receiver: `pager ${AWKWARD[(i + 2) % AWKWARD.length]}`,
  groupKey: `{}:{alertname="Alert ${i}"}`,
});

type EventRow = {
  cluster: string;
  fingerprint: string;
  alertname: string;
  status: string;
  labels: unknown;
  annotations: unknown;
  starts_at: string;
  ends_at: string | null;
  receiver: string;
  group_key: string;
};

const readEvents = () =>
  sql<EventRow>(`SELECT cluster, fingerprint, alertname, status::text, labels, annotations,
      to_char(starts_at, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS starts_at,
      to_char(ends_at, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS ends_at, receiver, group_key
    FROM alert_events ORDER BY id`);

describe('insertAlertEvents', () => {
  it('stores every value as written, in order, across several slices', async () => {
    const events = Array.from({ length: 601 }, (_, i) => event(i));
    const stored = await prisma.$transaction((tx) => insertAlertEvents(tx, events));
    expect(stored).toBe(601);
    const rows = await readEvents();
    expect(rows).toEqual(
      events.map((e) => ({
        cluster: e.cluster,
        fingerprint: e.fingerprint,
        alertname: e.alertname,
        status: e.status,
        labels: e.labels,
        annotations: e.annotations,
        starts_at: new Date(e.startsAt).toISOString(),
        ends_at: e.endsAt,
        receiver: e.receiver,
        group_key: e.groupKey,
      })),
    );
    expect(rows[0]?.starts_at).toBe('2026-03-29T01:30:00.125Z');
  });

  it('skips the keys already stored and counts only the new rows', async () => {
    const events = Array.from({ length: 300 }, (_, i) => event(i));
    await prisma.$transaction((tx) => insertAlertEvents(tx, events.slice(0, 120)));
    expect(await prisma.$transaction((tx) => insertAlertEvents(tx, events))).toBe(180);
    expect(await readEvents()).toHaveLength(300);
  });

  it('writes nothing when a later slice fails', async () => {
    const events = Array.from({ length: 400 }, (_, i) => event(i));
    // PostgreSQL refuses U+0000 in text: the second slice fails, and the first is rolled back with it.
    const broken = [...events.slice(0, 399), { ...event(399), receiver: 'nul \u0000' }];
    await expect(prisma.$transaction((tx) => insertAlertEvents(tx, broken))).rejects.toThrow();
    expect(await readEvents()).toEqual([]);
  });
});

describe('insertIncidentAlerts and insertTimelineRows', () => {
  it('link alerts and add timeline rows whose ids follow the list order', async () => {
    const incident = await prisma.incident.create({ data: { title: 'Bulk', severity: 'warning' } });
    const links = Array.from({ length: 260 }, (_, i) => ({
      incidentId: incident.id,
      cluster: 'default',
      fingerprint: event(i).fingerprint,
      alertname: event(i).alertname,
      labels: event(i).labels,
      startsAt: new Date(Date.UTC(2026, 9, 25, 0, 59, i % 60)),
    }));
    const addedAt = new Date('2026-10-25T01:30:00.500Z');
    expect(await prisma.$transaction((tx) => insertIncidentAlerts(tx, links, addedAt))).toBe(260);
    expect(await prisma.$transaction((tx) => insertIncidentAlerts(tx, links, addedAt))).toBe(0);
    const stored = await prisma.incidentAlert.findMany({ orderBy: { fingerprint: 'asc' } });
    expect(stored.map((a) => [a.fingerprint, a.alertname, a.labels, a.startsAt, a.addedAt])).toEqual(
      links.map((l) => [l.fingerprint, l.alertname, l.labels, l.startsAt, addedAt]),
    );

    const timeline = Array.from({ length: 300 }, (_, i) => ({
      incidentId: incident.id,
      type: i % 2 ? 'alert.fired' : 'note.added',
      at: new Date(Date.UTC(2026, 9, 25, 1, 0, 0, i)),
      actorId: null,
      data: { n: i, text: AWKWARD[i % AWKWARD.length], nested: { list: [i, null, true] } },
    }));
    await prisma.$transaction((tx) => insertTimelineRows(tx, timeline));
    const rows = await prisma.timelineEvent.findMany({ orderBy: { id: 'asc' } });
    expect(rows.map((r) => [r.type, r.at, r.actorId, r.data])).toEqual(
      timeline.map((t) => [t.type, t.at, null, t.data]),
    );
  });
});

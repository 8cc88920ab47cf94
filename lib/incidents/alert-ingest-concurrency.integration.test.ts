import { rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { AlertEventInput } from '@/lib/alerts/alert-event';
import { createPrismaClient, type PrismaClient } from '@/lib/db/client';
import { type EmbeddedDatabase, startEmbeddedPostgres } from '@/lib/db/embedded';
import { applyMigrations } from '@/lib/db/migrate';
import { seedStartupRouting } from '@/lib/testing/routing';
import { storeAlertEvents } from './alert-ingest';

/**
 * Webhook and poller writing overlapping alert sets at the same moment, against a real PostgreSQL: at
 * 10,000 alerts their inserts once deadlocked (each batch took the unique index's keys in its own order,
 * so one waited for a key the other held while holding one the other wanted).
 */

const MIGRATIONS = path.join(process.cwd(), 'prisma', 'migrations');
const ALERTS = 4000;
const STARTS_AT = '2026-12-04T08:00:00.000Z';

let dataDir: string;
let server: EmbeddedDatabase;
let clients: PrismaClient[];

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'vigil-ingest-concurrency-'));
  server = await startEmbeddedPostgres(dataDir);
  await applyMigrations(server.url, MIGRATIONS);
  // One client per writer, as the webhook route and the poll loop of several instances would have.
  clients = Array.from({ length: 4 }, () => createPrismaClient(server.url));
  await seedStartupRouting(clients[0] as PrismaClient);
});

afterAll(async () => {
  await Promise.all((clients ?? []).map((c) => c.$disconnect()));
  await server?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

function events(fingerprints: readonly string[], status: 'firing' | 'resolved', receiver: string) {
  return fingerprints.map(
    (fingerprint): AlertEventInput => ({
      cluster: 'default',
      fingerprint,
      alertname: `Load${fingerprint.slice(-1)}`,
      status,
      labels: { alertname: `Load${fingerprint.slice(-1)}`, instance: fingerprint, severity: 'critical' },
      annotations: {},
      startsAt: STARTS_AT,
      endsAt: status === 'firing' ? null : '2026-12-04T08:30:00.000Z',
      receiver,
      groupKey: receiver === 'vigil-poller' ? '' : `{}:{alertname="Load${fingerprint.slice(-1)}"}`,
    }),
  );
}

/**
 * Queued behind each other, 18 transactions on a loaded two-core machine take longer than the 10 s a
 * single store is given in production; this test is about deadlocks, which PostgreSQL reports within
 * its deadlock_timeout (1 s) whatever the deadline.
 */
const SLOW_OK = 120_000;

const webhook = (group: string[], status: 'firing' | 'resolved', client: PrismaClient) => {
  const batch = events(group, status, 'pager');
  return storeAlertEvents(batch, {
    source: 'webhook',
    client,
    autoOpen: true,
    group: batch[0]?.groupKey,
    timeoutMs: SLOW_OK,
  });
};

/** A deterministic shuffle, so each writer takes the rows in an order of its own. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed;
  for (let i = out.length - 1; i > 0; i--) {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

it(`stores ${ALERTS} alerts written at once by the webhook (per group, both peers) and the poller (in other orders) without a deadlock`, async () => {
  const fingerprints = Array.from({ length: ALERTS }, (_, i) => i.toString(16).padStart(16, '0'));
  const [a, b, c, d] = clients as [PrismaClient, PrismaClient, PrismaClient, PrismaClient];
  for (const [round, status] of (['firing', 'resolved'] as const).entries()) {
    // The poller's first poll sees every alert; the webhook's notifications arrive per group from both
    // HA peers, each in Alertmanager's own order; a second instance's poller sees them in yet another.
    const webhookGroups = (seed: number) =>
      Array.from({ length: 8 }, (_, g) =>
        shuffled(
          fingerprints.filter((_, i) => i % 8 === g),
          seed + g,
        ),
      );
    const writes = [
      storeAlertEvents(events(shuffled(fingerprints, 11 + round), status, 'vigil-poller'), {
        source: 'poller',
        client: a,
        timeoutMs: SLOW_OK,
      }),
      storeAlertEvents(events([...fingerprints].reverse(), status, 'vigil-poller'), {
        source: 'poller',
        client: b,
        timeoutMs: SLOW_OK,
      }),
      // The webhook also opens incidents (one per group) and records their alerts' firings and resolutions.
      ...webhookGroups(100 + round).map((group) => webhook(group, status, c)),
      ...webhookGroups(200 + round).map((group) => webhook(group, status, d)),
    ];
    const results = await Promise.allSettled(writes);
    const failures = results.flatMap((r) =>
      r.status === 'rejected' ? [`${status}: ${String(r.reason)}`] : [],
    );
    expect(failures).toEqual([]);
    const stored = results.reduce((sum, r) => sum + (r.status === 'fulfilled' ? r.value.stored : 0), 0);
    // Each (fingerprint, startsAt, status) once, whoever won.
    expect(stored).toBe(ALERTS);
  }
  expect(await a.alertEvent.count()).toBe(2 * ALERTS);
  // One incident per group, every alert linked once and resolved.
  expect(await a.incident.count()).toBe(8);
  expect(await a.incidentAlert.count({ where: { resolvedAt: { not: null } } })).toBe(ALERTS);
}, 300_000);

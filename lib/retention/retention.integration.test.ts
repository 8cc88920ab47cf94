import { rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RetentionSeconds } from '@/lib/config/load';
import { createPrismaClient, type PrismaClient } from '@/lib/db/client';
import { type EmbeddedDatabase, startEmbeddedPostgres } from '@/lib/db/embedded';
import { applyMigrations } from '@/lib/db/migrate';
import type { RetentionTarget } from './plan';
import { pruneOnce } from './prune';

/**
 * The pruner against a real PostgreSQL (embedded, migrated like production): every kind of history is
 * seeded with rows that must go ("drop…") and rows that must stay ("keep…"), among them rows one
 * millisecond either side of the cutoff and the rows kept on purpose (open incidents' timelines, a
 * post-mortem's timeline, unsent notifications). The database runs in Pacific/Auckland (UTC+13 in
 * March) so a cutoff read in the session's zone would be caught by the boundary rows.
 */

const MIGRATIONS = path.join(process.cwd(), 'prisma', 'migrations');
const DAY = 86_400;
const NOW = new Date('2026-03-02T12:00:00Z');
const PERIODS: RetentionSeconds = {
  alertEvents: 10 * DAY,
  auditLog: 20 * DAY,
  notifications: 10 * DAY,
  signInAttempts: 1 * DAY,
  timelineOfResolvedIncidents: 10 * DAY,
};
const cutoff = (target: RetentionTarget) => new Date(NOW.getTime() - (PERIODS[target] ?? 0) * 1000);
const ms = (date: Date, delta: number) => new Date(date.getTime() + delta);
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY * 1000);

let dataDir: string;
let server: EmbeddedDatabase;
let client: PrismaClient;
let other: PrismaClient;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'vigil-retention-'));
  server = await startEmbeddedPostgres(dataDir);
  await applyMigrations(server.url, MIGRATIONS);
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  await admin.query(`ALTER DATABASE vigil SET timezone TO 'Pacific/Auckland'`);
  await admin.end();
  // Two clients with their own pools: two Vigil instances.
  client = createPrismaClient(server.url);
  other = createPrismaClient(server.url);
  await client.user.create({ data: { id: 'author', email: 'author@example.com' } });
});

afterAll(async () => {
  await client?.$disconnect();
  await other?.$disconnect();
  await server?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** Per table: how many rows are tagged "drop" (they must go) and "keep" (they must stay). */
type Seeded = Record<RetentionTarget, { drop: number; keep: number }>;

/**
 * `old` rows older than every cutoff in each of the simple tables (alert events, audit log, sign-in
 * attempts), plus the boundary rows and the special cases of notifications and timelines.
 */
async function seed(old: number): Promise<Seeded> {
  await client.$executeRawUnsafe(
    'TRUNCATE alert_events, audit_log, sign_in_attempts, notifications, timeline_events, postmortems, incidents RESTART IDENTITY CASCADE',
  );
  // Old rows spread over the days before the cutoff; new rows after it; one each side of the boundary.
  const times = (target: RetentionTarget) => {
    const at = cutoff(target);
    return [
      ...Array.from({ length: old }, (_, i) => ({ tag: `drop-${i}`, at: ms(at, -(i + 1) * 3_600_000) })),
      { tag: 'drop-edge', at: ms(at, -1) },
      { tag: 'keep-edge', at },
      { tag: 'keep-after', at: ms(at, 1) },
      { tag: 'keep-now', at: NOW },
    ];
  };

  await client.alertEvent.createMany({
    data: times('alertEvents').map(({ tag, at }) => ({
      cluster: 'prod',
      fingerprint: tag,
      alertname: 'DiskFull',
      status: 'firing' as const,
      labels: {},
      annotations: {},
      startsAt: at,
      receiver: 'vigil',
      groupKey: 'g',
      receivedAt: at,
    })),
  });
  await client.auditLog.createMany({
    data: times('auditLog').map(({ tag, at }) => ({
      via: 'system',
      action: 'silence.expired',
      target: tag,
      at,
    })),
  });
  await client.signInAttempt.createMany({
    data: times('signInAttempts').map(({ tag, at }) => ({
      email: `${tag}@example.com`,
      ip: '192.0.2.1',
      succeeded: false,
      createdAt: at,
    })),
  });

  const longAgo = daysAgo(40);
  const incident = (id: string, status: 'open' | 'resolved', resolvedAt: Date | null) =>
    client.incident.create({
      data: { id, title: id, severity: 'critical', status, openedAt: daysAgo(50), resolvedAt },
    });
  await incident('resolved-long-ago', 'resolved', daysAgo(30));
  await incident('resolved-recently', 'resolved', daysAgo(5));
  await incident('still-open', 'open', null);
  await incident('with-postmortem', 'resolved', daysAgo(30));
  await client.postmortem.create({ data: { incidentId: 'with-postmortem', authorId: 'author' } });

  const timeline = [
    ...Array.from({ length: old }, (_, i) => ({
      incidentId: 'resolved-long-ago',
      tag: `drop-${i}`,
      at: longAgo,
    })),
    // Written after the cutoff (a late note on a long-resolved incident): kept.
    { incidentId: 'resolved-long-ago', tag: 'keep-late', at: daysAgo(2) },
    { incidentId: 'resolved-recently', tag: 'keep-resolved-recently', at: longAgo },
    { incidentId: 'still-open', tag: 'keep-open', at: longAgo },
    { incidentId: 'with-postmortem', tag: 'keep-postmortem', at: longAgo },
  ];
  await client.timelineEvent.createMany({
    data: timeline.map(({ incidentId, tag, at }) => ({ incidentId, type: 'note.added', at, data: { tag } })),
  });

  const notification = (
    tag: string,
    status: 'pending' | 'sent' | 'failed' | 'dead',
    createdAt: Date,
    incidentId: string | null = null,
  ) => ({
    dedupeKey: tag,
    channel: 'ops-chat',
    kind: 'escalation',
    payload: {},
    status,
    createdAt,
    incidentId,
  });
  const notifications = [
    ...Array.from({ length: old }, (_, i) => notification(`drop-${i}`, i % 2 ? 'sent' : 'dead', longAgo)),
    notification('drop-resolved-incident', 'sent', longAgo, 'resolved-long-ago'),
    notification('drop-edge', 'sent', ms(cutoff('notifications'), -1)),
    notification('keep-edge', 'sent', cutoff('notifications')),
    notification('keep-pending', 'pending', longAgo),
    notification('keep-failed', 'failed', longAgo),
    // Its dedupeKey is what stops the level from paging twice while the incident is open.
    notification('keep-open-incident', 'sent', longAgo, 'still-open'),
    notification('keep-new', 'sent', NOW),
  ];
  await client.notification.createMany({ data: notifications });

  const count = (tags: string[]) => ({
    drop: tags.filter((t) => t.startsWith('drop')).length,
    keep: tags.filter((t) => t.startsWith('keep')).length,
  });
  return {
    alertEvents: count(times('alertEvents').map((r) => r.tag)),
    auditLog: count(times('auditLog').map((r) => r.tag)),
    signInAttempts: count(times('signInAttempts').map((r) => r.tag)),
    notifications: count(notifications.map((n) => n.dedupeKey)),
    timelineOfResolvedIncidents: count(timeline.map((t) => t.tag)),
  };
}

/** The tags left in each table, sorted. */
async function remaining(): Promise<Record<RetentionTarget, string[]>> {
  const sorted = (tags: (string | null)[]) => tags.map(String).sort();
  const events = await client.timelineEvent.findMany({ select: { data: true } });
  return {
    alertEvents: sorted(
      (await client.alertEvent.findMany({ select: { fingerprint: true } })).map((r) => r.fingerprint),
    ),
    auditLog: sorted((await client.auditLog.findMany({ select: { target: true } })).map((r) => r.target)),
    signInAttempts: sorted(
      (await client.signInAttempt.findMany({ select: { email: true } })).map(
        (r) => r.email.split('@')[0] ?? '',
      ),
    ),
    notifications: sorted(
      (await client.notification.findMany({ select: { dedupeKey: true } })).map((r) => r.dedupeKey),
    ),
    timelineOfResolvedIncidents: sorted(events.map((e) => (e.data as { tag: string }).tag)),
  };
}

const KEPT: Record<RetentionTarget, string[]> = {
  alertEvents: ['keep-after', 'keep-edge', 'keep-now'],
  auditLog: ['keep-after', 'keep-edge', 'keep-now'],
  signInAttempts: ['keep-after', 'keep-edge', 'keep-now'],
  notifications: ['keep-edge', 'keep-failed', 'keep-new', 'keep-open-incident', 'keep-pending'],
  timelineOfResolvedIncidents: ['keep-late', 'keep-open', 'keep-postmortem', 'keep-resolved-recently'],
};

describe('pruneOnce', () => {
  let seeded: Seeded;
  beforeEach(async () => {
    seeded = await seed(9);
  });

  it('deletes exactly the rows older than their retention, in batches, and keeps what must stay', async () => {
    const outcomes = await pruneOnce({
      periods: PERIODS,
      client,
      now: NOW,
      limits: { batchSize: 4, maxBatches: 100 },
    });
    expect(await remaining()).toEqual(KEPT);
    for (const target of Object.keys(PERIODS) as RetentionTarget[]) {
      expect(outcomes[target]?.deleted, target).toBe(seeded[target].drop);
      // 9 to 11 rows in batches of 4: three batches, the last one short.
      expect(outcomes[target]?.batches, target).toBe(3);
    }
    const again = await pruneOnce({
      periods: PERIODS,
      client,
      now: NOW,
      limits: { batchSize: 4, maxBatches: 100 },
    });
    expect(Object.values(again).map((o) => o.deleted)).toEqual([0, 0, 0, 0, 0]);
  });

  it('keeps what is kept forever and stops a pass after maxBatches', async () => {
    const outcomes = await pruneOnce({
      periods: { ...PERIODS, auditLog: null },
      client,
      now: NOW,
      limits: { batchSize: 4, maxBatches: 2 },
    });
    expect(outcomes.auditLog).toBeUndefined();
    expect(await client.auditLog.count()).toBe(seeded.auditLog.drop + seeded.auditLog.keep);
    expect(outcomes.alertEvents).toEqual({ deleted: 8, batches: 2 });
    expect(await client.alertEvent.count()).toBe(seeded.alertEvents.drop + seeded.alertEvents.keep - 8);
  });
});

describe('two instances pruning at once', () => {
  it('delete each old row once between them and never fail', async () => {
    const seeded = await seed(600);
    const limits = { batchSize: 25, maxBatches: 1000 };
    const [a, b] = await Promise.all([
      pruneOnce({ periods: PERIODS, client, now: NOW, limits }),
      pruneOnce({ periods: PERIODS, client: other, now: NOW, limits }),
    ]);
    expect(await remaining()).toEqual(KEPT);
    for (const target of Object.keys(PERIODS) as RetentionTarget[])
      expect((a[target]?.deleted ?? 0) + (b[target]?.deleted ?? 0), target).toBe(seeded[target].drop);
  });
});

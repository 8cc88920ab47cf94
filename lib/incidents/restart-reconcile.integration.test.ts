import { rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeAlert } from '@/lib/alertmanager/testing/make-alert';
import type { AlertEventInput } from '@/lib/alerts/alert-event';
import { readAlertHistory } from '@/lib/alerts/history';
import type { TrackedAlert } from '@/lib/alerts/transitions';
import { createPrismaClient, type PrismaClient } from '@/lib/db/client';
import { type EmbeddedDatabase, startEmbeddedPostgres } from '@/lib/db/embedded';
import { applyMigrations } from '@/lib/db/migrate';
import { runtimeState } from '@/lib/db/runtime';
import type { ClusterSnapshot } from '@/lib/snapshots/sources';
import { seedStartupRouting } from '@/lib/testing/routing';
import { ackReconciler } from './ack-reconciler';
import { storeAlertEvents, transitionRecorder } from './alert-ingest';
import { storedOpenFirings } from './open-firings';
import { recentEvents } from './recent-events';

/**
 * What a restarted Vigil knows, against a real PostgreSQL: the first poll of a process is compared with
 * the firings stored open, so an alert that resolved while Vigil was down is recorded resolved, but never
 * because the only peer that could report it is down; acknowledgements follow the same rule.
 */

// The acknowledgement reconciler looks its cluster's peers up to expire a silence (none here).
vi.mock('@/lib/config/current', () => ({
  config: () => ({
    alertmanagers: [
      { name: 'default', peers: ['http://127.0.0.1:1', 'http://127.0.0.1:2'], timeoutMs: 1000 },
    ],
  }),
}));

const MIGRATIONS = path.join(process.cwd(), 'prisma', 'migrations');
const P1 = 'default peer 1';
const P2 = 'default peer 2';
const START = '2026-12-04T08:00:00.000Z';
const RESTART = '2026-12-04T09:00:00.000Z';

let dataDir: string;
let server: EmbeddedDatabase;
let prisma: PrismaClient;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'vigil-restart-'));
  server = await startEmbeddedPostgres(dataDir);
  await applyMigrations(server.url, MIGRATIONS);
  prisma = createPrismaClient(server.url);
  runtimeState().databaseUrl = server.url;
  await seedStartupRouting(prisma);
});

afterAll(async () => {
  await prisma?.$disconnect();
  await server?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

beforeEach(async () => {
  await prisma.$executeRawUnsafe(
    'TRUNCATE alert_events, acknowledgements, incident_alerts, timeline_events, incidents, audit_log, users CASCADE',
  );
  // The events the process committed are gone: it must not skip them as already stored.
  recentEvents().clear();
});

function alert(fingerprint: string, peers = [P1, P2], startsAt = START): TrackedAlert {
  const { labels, annotations, endsAt } = makeAlert({
    labels: { alertname: `Restart${fingerprint}`, severity: 'critical', instance: fingerprint },
  });
  return { cluster: 'default', fingerprint, labels, annotations, startsAt, endsAt, peers };
}

/** A firing as the webhook stored it before the restart. */
function webhookFiring(a: TrackedAlert): AlertEventInput {
  return {
    cluster: a.cluster,
    fingerprint: a.fingerprint,
    alertname: a.labels.alertname ?? '',
    status: 'firing',
    labels: a.labels,
    annotations: a.annotations,
    startsAt: a.startsAt,
    endsAt: null,
    receiver: 'pager',
    groupKey: `{}:{alertname="${a.labels.alertname}"}`,
  };
}

const snapshot = (alerts: TrackedAlert[], down: string[] = []): ClusterSnapshot => ({
  alerts: alerts.map((a) => ({ ...makeAlert(a), ...a })),
  peers: [P1, P2].map((name, i) => ({ name, address: `127.0.0.1:${i + 1}`, ok: !down.includes(name) })),
  silences: [],
  routeGroups: [],
  statuses: [],
});

/**
 * Stores the events as received when they started: a restarted process resolves only firings stored
 * more than a minute before its first poll.
 */
async function stored(events: AlertEventInput[], options: { autoOpen?: boolean } = {}) {
  await storeAlertEvents(events, {
    source: 'webhook',
    client: prisma,
    autoOpen: options.autoOpen ?? false,
    group: events[0]?.groupKey,
  });
  await prisma.$executeRaw`UPDATE alert_events SET received_at = starts_at`;
}

/** A new process's recorder, its clock at `at`. */
const restarted = (at: string) =>
  transitionRecorder({ cluster: 'default', client: () => prisma, now: () => Date.parse(at), log: () => {} });

const statuses = async (fingerprint: string) =>
  (await readAlertHistory(prisma, fingerprint)).map((h) => [h.startsAt, h.status, h.endsAt]);

describe('storedOpenFirings', () => {
  it('lists, per fingerprint of the cluster, the latest firing with no resolution', async () => {
    const [open, resolved, refired, other] = ['o', 'r', 'f', 'x'].map((f) => alert(f));
    const later = '2026-12-04T08:30:00.000Z';
    await stored([
      webhookFiring(open as TrackedAlert),
      webhookFiring(resolved as TrackedAlert),
      { ...webhookFiring(resolved as TrackedAlert), status: 'resolved', endsAt: later },
      // Fired, resolved unseen, fired again: the later firing is the open one.
      webhookFiring(refired as TrackedAlert),
      webhookFiring({ ...(refired as TrackedAlert), startsAt: later }),
      { ...webhookFiring(other as TrackedAlert), cluster: 'other' },
    ]);
    const firings = await storedOpenFirings(prisma, 'default');
    expect(firings.map((f) => [f.fingerprint, f.startsAt])).toEqual([
      ['f', later],
      ['o', START],
    ]);
    expect(firings[1]).toEqual({
      cluster: 'default',
      fingerprint: 'o',
      labels: open?.labels,
      annotations: open?.annotations,
      startsAt: START,
      receivedAt: START,
    });
  });
});

describe('the first poll after a restart', () => {
  it('records resolved a stored firing that every peer answered without, and keeps the one still firing', async () => {
    const gone = alert('g');
    const still = alert('s');
    await stored([webhookFiring(gone), webhookFiring(still)]);
    await restarted(RESTART)(undefined, snapshot([still]));
    expect(await statuses('g')).toEqual([[START, 'resolved', RESTART]]);
    expect(await statuses('s')).toEqual([[START, 'firing', null]]);
    expect(await storedOpenFirings(prisma, 'default')).toHaveLength(1);
  });

  it('resolves the alert of an auto-opened incident on its timeline', async () => {
    const gone = alert('i');
    await stored([webhookFiring(gone)], { autoOpen: true });
    await restarted(RESTART)(undefined, snapshot([]));
    const link = await prisma.incidentAlert.findFirstOrThrow({ where: { fingerprint: 'i' } });
    expect(link.resolvedAt?.toISOString()).toBe(RESTART);
    expect(
      await prisma.timelineEvent.count({ where: { incidentId: link.incidentId, type: 'alert.resolved' } }),
    ).toBe(1);
  });

  it('resolves nothing while a peer is down, and resolves at the first poll every peer answers', async () => {
    const gone = alert('d');
    await stored([webhookFiring(gone)]);
    let now = RESTART;
    const record = transitionRecorder({
      cluster: 'default',
      client: () => prisma,
      now: () => Date.parse(now),
    });
    await record(undefined, snapshot([], [P2]));
    await record(undefined, snapshot([], [P2]));
    expect(await statuses('d')).toEqual([[START, 'firing', null]]);
    now = '2026-12-04T09:05:00.000Z';
    await record(undefined, snapshot([]));
    expect(await statuses('d')).toEqual([[START, 'resolved', now]]);
  });

  it('carries a firing stored less than a minute ago to the next poll (another instance may have polled later)', async () => {
    await storeAlertEvents([webhookFiring(alert('n'))], { source: 'webhook', client: prisma });
    let now = Date.now();
    const record = transitionRecorder({ cluster: 'default', client: () => prisma, now: () => now });
    await record(undefined, snapshot([]));
    expect(await statuses('n')).toEqual([[START, 'firing', null]]);
    now += 1000;
    await record(undefined, snapshot([]));
    expect(await statuses('n')).toEqual([[START, 'resolved', new Date(now).toISOString()]]);
  });

  it('two instances starting at once record each resolution once', async () => {
    await stored([webhookFiring(alert('t'))]);
    await Promise.all([
      restarted(RESTART)(undefined, snapshot([])),
      restarted(RESTART)(undefined, snapshot([])),
    ]);
    expect(await prisma.alertEvent.count({ where: { fingerprint: 't' } })).toBe(2);
  });
});

describe('the acknowledgement reconciler', () => {
  async function openAck(fingerprint: string) {
    const user = await prisma.user.create({
      data: { email: `${fingerprint}@example.com`, role: 'responder' },
    });
    return prisma.acknowledgement.create({
      data: {
        cluster: 'default',
        fingerprint,
        alertLabels: {},
        alertStartsAt: new Date(START),
        userId: user.id,
      },
    });
  }
  const cleared = async (id: string) =>
    (await prisma.acknowledgement.findUniqueOrThrow({ where: { id } })).clearedReason;

  it('keeps an acknowledgement while the only peer that reported its alert is down', async () => {
    const ack = await openAck('k');
    const reconcile = ackReconciler(
      'default',
      () => 1000,
      async () => {},
    );
    const onPeer2 = alert('k', [P2]);
    await reconcile(snapshot([onPeer2]), snapshot([], [P2]));
    expect(await cleared(ack.id)).toBeNull();
    // The previous poll no longer lists it either: still unknown while peer 2 is down.
    await reconcile(snapshot([], [P2]), snapshot([], [P2]));
    expect(await cleared(ack.id)).toBeNull();
    // Peer 2 answers without it: resolved.
    await reconcile(snapshot([], [P2]), snapshot([]));
    expect(await cleared(ack.id)).toBe('resolved');
  });

  it('closes it when the alert is gone and the peer that reported it answered, another being down', async () => {
    const ack = await openAck('c');
    await ackReconciler(
      'default',
      () => 1000,
      async () => {},
    )(snapshot([alert('c', [P2])]), snapshot([], [P1]));
    expect(await cleared(ack.id)).toBe('resolved');
  });
});

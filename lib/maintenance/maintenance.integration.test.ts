import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getSilences, postAlerts } from '@/lib/alertmanager/client';
import type { Actor } from '@/lib/auth/actor';
import { createPrismaClient, type PrismaClient } from '@/lib/db/client';
import { applyMigrations } from '@/lib/db/migrate';
import { runtimeState } from '@/lib/db/runtime';
import { ValidationError } from '@/lib/errors';
import { startConsoleStack, stopConsoleStack } from '@/lib/testing/console-stack';
import type { UpstreamTarget } from '@/lib/upstreams/http';
import { alertmanagerPeerTargets } from '@/lib/upstreams/targets';
import type { Stack } from '../../scripts/stack/start-stack';
import { waitFor } from '../../scripts/stack/wait';
import type { MaintenanceWindowInput } from './schemas';

/**
 * Maintenance windows against the harness's real Alertmanager HA pair and real PostgreSQL: each
 * occurrence gets its silence ahead of time, exactly once when two scheduler instances (each with its
 * own database connection pool, as two Vigil processes) run at the same moment, across a
 * daylight-saving change; a change to the window replaces the silences of occurrences not started.
 */

let stack: Stack;
let prisma: PrismaClient;
let second: PrismaClient;
let peers: UpstreamTarget[];
let responder: Actor;
let viewer: Actor;
let windows: typeof import('./windows');
let scheduler: typeof import('./scheduler');

beforeAll(async () => {
  stack = await startConsoleStack();
  await applyMigrations(stack.databaseUrl, path.join(process.cwd(), 'prisma', 'migrations'));
  runtimeState().databaseUrl = stack.databaseUrl;
  prisma = createPrismaClient(stack.databaseUrl);
  second = createPrismaClient(stack.databaseUrl);
  const user = async (email: string, role: 'responder' | 'viewer'): Promise<Actor> => {
    const u = await prisma.user.create({ data: { email, name: email.split('@')[0], role } });
    return { id: u.id, email, name: u.name, role, via: 'session', ip: '127.0.0.1' };
  };
  responder = await user('ana@example.com', 'responder');
  viewer = await user('vic@example.com', 'viewer');
  peers = alertmanagerPeerTargets({ name: 'default', peers: stack.alertmanagerUrls, timeoutMs: 5000 });
  windows = await import('./windows');
  scheduler = await import('./scheduler');
}, 120_000);

afterAll(async () => {
  await prisma?.$disconnect();
  await second?.$disconnect();
  await stopConsoleStack(stack);
});

const input = (overrides: Partial<MaintenanceWindowInput>): MaintenanceWindowInput => ({
  name: 'Sunday patching',
  matchers: 'job="maintenance-test"',
  firstStart: '2027-03-21T02:00',
  timeZone: 'Europe/Brussels',
  durationSeconds: 2 * 3600,
  rrule: 'FREQ=WEEKLY;BYDAY=SU',
  clusters: [],
  comment: 'Kernel patching',
  leadSeconds: 86_400,
  paused: false,
  ...overrides,
});

/** The window's silences on a peer that are not expired, as Alertmanager holds them. */
async function silencesOf(peer: UpstreamTarget, windowName: string) {
  const all = await getSilences(peer);
  return all.filter((s) => s.state !== 'expired' && s.createdBy === `Vigil maintenance: ${windowName}`);
}

/** Two scheduler passes at once, as two Vigil instances with their own pools. */
const twoInstances = (now: Date) =>
  Promise.all([
    scheduler.runMaintenanceOnce({ client: prisma, now }),
    scheduler.runMaintenanceOnce({ client: second, now }),
  ]);

describe('maintenance windows on the real Alertmanager pair', () => {
  it('creates the silence of the spring-forward Sunday once, from two instances, at 03:00–04:00 local', async () => {
    const { window } = await windows.createMaintenanceWindow(responder, input({}));
    // 2027-03-28 is the Sunday Brussels moves from 02:00 CET to 03:00 CEST: the window runs 03:00–04:00.
    const now = new Date('2027-03-27T12:00:00Z');
    const [a, b] = await twoInstances(now);
    expect([...a, ...b]).toEqual([`Sunday patching @ default 2027-03-28T01:00:00.000Z`]);
    // A second round of passes finds the silence made.
    expect((await twoInstances(now)).flat()).toEqual([]);

    for (const peer of peers) {
      // Gossip carries the silence from the peer that took it to the other one.
      const found = await waitFor(
        async () => {
          const list = await silencesOf(peer, window.name);
          return list.length > 0 ? list : undefined;
        },
        { timeoutMs: 10_000, intervalMs: 100, what: `the maintenance silence on ${peer.name}` },
      );
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({
        startsAt: '2027-03-28T01:00:00.000Z',
        endsAt: '2027-03-28T02:00:00.000Z',
        matchers: [{ name: 'job', value: 'maintenance-test', isRegex: false, isEqual: true }],
      });
      expect(found[0]?.comment).toContain('Kernel patching (Vigil maintenance window "Sunday patching"');
    }
    const rows = await prisma.maintenanceOccurrence.findMany({ where: { windowId: window.id } });
    expect(rows).toHaveLength(1);
    expect(await prisma.auditLog.count({ where: { action: 'maintenance.silence_created' } })).toBe(1);
  });

  it('makes the next Sunday (CEST, 02:00–04:00) only once its lead time has come', async () => {
    expect((await twoInstances(new Date('2027-04-02T23:00:00Z'))).flat()).toEqual([]);
    const made = (await twoInstances(new Date('2027-04-03T01:00:00Z'))).flat();
    expect(made).toEqual(['Sunday patching @ default 2027-04-04T00:00:00.000Z']);
  });

  it('replaces the silences of occurrences not started when the window changes', async () => {
    const [listed] = (await windows.listMaintenanceWindows(viewer)).filter(
      (w) => w.name === 'Sunday patching',
    );
    expect(listed?.silences.map((s) => s.silenceId !== null)).toEqual([true, true]);
    const before = await silencesOf(peers[0] as UpstreamTarget, 'Sunday patching');
    expect(before).toHaveLength(2);

    const saved = await windows.updateMaintenanceWindow(
      responder,
      listed?.id ?? '',
      input({ firstStart: '2027-03-21T01:00', durationSeconds: 3600 }),
    );
    expect(saved.notExpired).toEqual([]);
    expect(saved.window.silences).toEqual([]);
    expect(await silencesOf(peers[0] as UpstreamTarget, 'Sunday patching')).toEqual([]);

    const made = (await twoInstances(new Date('2027-03-27T12:00:00Z'))).flat();
    // 01:00 CET on the spring-forward Sunday exists: 00:00Z to 02:00 local, which is 03:00 CEST (01:00Z).
    expect(made).toEqual(['Sunday patching @ default 2027-03-28T00:00:00.000Z']);
    const after = await silencesOf(peers[0] as UpstreamTarget, 'Sunday patching');
    expect(after.map((s) => [s.startsAt, s.endsAt])).toEqual([
      ['2027-03-28T00:00:00.000Z', '2027-03-28T01:00:00.000Z'],
    ]);
  });

  it('shows which firing alerts it would suppress', async () => {
    const alert = {
      labels: { alertname: 'MaintenanceProbe', job: 'maintenance-test', severity: 'warning' },
      annotations: {},
      startsAt: new Date(Date.now() - 60_000).toISOString(),
      endsAt: new Date(Date.now() + 3_600_000).toISOString(),
    };
    await Promise.all(peers.map((p) => postAlerts(p, [alert])));
    const window = await waitFor(
      async () => {
        const [w] = await windows.listMaintenanceWindows(viewer);
        return w && w.wouldSuppress.count > 0 ? w : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 250, what: 'the probe alert in the window preview' },
    );
    expect(window.wouldSuppress.alerts.map((a) => a.alertname)).toEqual(['MaintenanceProbe']);
  });

  it('refuses what Alertmanager or the calendar would not take, naming each field', async () => {
    const refused = await windows
      .createMaintenanceWindow(
        responder,
        input({
          name: 'Bad',
          matchers: 'job=~"("',
          timeZone: 'Mars/Olympus',
          rrule: 'FREQ=MINUTELY',
          clusters: ['nope'],
        }),
      )
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ValidationError);
    expect(Object.keys((refused as ValidationError).fields).sort()).toEqual([
      'clusters',
      'matchers',
      'rrule',
      'timeZone',
    ]);
    await expect(windows.createMaintenanceWindow(viewer, input({ name: 'Viewer' }))).rejects.toThrow();
    // A day the calendar does not have: the field's 422, and nothing stored (Date.parse took it as 2 March).
    const count = await prisma.maintenanceWindow.count();
    const noSuchDay = await windows
      .createMaintenanceWindow(responder, input({ name: 'No such day', firstStart: '2026-02-30T02:00' }))
      .catch((e: unknown) => e);
    expect(Object.keys((noSuchDay as ValidationError).fields)).toEqual(['firstStart']);
    expect(await prisma.maintenanceWindow.count()).toBe(count);
  });

  it.each([
    ['COUNT=0', 'rrule', { rrule: 'FREQ=WEEKLY;BYDAY=SU;COUNT=0' }],
    // 00:59Z is 01:59 in Brussels, a minute before the first 02:00 start.
    ['UNTIL before the first start', 'rrule', { rrule: 'FREQ=WEEKLY;BYDAY=SU;UNTIL=20270321T005900Z' }],
    ['a 7-day window every day', 'durationSeconds', { durationSeconds: 7 * 86_400, rrule: 'FREQ=DAILY' }],
    ['a 25-hour window every day', 'durationSeconds', { durationSeconds: 25 * 3600, rrule: 'FREQ=DAILY' }],
    [
      'every occurrence over',
      'rrule',
      { firstStart: '2020-01-05T02:00', rrule: 'FREQ=WEEKLY;BYDAY=SU;COUNT=3' },
    ],
    // rrule never returns from a negative INTERVAL: stored, it would hang every scheduler pass.
    ['INTERVAL=-1', 'rrule', { rrule: 'FREQ=DAILY;INTERVAL=-1' }],
    // No 30 February: rrule would step day by day to the year 9999 (7 s of the event loop) looking.
    ['a day that does not exist', 'rrule', { rrule: 'FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30' }],
    // Every other month from March is never February.
    ['months the interval skips', 'rrule', { rrule: 'FREQ=MONTHLY;INTERVAL=2;BYMONTH=2;BYMONTHDAY=1' }],
  ] as const)(
    'refuses a rule that never starts, never ends or has ended: %s (422 on %s, nothing stored)',
    async (name, field, bad) => {
      const count = await prisma.maintenanceWindow.count();
      const refused = await windows
        .createMaintenanceWindow(responder, input({ name, ...bad }))
        .catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(ValidationError);
      expect((refused as ValidationError).status).toBe(422);
      const { fields } = refused as ValidationError;
      expect(Object.keys(fields)).toEqual([field]);
      expect(fields[field]).toMatch(/[^.]\.$/);
      expect(await prisma.maintenanceWindow.count()).toBe(count);
      expect(await prisma.maintenanceWindow.findFirst({ where: { name } })).toBeNull();
    },
  );

  it('refuses the same on a change, keeping the stored window and its silences', async () => {
    const stored = await prisma.maintenanceWindow.findUniqueOrThrow({ where: { name: 'Sunday patching' } });
    const silences = await prisma.maintenanceOccurrence.count({ where: { windowId: stored.id } });
    const refused = await windows
      .updateMaintenanceWindow(
        responder,
        stored.id,
        input({ durationSeconds: 25 * 3600, rrule: 'FREQ=DAILY' }),
      )
      .catch((e: unknown) => e);
    expect(Object.keys((refused as ValidationError).fields)).toEqual(['durationSeconds']);
    expect(await prisma.maintenanceWindow.findUniqueOrThrow({ where: { id: stored.id } })).toEqual(stored);
    expect(await prisma.maintenanceOccurrence.count({ where: { windowId: stored.id } })).toBe(silences);
  });

  it('keeps listing and scheduling the other windows when a stored one cannot be scheduled', async () => {
    const { window } = await windows.createMaintenanceWindow(
      responder,
      input({ name: 'Written before the check' }),
    );
    // As an older Vigil could store it: straight into the table.
    await prisma.maintenanceWindow.update({
      where: { id: window.id },
      data: { firstStart: '2026-02-30T02:00' },
    });
    try {
      const listed = await windows.listMaintenanceWindows(viewer);
      expect(listed.find((w) => w.id === window.id)?.upcoming).toEqual([]);
      expect(listed.some((w) => w.id !== window.id && w.upcoming.length > 0)).toBe(true);
      await expect(
        scheduler.runMaintenanceOnce({ client: prisma, now: new Date('2027-01-01T00:00:00Z') }),
      ).resolves.toBeDefined();
    } finally {
      await prisma.maintenanceWindow.delete({ where: { id: window.id } });
    }
  });

  it('expires the silences of occurrences not started when the window is deleted', async () => {
    const [listed] = await windows.listMaintenanceWindows(viewer);
    const { notExpired } = await windows.deleteMaintenanceWindow(responder, listed?.id ?? '');
    expect(notExpired).toEqual([]);
    expect(await silencesOf(peers[0] as UpstreamTarget, 'Sunday patching')).toEqual([]);
    expect(await prisma.maintenanceOccurrence.count()).toBe(0);
  });
});

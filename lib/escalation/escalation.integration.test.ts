import { rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { POST as postEscalate } from '@/app/api/v1/incidents/[id]/escalate/route';
import type { Actor } from '@/lib/auth/actor';
import { generateApiToken } from '@/lib/auth/api-token';
import type { EscalationLevelConfig } from '@/lib/config/load';
import type { ChannelConfig } from '@/lib/config/schema';
import { db } from '@/lib/db';
import { createPrismaClient, type PrismaClient } from '@/lib/db/client';
import { type EmbeddedDatabase, startEmbeddedPostgres } from '@/lib/db/embedded';
import { applyMigrations } from '@/lib/db/migrate';
import { runtimeState } from '@/lib/db/runtime';
import { ConflictError } from '@/lib/errors';
import { acknowledgeIncident, updateIncident } from '@/lib/incidents/incidents';
import { startLoop } from '@/lib/loop';
import { PER_CHANNEL, runOutboxOnce, startOutbox } from '@/lib/notify/outbox';
import type { Smtp } from '@/lib/notify/send';
import {
  type SmtpSink,
  startSmtpSink,
  startWebhookReceiver,
  type WebhookReceiver,
} from '@/lib/notify/testing/sinks';
import { context } from '@/lib/testing/route-harness';
import { parseInput } from '@/lib/validation';
import { escalateBodySchema } from './api-schema';
import { escalateIncident as escalateParsed } from './manual';
import { syncEscalationPolicy } from './policy';
import { runEscalationOnce } from './scheduler';

/**
 * Escalation end to end against a real PostgreSQL (embedded, migrated like production), a real SMTP
 * server (Debian's aiosmtpd) and a local node:http server standing in for Slack, Discord and webhook
 * receivers. Incidents are created directly with Prisma.
 */

// The route authenticates with a real API token; only Auth.js (which does not load outside Next), the
// request headers and the config (which needs the whole environment) are stand-ins.
const request = vi.hoisted(() => ({ headers: new Headers() }));
const routePolicy = vi.hoisted(() => [
  { level: 1, name: 'Chat', delaySeconds: 0, targets: ['ops-chat'] },
  { level: 2, name: 'On-call SRE', delaySeconds: 2, targets: ['sre-hook'] },
]);
vi.mock('@/lib/auth/next-auth', () => ({ auth: async () => null }));
vi.mock('next/headers', () => ({ headers: async () => request.headers }));
vi.mock('@/lib/config/current', () => ({ config: () => ({ escalation: { levels: routePolicy } }) }));
// route() reads the environment, and checks each answer against its operation as in every test.
await vi.hoisted(async () => (await import('@/lib/testing/route-harness')).setRouteEnv());

const MIGRATIONS = path.join(process.cwd(), 'prisma', 'migrations');
const tokens: Record<string, string> = {};

let dataDir: string;
let server: EmbeddedDatabase;
let smtpSink: SmtpSink;
let receiver: WebhookReceiver;
let channels: ChannelConfig[];
let smtp: Smtp;

/** L1 at once to chat and e-mail, L2 two seconds later to the webhook and Discord. */
const POLICY: EscalationLevelConfig[] = [
  { level: 1, name: 'Chat', delaySeconds: 0, targets: ['ops-chat', 'sre-mail'] },
  { level: 2, name: 'On-call SRE', delaySeconds: 2, targets: ['sre-hook', 'sre-discord'] },
];

/**
 * The levels as VIGIL_CONFIG would give them: written to the default policy (as at start-up) when they
 * differ from the last written, which incidents without a policy of their own escalate under.
 */
let synced = '';
async function writeLevels(policy: readonly EscalationLevelConfig[]) {
  const key = JSON.stringify(policy);
  if (key === synced) return;
  await syncEscalationPolicy(db(), policy);
  synced = key;
}

const runEscalation = async (
  policy: readonly EscalationLevelConfig[],
  options: Parameters<typeof runEscalationOnce>[0] = {},
) => {
  await writeLevels(policy);
  return runEscalationOnce(options);
};

/** A body as the route hands it over: parsed by the operation's schema, whose refusals are 422s. */
const escalateIncident = async (
  actor: Actor,
  ref: string,
  body: unknown,
  policy: readonly EscalationLevelConfig[],
  now?: Date,
) => {
  await writeLevels(policy);
  return escalateParsed(actor, ref, parseInput(escalateBodySchema, body), now);
};

const RESPONDER: Actor = {
  id: 'user-responder',
  email: 'responder@example.com',
  name: 'Responder',
  role: 'responder',
  via: 'token',
  ip: null,
};

let seq = 0;
async function makeIncident(openedAt = new Date(), client: PrismaClient = db()) {
  seq += 1;
  return client.incident.create({
    // Due for escalation from its opening, as insertIncident (lib/incidents/auto-open.ts) writes it.
    data: { title: `Checkout API down ${seq}`, severity: 'critical', openedAt, nextEscalationAt: openedAt },
  });
}

const timelineOf = (incidentId: string) =>
  db().timelineEvent.findMany({ where: { incidentId }, orderBy: { id: 'asc' } });

const later = (base: Date, seconds: number) => new Date(base.getTime() + seconds * 1000);

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'vigil-escalation-'));
  [server, smtpSink, receiver] = await Promise.all([
    startEmbeddedPostgres(dataDir),
    startSmtpSink(),
    startWebhookReceiver(),
  ]);
  await applyMigrations(server.url, MIGRATIONS);
  runtimeState().databaseUrl = server.url;
  await db().user.create({ data: { id: RESPONDER.id, email: RESPONDER.email, role: 'responder' } });
  await db().user.create({ data: { id: 'user-viewer', email: 'viewer@example.com', role: 'viewer' } });
  for (const [role, userId] of [
    ['viewer', 'user-viewer'],
    ['responder', RESPONDER.id],
  ] as const) {
    const { secret, hash, prefix } = generateApiToken();
    await db().apiToken.create({ data: { name: role, userId, tokenHash: hash, prefix } });
    tokens[role] = secret;
  }
  // The secret in the path stands for a Slack or Discord token: it must never reach a log or the timeline.
  channels = [
    { name: 'ops-chat', type: 'slack', url: `${receiver.url}/slack/T000/SECRET-TOKEN` },
    { name: 'sre-mail', type: 'email', to: ['sre@example.com'] },
    {
      name: 'sre-hook',
      type: 'webhook',
      url: `${receiver.url}/hook`,
      auth: { type: 'bearer', token: 't0k' },
    },
    { name: 'sre-discord', type: 'discord', url: `${receiver.url}/discord/SECRET-TOKEN` },
    { name: 'flaky-hook', type: 'webhook', url: `${receiver.url}/flaky/SECRET-TOKEN` },
  ];
  smtp = { host: '127.0.0.1', port: smtpSink.port, secure: false, from: 'vigil@example.com' };
});

afterAll(async () => {
  await db().$disconnect();
  await Promise.all([server?.stop(), smtpSink?.stop(), receiver?.stop()]);
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

beforeEach(async () => {
  await db().$executeRawUnsafe('TRUNCATE incidents, notifications, audit_log CASCADE');
  receiver.received.length = 0;
});

const mailsTo = (incidentNumber: number) =>
  smtpSink.messages().filter((m) => m.includes(`INC-${incidentNumber} [critical]`));

describe('the escalation policy', () => {
  it('is written to the policy tables at start-up, and follows the config on the next start', async () => {
    await writeLevels(POLICY);
    await writeLevels([POLICY[0] as EscalationLevelConfig]);
    const policy = await db().escalationPolicy.findUniqueOrThrow({
      where: { name: 'default' },
      include: { levels: { orderBy: { level: 'asc' } } },
    });
    expect(policy.isDefault).toBe(true);
    expect(policy.levels.map((l) => [l.level, l.name, l.delaySeconds, l.targets])).toEqual([
      [1, 'Chat', 0, ['ops-chat', 'sre-mail']],
    ]);
  });
});

describe('timer escalation', () => {
  it('raises an unacknowledged incident L1 → L2 on time, notifying each level’s targets exactly once', async () => {
    const loop = startLoop('escalation pass', 200, async () => {
      await runEscalation(POLICY);
      await runOutboxOnce({ channels, smtp });
    });
    try {
      const incident = await makeIncident();
      await expect
        .poll(async () => (await db().incident.findUnique({ where: { id: incident.id } }))?.escalationLevel, {
          timeout: 10_000,
          interval: 100,
        })
        .toBe(2);
      // A receiver has the message a moment before the worker commits its result: wait for the rows.
      await expect
        .poll(() => db().notification.count({ where: { incidentId: incident.id, status: 'sent' } }), {
          timeout: 10_000,
        })
        .toBe(4);
      await loop.stop();

      const raised = (await timelineOf(incident.id)).filter((e) => e.type === 'escalation.raised');
      expect(raised.map((e) => e.data)).toEqual([
        expect.objectContaining({ level: 1, name: 'Chat', reason: 'timer' }),
        expect.objectContaining({ level: 2, name: 'On-call SRE', reason: 'timer' }),
      ]);
      const [l1, l2] = raised.map((e) => e.at.getTime() - incident.openedAt.getTime());
      console.info(
        `[test] L1 raised ${l1} ms after opening, L2 ${l2} ms (policy: 0 s, 2 s; pass every 200 ms)`,
      );
      // Due: L1 at once, L2 2 s after L1 was raised (see step.ts); a pass runs every 200 ms, so each is
      // raised within a pass or so of its time (the slack is for a loaded test machine).
      expect(l1).toBeLessThan(1500);
      expect(l2).toBeGreaterThanOrEqual((l1 ?? 0) + 2000);
      expect(l2).toBeLessThan((l1 ?? 0) + 3000);

      // More passes change nothing: each level notified each target once.
      for (let i = 0; i < 3; i++) {
        await runEscalation(POLICY, { now: later(new Date(), 3600) });
        await runOutboxOnce({ channels, smtp, now: () => later(new Date(), 3600) });
      }
      expect(receiver.received.map((r) => r.path).sort()).toEqual([
        '/discord/SECRET-TOKEN',
        '/hook',
        '/slack/T000/SECRET-TOKEN',
      ]);
      expect(mailsTo(incident.number)).toHaveLength(1);
      expect(mailsTo(incident.number)[0]).toContain('To: sre@example.com');
      const notifications = await db().notification.findMany({ where: { incidentId: incident.id } });
      expect(notifications.map((n) => [n.channel, n.status, n.attempts]).sort()).toEqual([
        ['ops-chat', 'sent', 1],
        ['sre-discord', 'sent', 1],
        ['sre-hook', 'sent', 1],
        ['sre-mail', 'sent', 1],
      ]);
      const hook = receiver.received.find((r) => r.path === '/hook');
      expect(hook?.headers.authorization).toBe('Bearer t0k');
      expect(hook?.body).toMatchObject({
        incident: { id: incident.id, number: incident.number, severity: 'critical', level: 2, url: null },
        level: { level: 2, name: 'On-call SRE' },
        text: `INC-${incident.number} [critical] ${incident.title} — escalated to L2 On-call SRE`,
      });
      expect(receiver.received.find((r) => r.path.startsWith('/slack'))?.body).toMatchObject({
        text: `INC-${incident.number} [critical] ${incident.title} — escalated to L1 Chat`,
      });
      const sent = (await timelineOf(incident.id)).filter((e) => e.type === 'notification.sent');
      expect(sent).toHaveLength(4);
    } finally {
      await loop.stop();
    }
  });

  it('stops at an acknowledgement: no further level, and a queued timer page is cancelled, not sent', async () => {
    const opened = new Date();
    const incident = await makeIncident(opened);
    expect(await runEscalation(POLICY, { now: opened })).toEqual([`INC-${incident.number} → L1`]);
    // Acknowledged before the outbox ran (as the incidents module does: both columns).
    await db().incident.update({
      where: { id: incident.id },
      data: { status: 'acknowledged', acknowledgedAt: later(opened, 1) },
    });
    for (const t of [2, 5, 60, 3600])
      expect(await runEscalation(POLICY, { now: later(opened, t) })).toEqual([]);
    expect(await runOutboxOnce({ channels, smtp, now: () => later(opened, 2) })).toEqual([
      'cancelled',
      'cancelled',
    ]);
    const row = await db().incident.findUniqueOrThrow({ where: { id: incident.id } });
    expect(row.escalationLevel).toBe(1);
    expect(receiver.received).toEqual([]);
    expect(mailsTo(incident.number)).toEqual([]);
    expect((await timelineOf(incident.id)).map((e) => e.type)).toEqual([
      'escalation.raised',
      'notification.cancelled',
      'notification.cancelled',
    ]);
  });

  it('two scheduler instances running at once raise and notify each incident once', async () => {
    const a = createPrismaClient(server.url);
    const b = createPrismaClient(server.url);
    try {
      const opened = new Date();
      const incidents = await Promise.all(Array.from({ length: 25 }, () => makeIncident(opened)));
      const started = performance.now();
      const byInstance = { a: 0, b: 0 };
      for (const t of [0, 0.5, 2.5, 3, 10]) {
        const now = later(opened, t);
        const [ra, rb] = await Promise.all([
          runEscalation(POLICY, { client: a, now }),
          runEscalation(POLICY, { client: b, now }),
        ]);
        byInstance.a += ra.length;
        byInstance.b += rb.length;
        expect(ra.filter((line) => rb.includes(line))).toEqual([]);
        await Promise.all([
          runOutboxOnce({ channels, smtp, client: a, now: () => now }),
          runOutboxOnce({ channels, smtp, client: b, now: () => now }),
        ]);
      }
      console.info(
        `[test] 2 instances × 25 incidents: raised by a ${byInstance.a}, by b ${byInstance.b} in ${Math.round(performance.now() - started)} ms`,
      );
      expect(byInstance.a + byInstance.b).toBe(50);
      const notifications = await db().notification.findMany();
      expect(notifications).toHaveLength(100);
      expect(notifications.every((n) => n.status === 'sent' && n.attempts === 1)).toBe(true);
      expect(receiver.received).toHaveLength(75);
      const perIncident = new Map<number, number>();
      for (const r of receiver.received) {
        const n =
          (r.body as { text?: string; content?: string }).text ?? (r.body as { content: string }).content;
        const number = Number(/INC-(\d+)/.exec(n)?.[1]);
        perIncident.set(number, (perIncident.get(number) ?? 0) + 1);
      }
      expect([...perIncident.values()]).toEqual(incidents.map(() => 3));
      for (const incident of incidents) expect(mailsTo(incident.number)).toHaveLength(1);
      const raised = await db().timelineEvent.count({ where: { type: 'escalation.raised' } });
      expect(raised).toBe(50);
    } finally {
      await Promise.all([a.$disconnect(), b.$disconnect()]);
    }
  });
});

describe('the outbox', () => {
  it('retries a failing webhook (local fake answering 500), shows each failure on the timeline, then delivers', async () => {
    const policy: EscalationLevelConfig[] = [
      { level: 1, name: 'Chat', delaySeconds: 0, targets: ['flaky-hook'] },
    ];
    const retry = { schedule: [10, 30], maxAttempts: 5 };
    const opened = new Date();
    const incident = await makeIncident(opened);
    receiver.answer('/flaky/SECRET-TOKEN', 500);
    await runEscalation(policy, { now: opened });
    expect(await runOutboxOnce({ channels, smtp, retry, now: () => opened })).toEqual(['failed']);
    // Not due again before its back-off has passed.
    expect(await runOutboxOnce({ channels, smtp, retry, now: () => later(opened, 9) })).toEqual([]);
    expect(await runOutboxOnce({ channels, smtp, retry, now: () => later(opened, 10) })).toEqual(['failed']);
    // The receiver recovers; a fresh instance (a restarted Vigil) finds the retry in PostgreSQL.
    receiver.answer('/flaky/SECRET-TOKEN', 204);
    const restarted = createPrismaClient(server.url);
    try {
      expect(
        await runOutboxOnce({ channels, smtp, retry, client: restarted, now: () => later(opened, 39) }),
      ).toEqual([]);
      expect(
        await runOutboxOnce({ channels, smtp, retry, client: restarted, now: () => later(opened, 40) }),
      ).toEqual(['sent']);
    } finally {
      await restarted.$disconnect();
    }
    expect(receiver.received.map((r) => r.status)).toEqual([500, 500, 204]);
    const row = await db().notification.findFirstOrThrow({ where: { incidentId: incident.id } });
    expect([row.status, row.attempts, row.lastError]).toEqual(['sent', 3, null]);
    const events = (await timelineOf(incident.id)).filter((e) => e.type.startsWith('notification.'));
    expect(events.map((e) => [e.type, e.data])).toEqual([
      [
        'notification.failed',
        expect.objectContaining({
          channel: 'flaky-hook',
          level: 1,
          attempt: 1,
          error: 'the receiver answered HTTP 500',
          retryAt: later(opened, 10).toISOString(),
        }),
      ],
      [
        'notification.failed',
        expect.objectContaining({ attempt: 2, retryAt: later(opened, 40).toISOString() }),
      ],
      ['notification.sent', expect.objectContaining({ channel: 'flaky-hook', level: 1, attempt: 3 })],
    ]);
    expect(JSON.stringify(events.map((e) => e.data))).not.toContain('SECRET');
  });

  it('gives up after the last attempt and says so on the timeline', async () => {
    const policy: EscalationLevelConfig[] = [
      { level: 1, name: 'Chat', delaySeconds: 0, targets: ['flaky-hook'] },
    ];
    const opened = new Date();
    const incident = await makeIncident(opened);
    receiver.answer('/flaky/SECRET-TOKEN', 500);
    await runEscalation(policy, { now: opened });
    const retry = { schedule: [1], maxAttempts: 2 };
    expect(await runOutboxOnce({ channels, smtp, retry, now: () => opened })).toEqual(['failed']);
    expect(await runOutboxOnce({ channels, smtp, retry, now: () => later(opened, 1) })).toEqual(['dead']);
    expect(await runOutboxOnce({ channels, smtp, retry, now: () => later(opened, 3600) })).toEqual([]);
    const last = (await timelineOf(incident.id)).at(-1);
    expect(last?.data).toMatchObject({ attempt: 2, final: true, error: 'the receiver answered HTTP 500' });
    receiver.answer('/flaky/SECRET-TOKEN', 204);
  });
});

describe('due work only', () => {
  it('with 250 open incidents not yet due, a new critical incident is taken first and gets its L1 at once', async () => {
    // L1 at once, L2 after 10 minutes: the 250 were paged at L1 and wait for their L2.
    const policy: EscalationLevelConfig[] = [
      { level: 1, name: 'Chat', delaySeconds: 0, targets: ['ops-chat'] },
      { level: 2, name: 'On-call SRE', delaySeconds: 600, targets: ['sre-hook'] },
    ];
    const opened = new Date();
    await db().incident.createMany({
      data: Array.from({ length: 250 }, (_, i) => ({
        title: `Waiting ${i}`,
        severity: 'warning',
        openedAt: opened,
        escalationLevel: 1,
        lastEscalatedAt: opened,
        nextEscalationAt: opened,
      })),
    });
    // The first pass looks at each once and stores when its L2 is due.
    expect(await runEscalation(policy, { now: opened })).toEqual([]);
    const waiting = await db().incident.findMany({ select: { nextEscalationAt: true } });
    expect(new Set(waiting.map((w) => w.nextEscalationAt?.toISOString()))).toEqual(
      new Set([later(opened, 600).toISOString()]),
    );

    const urgent = await db().incident.create({
      data: {
        title: 'Checkout API down',
        severity: 'critical',
        openedAt: later(opened, 5),
        nextEscalationAt: later(opened, 5),
      },
    });
    const now = later(opened, 5);
    // The query a pass runs: the new incident is the first (and only) due row, found through the index.
    await db().$executeRawUnsafe('ANALYZE incidents');
    const plan = await db().$queryRaw<{ 'QUERY PLAN': string }[]>`
      EXPLAIN SELECT id FROM incidents WHERE next_escalation_at <= ${now}
      ORDER BY next_escalation_at LIMIT 1 FOR UPDATE SKIP LOCKED`;
    expect(plan.map((r) => r['QUERY PLAN']).join('\n')).toContain('incidents_next_escalation_at_idx');
    const [first] = await db().$queryRaw<{ id: string }[]>`
      SELECT id FROM incidents WHERE next_escalation_at <= ${now}
      ORDER BY next_escalation_at LIMIT 1 FOR UPDATE SKIP LOCKED`;
    expect(first?.id).toBe(urgent.id);

    const started = performance.now();
    expect(await runEscalation(policy, { now })).toEqual([`INC-${urgent.number} → L1`]);
    console.info(`[test] pass with 250 waiting and 1 due: ${Math.round(performance.now() - started)} ms`);
    expect(await runOutboxOnce({ channels, smtp, now: () => now })).toEqual(['sent']);
    expect(
      await db().incident.count({ where: { escalationLevel: 1, nextEscalationAt: later(opened, 600) } }),
    ).toBe(250);
    expect(receiver.received.map((r) => (r.body as { text: string }).text)).toEqual([
      `INC-${urgent.number} [critical] Checkout API down — escalated to L1 Chat`,
    ]);
  });
});

describe('acknowledgement under the incident’s row lock', () => {
  it('an acknowledgement in progress holds the queued page back, and cancels it when it commits', async () => {
    const opened = new Date();
    const incident = await makeIncident(opened);
    const policy: EscalationLevelConfig[] = [
      { level: 1, name: 'Chat', delaySeconds: 0, targets: ['ops-chat'] },
    ];
    await runEscalation(policy, { now: opened });
    let outbox: Promise<string[]> | undefined;
    let settledDuringAck = false;
    // The acknowledgement's transaction, held open while the outbox runs (acknowledgeIncident takes the
    // same lock and makes the same change).
    await db().$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT id FROM incidents WHERE id = ${incident.id} FOR UPDATE`;
        await tx.incident.update({
          where: { id: incident.id },
          data: { status: 'acknowledged', acknowledgedAt: later(opened, 1), nextEscalationAt: null },
        });
        outbox = runOutboxOnce({ channels, smtp, now: () => later(opened, 1) });
        void outbox.then(() => {
          settledDuringAck = true;
        });
        await new Promise((r) => setTimeout(r, 1000));
        expect(settledDuringAck).toBe(false);
        expect(receiver.received).toEqual([]);
      },
      { timeout: 15_000 },
    );
    expect(await outbox).toEqual(['cancelled']);
    expect(receiver.received).toEqual([]);
    const row = await db().notification.findFirstOrThrow({ where: { incidentId: incident.id } });
    expect([row.status, row.attempts, row.lastError]).toEqual([
      'cancelled',
      0,
      'not sent: the incident was acknowledged first',
    ]);
  });

  it('an acknowledgement through the API racing the outbox: each page is sent or cancelled, never both, and no next level', async () => {
    const opened = new Date();
    const incident = await makeIncident(opened);
    await runEscalation(POLICY, { now: opened });
    const outbox = runOutboxOnce({ channels, smtp });
    const ack = acknowledgeIncident(RESPONDER, `INC-${incident.number}`, { reason: 'mine' });
    const [outcomes, acked] = await Promise.all([outbox, ack]);
    // Either order is allowed; never both a cancelled page and a sent one for the same claim.
    expect(acked.changed).toBe(true);
    expect(outcomes.length).toBe(2);
    expect(outcomes.every((o) => o === 'sent' || o === 'cancelled')).toBe(true);
    expect(await runEscalation(POLICY, { now: later(opened, 3600) })).toEqual([]);
    const row = await db().incident.findUniqueOrThrow({ where: { id: incident.id } });
    expect([row.status, row.escalationLevel, row.nextEscalationAt]).toEqual(['acknowledged', 1, null]);
  });
});

describe('reopening', () => {
  it('re-arms escalation from L1 in a new round, on the timeline, and cancels the old round’s unsent page', async () => {
    const policy: EscalationLevelConfig[] = [
      { level: 1, name: 'Chat', delaySeconds: 0, targets: ['ops-chat'] },
      { level: 2, name: 'On-call SRE', delaySeconds: 3600, targets: ['sre-hook'] },
    ];
    const incident = await makeIncident(new Date());
    const ref = `INC-${incident.number}`;
    expect(await runEscalation(policy)).toEqual([`${ref} → L1`]);
    expect(await runOutboxOnce({ channels, smtp })).toEqual(['sent']);
    // Manually to L2 (queued, not yet sent), then resolved and reopened before the outbox ran.
    await escalateIncident(RESPONDER, ref, { reason: 'need the SRE' }, policy);
    await updateIncident(RESPONDER, ref, { status: 'resolved' });
    const resolved = await db().incident.findUniqueOrThrow({ where: { id: incident.id } });
    expect(resolved.nextEscalationAt).toBeNull();
    expect(await runEscalation(policy, { now: later(new Date(), 7200) })).toEqual([]);

    await updateIncident(RESPONDER, ref, { status: 'open' });
    const reopened = await db().incident.findUniqueOrThrow({ where: { id: incident.id } });
    expect([reopened.escalationLevel, reopened.escalationRound]).toEqual([0, 2]);
    expect(reopened.acknowledgedAt).not.toBeNull(); // MTTA keeps the first acknowledgement
    expect(await runEscalation(policy)).toEqual([`${ref} → L1`]);
    // The manual L2 page of round 1 is still sent (a responder asked for it); round 2's L1 goes out.
    expect((await runOutboxOnce({ channels, smtp })).sort()).toEqual(['sent', 'sent']);
    expect(receiver.received.map((r) => r.path).sort()).toEqual([
      '/hook',
      '/slack/T000/SECRET-TOKEN',
      '/slack/T000/SECRET-TOKEN',
    ]);
    const keys = (await db().notification.findMany({ where: { incidentId: incident.id } })).map(
      (n) => n.dedupeKey,
    );
    expect(keys.sort()).toEqual(
      [
        `escalation:${incident.id}:L1:ops-chat`,
        `escalation:${incident.id}:L2:sre-hook`,
        `escalation:${incident.id}:r2:L1:ops-chat`,
      ].sort(),
    );
    const types = (await timelineOf(incident.id)).map((e) => e.type);
    expect(types.slice(types.indexOf('incident.status_changed'))).toEqual([
      'incident.status_changed',
      'incident.status_changed',
      'escalation.rearmed',
      'escalation.raised',
      ...types.slice(types.lastIndexOf('escalation.raised') + 1),
    ]);
    const rearmed = (await timelineOf(incident.id)).find((e) => e.type === 'escalation.rearmed');
    expect(rearmed?.data).toEqual({ round: 2, from: 2 });
  });

  it('cancels a round-1 timer page still queued when the incident was reopened', async () => {
    const policy: EscalationLevelConfig[] = [
      { level: 1, name: 'Chat', delaySeconds: 0, targets: ['ops-chat'] },
    ];
    const incident = await makeIncident(new Date());
    const ref = `INC-${incident.number}`;
    await runEscalation(policy);
    await updateIncident(RESPONDER, ref, { status: 'acknowledged' });
    await updateIncident(RESPONDER, ref, { status: 'open' });
    await runEscalation(policy);
    expect((await runOutboxOnce({ channels, smtp })).sort()).toEqual(['cancelled', 'sent']);
    expect(receiver.received).toHaveLength(1);
    const cancelled = (await timelineOf(incident.id)).find((e) => e.type === 'notification.cancelled');
    expect(cancelled?.data).toMatchObject({
      error: 'the incident was reopened since; its escalation starts again from L1',
    });
  });
});

describe('the outbox worker with a stalled receiver', () => {
  it('holds only that channel’s slots (a local fake stalling its body), sends the others meanwhile, and ends each stalled send at its deadline', async () => {
    let open = 0;
    let most = 0;
    const stall = createServer((request, response) => {
      request.resume();
      request.on('end', () => {
        open += 1;
        most = Math.max(most, open);
        response.once('close', () => {
          open -= 1;
        });
        response.writeHead(200, { 'content-type': 'application/json' });
        response.write('{"ok":');
      });
    });
    await new Promise<void>((resolve) => stall.listen(0, '127.0.0.1', resolve));
    const stalledUrl = `http://127.0.0.1:${(stall.address() as AddressInfo).port}/SECRET-TOKEN`;
    const stalledChannels: ChannelConfig[] = [
      ...channels,
      { name: 'stalled-hook', type: 'webhook', url: stalledUrl },
    ];
    const policy: EscalationLevelConfig[] = [
      { level: 1, name: 'Chat', delaySeconds: 0, targets: ['stalled-hook', 'ops-chat'] },
    ];
    const incidents = await Promise.all(Array.from({ length: 6 }, () => makeIncident()));
    await runEscalation(policy);
    const started = Date.now();
    const worker = startOutbox({ channels: stalledChannels, smtp, deadlineMs: 5000 }, 100);
    const stalledFailures = () =>
      db().notification.count({ where: { channel: 'stalled-hook', attempts: { gte: 1 }, status: 'failed' } });
    try {
      // All six chat pages go out while the stalled receiver holds its 4 requests open, before any of
      // them reached its deadline.
      await expect
        .poll(() => receiver.received.length === 6 && open === PER_CHANNEL, { timeout: 10_000 })
        .toBe(true);
      const healthyMs = Date.now() - started;
      expect(await stalledFailures()).toBe(0);
      await expect.poll(stalledFailures, { timeout: 30_000 }).toBe(6);
      console.info(
        `[test] chat pages sent ${healthyMs} ms after the worker started; the stalled sends ended after ${Date.now() - started} ms (deadline 5 s, ${PER_CHANNEL} at a time)`,
      );
      expect(most).toBe(PER_CHANNEL);
      const failed = await db().notification.findMany({ where: { channel: 'stalled-hook' } });
      expect(new Set(failed.map((n) => n.lastError))).toEqual(new Set(['no complete answer within 5 s']));
      const events = await db().timelineEvent.findMany({
        where: { type: 'notification.failed', incidentId: { in: incidents.map((i) => i.id) } },
      });
      expect(events.length).toBeGreaterThanOrEqual(6);
      expect(JSON.stringify(events.map((e) => e.data))).not.toContain('SECRET');
    } finally {
      await worker.stop();
      stall.closeAllConnections();
      await new Promise<void>((resolve) => stall.close(() => resolve()));
    }
  });
});

describe('escalateIncident (manual)', () => {
  it('moves one level up or down with a reason, audited, and notifies a level’s targets once ever', async () => {
    const opened = new Date();
    const incident = await makeIncident(opened);
    const ref = `INC-${incident.number}`;
    // The next level's time is stored with the move, for the incident page (not "due now" until the
    // scheduler's next pass).
    const nextAt = async () =>
      (await db().incident.findUniqueOrThrow({ where: { id: incident.id } })).nextEscalationAt;
    const up1 = await escalateIncident(RESPONDER, ref, { reason: 'customers report errors' }, POLICY, opened);
    expect(up1).toMatchObject({ direction: 'up', from: 0, queued: ['L1:ops-chat', 'L1:sre-mail'] });
    expect(await nextAt()).toEqual(later(opened, 2));
    const up2 = await escalateIncident(RESPONDER, incident.id, { direction: 'up' }, POLICY, later(opened, 1));
    expect(up2).toMatchObject({ from: 1, incident: { escalationLevel: 2, levelName: 'On-call SRE' } });
    expect(await nextAt()).toBeNull(); // the top level, and the policy does not repeat
    await expect(escalateIncident(RESPONDER, ref, {}, POLICY)).rejects.toBeInstanceOf(ConflictError);
    const down = await escalateIncident(
      RESPONDER,
      ref,
      { direction: 'down', reason: 'DB team has it' },
      POLICY,
      later(opened, 60),
    );
    expect(down).toMatchObject({ direction: 'down', from: 2, queued: [], incident: { escalationLevel: 1 } });
    // Lowering buys the responders L2's gap from now.
    expect(await nextAt()).toEqual(later(opened, 62));
    // Back up to L2: its people were paged already.
    expect((await escalateIncident(RESPONDER, ref, {}, POLICY)).queued).toEqual([]);
    expect(await db().notification.count({ where: { incidentId: incident.id } })).toBe(4);

    const events = (await timelineOf(incident.id)).map((e) => [e.type, e.data, e.actorId]);
    expect(events).toEqual([
      [
        'escalation.raised',
        expect.objectContaining({ level: 1, reason: 'manual', comment: 'customers report errors' }),
        RESPONDER.id,
      ],
      ['escalation.raised', expect.objectContaining({ level: 2, reason: 'manual' }), RESPONDER.id],
      [
        'escalation.lowered',
        expect.objectContaining({ level: 1, from: 2, reason: 'manual', comment: 'DB team has it' }),
        RESPONDER.id,
      ],
      ['escalation.raised', expect.objectContaining({ level: 2 }), RESPONDER.id],
    ]);
    const audits = await db().auditLog.findMany({ orderBy: { id: 'asc' } });
    expect(audits.map((a) => [a.action, a.target, a.actorEmail])).toEqual([
      ['incident.escalated', ref, RESPONDER.email],
      ['incident.escalated', ref, RESPONDER.email],
      ['incident.deescalated', ref, RESPONDER.email],
      ['incident.escalated', ref, RESPONDER.email],
    ]);
    // A manual page after an acknowledgement is deliberate, so it is delivered.
    await db().incident.update({
      where: { id: incident.id },
      data: { status: 'acknowledged', acknowledgedAt: new Date() },
    });
    const outcomes = await runOutboxOnce({ channels, smtp, now: () => later(new Date(), 1) });
    expect(outcomes).toEqual(['sent', 'sent', 'sent', 'sent']);
  });

  it('goes straight to a level (a runbook\'s "escalate to L2"), paging every level on the way once', async () => {
    const opened = new Date();
    const incident = await makeIncident(opened);
    const ref = `INC-${incident.number}`;
    const jump = await escalateIncident(
      RESPONDER,
      ref,
      { level: 2, reason: 'from the runbook instance-down' },
      POLICY,
      opened,
    );
    expect(jump).toMatchObject({
      direction: 'up',
      from: 0,
      incident: { escalationLevel: 2 },
      queued: ['L1:ops-chat', 'L1:sre-mail', 'L2:sre-hook', 'L2:sre-discord'],
    });
    await expect(escalateIncident(RESPONDER, ref, { level: 2 }, POLICY)).rejects.toBeInstanceOf(
      ConflictError,
    );
    await expect(escalateIncident(RESPONDER, ref, { level: 7 }, POLICY)).rejects.toMatchObject({
      status: 422,
      fields: { level: 'the policy has levels L1, L2' },
    });
    // The runbook's button says up: on an incident already past that level it is refused, not lowered.
    await expect(
      escalateIncident(RESPONDER, ref, { level: 1, direction: 'up' }, POLICY),
    ).rejects.toMatchObject({
      status: 409,
      message: `${ref} is already at L2, above L1: there is nothing to escalate.`,
    });
    expect((await db().incident.findUniqueOrThrow({ where: { id: incident.id } })).escalationLevel).toBe(2);
    expect(await escalateIncident(RESPONDER, ref, { level: 1 }, POLICY)).toMatchObject({
      direction: 'down',
      incident: { escalationLevel: 1 },
    });
  });

  it('refuses viewers, unknown incidents and bad input', async () => {
    const viewer: Actor = { ...RESPONDER, role: 'viewer' };
    await expect(escalateIncident(viewer, 'INC-1', {}, POLICY)).rejects.toMatchObject({ status: 403 });
    await expect(escalateIncident(RESPONDER, 'INC-999999', {}, POLICY)).rejects.toMatchObject({
      status: 404,
    });
    await expect(
      escalateIncident(RESPONDER, 'INC-1', { direction: 'sideways' }, POLICY),
    ).rejects.toMatchObject({ status: 422 });
  });
});

describe('POST /api/v1/incidents/{id}/escalate', () => {
  const call = (role: string | null, id: string, body?: unknown) => {
    request.headers = new Headers({
      ...(role ? { authorization: `Bearer ${tokens[role]}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    });
    return postEscalate(
      new Request(`http://vigil.test/api/v1/incidents/${id}/escalate`, {
        method: 'POST',
        headers: request.headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
      context({ id }),
    );
  };

  it('escalates a responder’s incident by INC-n with a bare POST, and answers 401/403/404/409/422', async () => {
    await writeLevels(routePolicy);
    const incident = await makeIncident();
    const ref = `INC-${incident.number}`;
    expect((await call(null, ref)).status).toBe(401);
    expect((await call('viewer', ref)).status).toBe(403);
    expect((await call('responder', 'INC-999999')).status).toBe(404);
    expect((await call('responder', ref, { direction: 'sideways' })).status).toBe(422);

    const first = await call('responder', ref);
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({
      direction: 'up',
      from: 0,
      incident: { escalationLevel: 1, levelName: 'Chat' },
      queued: ['L1:ops-chat'],
    });
    const second = await call('responder', incident.id, { reason: 'need the SRE', direction: 'up' });
    expect(await second.json()).toMatchObject({ incident: { escalationLevel: 2 }, queued: ['L2:sre-hook'] });
    const top = await call('responder', ref, {});
    expect(top.status).toBe(409);
    expect((await top.json()).error.message).toContain('already at the top level');
    const down = await call('responder', ref, { direction: 'down', reason: 'false alarm for L2' });
    expect(await down.json()).toMatchObject({ direction: 'down', incident: { escalationLevel: 1 } });
    const raised = (await timelineOf(incident.id)).filter((e) => e.type.startsWith('escalation.'));
    expect(raised.map((e) => [e.type, (e.data as { comment?: string }).comment ?? null])).toEqual([
      ['escalation.raised', null],
      ['escalation.raised', 'need the SRE'],
      ['escalation.lowered', 'false alarm for L2'],
    ]);
  });
});

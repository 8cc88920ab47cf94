import { rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AlertEventInput } from '@/lib/alerts/alert-event';
import type { Actor } from '@/lib/auth/actor';
import { db } from '@/lib/db';
import { type EmbeddedDatabase, startEmbeddedPostgres } from '@/lib/db/embedded';
import { applyMigrations } from '@/lib/db/migrate';
import { runtimeState } from '@/lib/db/runtime';
import { storeAlertEvents } from '@/lib/incidents/alert-ingest';
import { acknowledgeIncident, getIncident, updateIncident } from '@/lib/incidents/incidents';
import { runOutboxOnce } from '@/lib/notify/outbox';
import type { Smtp } from '@/lib/notify/send';
import { type SmtpSink, startSmtpSink } from '@/lib/notify/testing/sinks';
import { createRoute, deleteRoute, listRoutes, reorderRoutes, testRoute } from '@/lib/routing/routes';
import { seedStartupRouting } from '@/lib/testing/routing';
import { queueFollowUps } from './follow-ups';
import { createPolicy, deletePolicy, updatePolicy } from './policies';
import { queueReminders } from './reminders';
import { runEscalationOnce } from './scheduler';
import { policyTargets } from './targets';
import { escalateUnreachable } from './unreachable';

/**
 * Paging people end to end, against a real PostgreSQL (embedded, migrated like production) and a real
 * SMTP server (Debian's aiosmtpd): routes seeded as at start-up, a team's route and policy made through
 * the data layer behind the API, a critical alert stored as the webhook stores it, and the scheduler
 * and outbox run with an injected clock, so "after the wait" is exact and the test does not sleep.
 */

const MIGRATIONS = path.join(process.cwd(), 'prisma', 'migrations');

let dataDir: string;
let server: EmbeddedDatabase;
let smtpSink: SmtpSink;
let smtp: Smtp;

const person = (id: string, name: string, role: Actor['role'] = 'responder'): Actor => ({
  id,
  email: `${id.slice(2)}@example.com`,
  name,
  role,
  via: 'token',
  ip: null,
});
const ADMIN = person('u-admin', 'Admin', 'admin');
const ANA = person('u-ana', 'Ana Lopez');
const BO = person('u-bo', 'Bo Berg');
const CY = person('u-cy', 'Cy Cole');
const DEE = person('u-dee', 'Dee Disabled');

let teamId: string;
let primaryId: string;
let policyId: string;

/** A schedule with one daily layer of `userId` alone: that person is on call whenever asked. */
async function makeSchedule(slug: string, name: string, userId: string): Promise<string> {
  const schedule = await db().schedule.create({
    data: {
      slug,
      name,
      teamId,
      timeZone: 'Europe/Brussels',
      layers: {
        create: {
          position: 1,
          name: 'Rotation',
          rotation: 'daily',
          handoffTime: '09:00',
          timeZone: 'Europe/Brussels',
          startDate: '2026-01-05',
          participants: { create: [{ position: 0, userId }] },
        },
      },
    },
  });
  return schedule.id;
}

let seq = 0;
/** A firing alert as the webhook stores it, in a group of its own; returns the incident it opened. */
async function fireAlert(labels: Record<string, string>, at: Date) {
  seq += 1;
  const event: AlertEventInput = {
    cluster: 'default',
    fingerprint: `fp-paging-${seq}`,
    alertname: 'PostgresDown',
    status: 'firing',
    labels: { alertname: 'PostgresDown', instance: `pg-${seq}:9187`, ...labels },
    annotations: {},
    startsAt: at.toISOString(),
    endsAt: null,
    receiver: 'vigil',
    groupKey: `{}:{alertname="PostgresDown",n="${seq}"}`,
  };
  await storeAlertEvents([event], { source: 'webhook', autoOpen: true, group: `default:${event.groupKey}` });
  const link = await db().incidentAlert.findFirstOrThrow({
    where: { fingerprint: event.fingerprint },
    include: { incident: true },
  });
  // Opened "at" the alert's time, so the injected clock below measures the levels from it.
  return db().incident.update({
    where: { id: link.incidentId },
    data: { openedAt: at, nextEscalationAt: at },
  });
}

/** A local port nothing listens on (bound, then closed). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const later = (base: Date, seconds: number) => new Date(base.getTime() + seconds * 1000);

/** One scheduler pass and the outbox at `now`. */
async function tick(now: Date) {
  const raised = await runEscalationOnce({ now });
  const sent = await runOutboxOnce({ channels: [], smtp, now: () => now });
  return { raised, sent };
}

const mailsFor = (incidentNumber: number, email: string) =>
  smtpSink
    .messages()
    .filter((m) => m.includes(`INC-${incidentNumber} [critical]`) && m.includes(`To: ${email}`));

const timelineOf = async (incidentId: string) =>
  (await db().timelineEvent.findMany({ where: { incidentId }, orderBy: { id: 'asc' } })).map((e) => ({
    type: e.type,
    data: e.data as Record<string, unknown>,
  }));

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'vigil-paging-'));
  [server, smtpSink] = await Promise.all([startEmbeddedPostgres(dataDir), startSmtpSink()]);
  await applyMigrations(server.url, MIGRATIONS);
  runtimeState().databaseUrl = server.url;
  smtp = { host: '127.0.0.1', port: smtpSink.port, secure: false, from: 'vigil@example.com' };
  for (const p of [ADMIN, ANA, BO, CY, DEE])
    await db().user.create({
      data: {
        id: p.id,
        email: p.email,
        name: p.name,
        role: p.role,
        disabledAt: p === DEE ? new Date() : null,
      },
    });
  teamId = (await db().team.create({ data: { slug: 'db', name: 'Databases' } })).id;
  await db().teamMember.create({ data: { teamId, userId: BO.id, isAdmin: true } });
  primaryId = await makeSchedule('db-primary', 'DB primary', ANA.id);
  const secondaryId = await makeSchedule('db-secondary', 'DB secondary', BO.id);
  // As at start-up: the default policy, the auto-incident route (severity="critical") and the default.
  await seedStartupRouting(db());
  // Bo, the team's admin (a responder), makes the team's policy and route.
  policyId = (
    await createPolicy(
      BO,
      {
        name: 'db-oncall',
        description: 'Databases on call',
        teamId,
        repeat: 1,
        repeatAfterSeconds: 120,
        levels: [
          { name: 'DB primary', delaySeconds: 0, targets: [], scheduleIds: [primaryId], userIds: [] },
          {
            name: 'DB secondary',
            delaySeconds: 60,
            targets: [],
            scheduleIds: [secondaryId],
            userIds: [DEE.id, BO.id],
          },
        ],
      },
      [],
    )
  ).id;
  const dbRoute = await createRoute(BO, {
    name: 'db',
    matchers: ['team="db"'],
    teamId,
    policyId,
    autoOpen: true,
    urgency: 'high',
  });
  // Created after the seeded auto-incident route, it is tried after it: an admin moves it first.
  const others = (await listRoutes(ADMIN)).filter((r) => !r.isDefault && r.id !== dbRoute.id);
  await reorderRoutes(ADMIN, [dbRoute.id, ...others.map((r) => r.id)]);
});

// Each test's incidents are its own: the previous tests' are closed, so a pass at a later injected time
// does not raise them too.
beforeEach(async () => {
  await db().$executeRaw`UPDATE incidents SET status = 'resolved', next_escalation_at = NULL`;
  await db().$executeRaw`UPDATE notifications SET status = 'dead' WHERE status IN ('pending', 'failed')`;
});

afterAll(async () => {
  await db().$disconnect();
  await Promise.all([server?.stop(), smtpSink?.stop()]);
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('routing a critical alert to a team’s policy', () => {
  it('the route test answers the db route, team and policy for team="db", the auto-incident route otherwise', async () => {
    expect(await testRoute(ANA, { alertname: 'PostgresDown', team: 'db', severity: 'critical' })).toEqual({
      route: { id: expect.any(String), name: 'db', isDefault: false },
      team: { id: teamId, slug: 'db', name: 'Databases' },
      policy: { id: policyId, name: 'db-oncall' },
      autoOpen: true,
      urgency: 'high',
      matched: ['team="db"'],
    });
    expect(await testRoute(ANA, { alertname: 'APIDown', severity: 'critical' })).toMatchObject({
      route: { name: 'auto-incident' },
      policy: { name: 'default' },
      team: null,
      autoOpen: true,
      matched: ['severity="critical"'],
    });
    expect(await testRoute(ANA, { severity: 'warning' })).toMatchObject({
      route: { name: 'default', isDefault: true },
      autoOpen: false,
      matched: [],
    });
  });

  it('pages the on-call person of L1’s schedule by e-mail, then L2’s after the wait, then repeats L1 and L2 once', async () => {
    const opened = new Date('2026-12-07T10:00:00Z');
    const incident = await fireAlert({ team: 'db', severity: 'critical' }, opened);
    expect([incident.routeId !== null, incident.teamId, incident.escalationPolicyId]).toEqual([
      true,
      teamId,
      policyId,
    ]);
    const ref = `INC-${incident.number}`;

    expect(await tick(opened)).toEqual({ raised: [`${ref} → L1`], sent: ['sent'] });
    expect(mailsFor(incident.number, ANA.email)).toHaveLength(1);
    const mail = mailsFor(incident.number, ANA.email)[0] ?? '';
    // The subject is MIME-encoded (it has an em dash); the body says the same in plain text.
    expect(mail).toMatch(/^Subject: =\?UTF-8\?Q\?INC-\d+_=5Bcritical=5D_PostgresDown_on_pg-/m);
    expect(mail).toContain('Level: L1 DB primary (not acknowledged in time)');
    expect(mail).toContain('Paged: Ana Lopez, on call on DB primary');
    // The incident as its page shows it: route, team, policy, the page by name on the timeline, and
    // whom L2 will page (Bo on call on the secondary, also named; Dee disabled, left out).
    const detail = await getIncident(ADMIN, ref);
    expect([detail.route?.name, detail.team?.name, detail.policy]).toEqual([
      'db',
      'Databases',
      { id: policyId, name: 'db-oncall', isDefault: false },
    ]);
    expect(detail.timeline.filter((e) => e.type === 'page.queued').map((e) => e.sentence)).toEqual([
      'Paging Ana Lopez by e-mail (level 1, on call on schedule DB primary)',
    ]);
    expect(detail.nextEscalation).toEqual({
      at: later(opened, 60).toISOString(),
      level: 2,
      name: 'DB secondary',
      pages: {
        people: [{ id: BO.id, name: 'Bo Berg', schedule: 'DB secondary' }],
        channels: [],
        nobodyOnCall: [],
      },
    });

    expect((await tick(later(opened, 59))).raised).toEqual([]);
    // L2: the secondary's on-call (Bo) and the users it names: Dee is disabled, Bo once only.
    expect(await tick(later(opened, 60))).toEqual({ raised: [`${ref} → L2`], sent: ['sent'] });
    expect(mailsFor(incident.number, BO.email)).toHaveLength(1);
    expect(smtpSink.messages().filter((m) => m.includes(`To: ${DEE.email}`))).toEqual([]);

    // Nobody acknowledged: 120 s after L2 the policy starts over (repeat 1), L1 at once, L2 60 s later.
    expect((await tick(later(opened, 179))).raised).toEqual([]);
    expect(await tick(later(opened, 180))).toEqual({ raised: [`${ref} → L1 (cycle 1)`], sent: ['sent'] });
    expect(await tick(later(opened, 240))).toEqual({ raised: [`${ref} → L2`], sent: ['sent'] });
    expect(mailsFor(incident.number, ANA.email)).toHaveLength(2);
    expect(mailsFor(incident.number, BO.email)).toHaveLength(2);
    // No repeat left.
    expect((await tick(later(opened, 3600))).raised).toEqual([]);
    const row = await db().incident.findUniqueOrThrow({ where: { id: incident.id } });
    expect([row.escalationLevel, row.escalationCycle, row.nextEscalationAt]).toEqual([2, 1, null]);

    const timeline = await timelineOf(incident.id);
    const pages = timeline.filter((e) => e.type === 'page.queued').map((e) => [e.data.level, e.data.person]);
    expect(pages).toEqual([
      [1, 'Ana Lopez'],
      [2, 'Bo Berg'],
      [1, 'Ana Lopez'],
      [2, 'Bo Berg'],
    ]);
    expect(timeline.filter((e) => e.type === 'notification.sent').map((e) => e.data.person)).toEqual([
      'Ana Lopez',
      'Bo Berg',
      'Ana Lopez',
      'Bo Berg',
    ]);
    expect(timeline.filter((e) => e.type === 'page.unreachable').map((e) => e.data)).toEqual([
      { level: 2, reason: 'user_disabled', person: 'Dee Disabled' },
      { level: 2, reason: 'user_disabled', person: 'Dee Disabled' },
    ]);
    expect(timeline.filter((e) => e.type === 'escalation.repeated').map((e) => e.data)).toEqual([
      { cycle: 1, of: 1, from: 2 },
    ]);
    const notifications = await db().notification.findMany({ where: { incidentId: incident.id } });
    expect(notifications.map((n) => [n.channel, n.userId, n.status]).sort()).toEqual([
      ['email', ANA.id, 'sent'],
      ['email', ANA.id, 'sent'],
      ['email', BO.id, 'sent'],
      ['email', BO.id, 'sent'],
    ]);
  });

  it('does not page someone demoted to viewer while on call, and says so on the timeline', async () => {
    const opened = new Date('2026-12-08T10:00:00Z');
    // Put on call as a responder, then made a viewer by an admin: a viewer cannot acknowledge.
    await db().user.update({ where: { id: ANA.id }, data: { role: 'viewer' } });
    try {
      const incident = await fireAlert({ team: 'db', severity: 'critical' }, opened);
      const ref = `INC-${incident.number}`;
      expect((await getIncident(ADMIN, ref)).nextEscalation?.pages.people).toEqual([]);
      expect((await tick(opened)).raised).toEqual([`${ref} → L1`]);
      expect(mailsFor(incident.number, ANA.email)).toEqual([]);
      const timeline = await getIncident(ADMIN, ref);
      expect(timeline.timeline.filter((e) => e.type === 'page.unreachable').map((e) => e.sentence)).toEqual([
        'Ana Lopez was not paged at level 1: they are now a viewer, who cannot acknowledge (make them a responder, or take them off the schedule)',
        'Level 1 reached nobody: it names no channel and nobody could be paged',
      ]);
    } finally {
      await db().user.update({ where: { id: ANA.id }, data: { role: 'responder' } });
    }
  });

  it('an override on the schedule changes who is paged', async () => {
    const opened = new Date('2026-12-08T10:00:00Z');
    const override = await db().scheduleOverride.create({
      data: {
        scheduleId: primaryId,
        userId: CY.id,
        startsAt: later(opened, -3600),
        endsAt: later(opened, 3600),
        reason: 'Ana at the dentist',
      },
    });
    try {
      const incident = await fireAlert({ team: 'db', severity: 'critical' }, opened);
      expect((await tick(opened)).sent).toEqual(['sent']);
      expect(mailsFor(incident.number, CY.email)).toHaveLength(1);
      expect(mailsFor(incident.number, ANA.email)).toEqual([]);
      const queued = (await timelineOf(incident.id)).find((e) => e.type === 'page.queued');
      expect(queued?.data).toMatchObject({ level: 1, person: 'Cy Cole', schedule: 'DB primary' });
    } finally {
      await db().scheduleOverride.delete({ where: { id: override.id } });
    }
  });

  it('an acknowledgement stops it: no next level, no repeat, and a queued page is cancelled', async () => {
    const opened = new Date('2026-12-09T10:00:00Z');
    const incident = await fireAlert({ team: 'db', severity: 'critical' }, opened);
    expect((await runEscalationOnce({ now: opened })).length).toBe(1);
    await acknowledgeIncident(ANA, `INC-${incident.number}`, { reason: 'looking' });
    expect(await runOutboxOnce({ channels: [], smtp, now: () => opened })).toEqual(['cancelled']);
    for (const t of [60, 180, 240, 3600]) expect((await tick(later(opened, t))).raised).toEqual([]);
    expect(smtpSink.messages().filter((m) => m.includes(`INC-${incident.number} [critical]`))).toEqual([]);
    const cancelled = (await timelineOf(incident.id)).find((e) => e.type === 'notification.cancelled');
    expect(cancelled?.data).toMatchObject({ person: 'Ana Lopez', channel: 'email', level: 1 });
    expect((await getIncident(ADMIN, `INC-${incident.number}`)).pages.map((p) => p.status)).toEqual([
      'cancelled',
    ]);
  });

  it('once acknowledged, each person paged hears it once on the method that reached them, except who acknowledged; once resolved, again, except who resolved', async () => {
    // Paged in the recent past: the acknowledgement below happens now, after both pages.
    const opened = new Date(Date.now() - 600_000);
    const incident = await fireAlert({ team: 'db', severity: 'critical' }, opened);
    const ref = `INC-${incident.number}`;
    await tick(opened);
    await tick(later(opened, 60));
    expect(
      [mailsFor(incident.number, ANA.email), mailsFor(incident.number, BO.email)].map((m) => m.length),
    ).toEqual([1, 1]);
    await db().user.update({ where: { id: BO.id }, data: { timeZone: 'Europe/Brussels' } });
    try {
      await acknowledgeIncident(ANA, ref, { reason: 'on it' });
      const now = new Date();
      expect(await queueFollowUps(db(), now)).toBe(1);
      // A second pass (or another instance) queues nothing more.
      expect(await queueFollowUps(db(), now)).toBe(0);
      expect(await runOutboxOnce({ channels: [], smtp, now: () => now })).toEqual(['sent']);
      // The body as read: quoted-printable soft line breaks joined.
      const told = mailsFor(incident.number, BO.email)
        .map((m) => m.replace(/=\r?\n/g, ''))
        .filter((m) => m.includes('acknowledged by'));
      expect(told).toHaveLength(1);
      // In Bo's zone, named.
      expect(told[0]).toMatch(/acknowledged by Ana Lopez at \d\d:\d\d Europe\/Brussels/);
      expect(told[0]).toContain('(L2 DB secondary); nothing more is needed from you.');
      expect(mailsFor(incident.number, ANA.email).filter((m) => m.includes('acknowledged by'))).toEqual([]);

      // Bo resolves it: Ana hears, Bo (who did it) does not.
      await updateIncident(BO, ref, { status: 'resolved' });
      expect(await queueFollowUps(db(), new Date())).toBe(1);
      expect(await runOutboxOnce({ channels: [], smtp, now: () => new Date() })).toEqual(['sent']);
      const resolvedFor = (email: string) =>
        mailsFor(incident.number, email).filter((m) =>
          m.replace(/=\r?\n/g, '').includes('resolved by Bo Berg'),
        );
      expect([resolvedFor(ANA.email).length, resolvedFor(BO.email).length]).toEqual([1, 0]);
      const sentences = (await getIncident(ADMIN, ref)).timeline
        .filter((e) => e.type === 'notification.sent')
        .map((e) => e.sentence);
      expect(sentences.filter((s) => s.startsWith('Told'))).toEqual([
        'Told Bo Berg by e-mail that it was acknowledged',
        'Told Ana Lopez by e-mail that it was resolved',
      ]);
    } finally {
      await db().user.update({ where: { id: BO.id }, data: { timeZone: 'UTC' } });
    }
  });

  it('whoever acknowledged is reminded every interval while the alerts still fire, once per interval, and not once resolved', async () => {
    const opened = new Date(Date.now() - 600_000);
    const incident = await fireAlert({ team: 'db', severity: 'critical' }, opened);
    const ref = `INC-${incident.number}`;
    await tick(opened);
    await acknowledgeIncident(ANA, ref, { reason: 'on it' });
    const acked = new Date();
    const remindersFor = (email: string) =>
      mailsFor(incident.number, email).filter((m) =>
        m.replace(/=\r?\n/g, '').includes('its alerts still fire'),
      );

    expect(await queueReminders(db(), later(acked, 3500), 3600)).toBe(0);
    expect(await queueReminders(db(), later(acked, 3601), 3600)).toBe(1);
    // The same interval again (another pass, another instance): nothing more.
    expect(await queueReminders(db(), later(acked, 3700), 3600)).toBe(0);
    expect(await runOutboxOnce({ channels: [], smtp, now: () => later(acked, 3700) })).toEqual(['sent']);
    expect(remindersFor(ANA.email)).toHaveLength(1);
    // The next interval reminds again; 0 turns reminders off.
    expect(await queueReminders(db(), later(acked, 7201), 0)).toBe(0);
    expect(await queueReminders(db(), later(acked, 7201), 3600)).toBe(1);
    // Resolved before it was sent: cancelled, and no more are queued.
    await updateIncident(BO, ref, { status: 'resolved' });
    expect(await runOutboxOnce({ channels: [], smtp, now: () => later(acked, 7300) })).toEqual(['cancelled']);
    expect(await queueReminders(db(), later(acked, 11_000), 3600)).toBe(0);
    expect(remindersFor(ANA.email)).toHaveLength(1);
    const sentences = (await getIncident(ADMIN, ref)).timeline.map((e) => e.sentence);
    expect(sentences).toContain('Reminded Ana Lopez by e-mail that its alerts still fire');
  });

  it('no reminder once the alerts of an acknowledged incident have resolved', async () => {
    const opened = new Date(Date.now() - 600_000);
    const incident = await fireAlert({ team: 'db', severity: 'critical' }, opened);
    await acknowledgeIncident(ANA, `INC-${incident.number}`, { reason: 'on it' });
    await db().incidentAlert.updateMany({
      where: { incidentId: incident.id },
      data: { resolvedAt: new Date() },
    });
    expect(await queueReminders(db(), later(new Date(), 3601), 3600)).toBe(0);
  });

  it('when every page of a level fails for good, the next level is raised at once, not after its delay', async () => {
    const opened = new Date('2026-12-11T10:00:00Z');
    const incident = await fireAlert({ team: 'db', severity: 'critical' }, opened);
    const ref = `INC-${incident.number}`;
    expect((await runEscalationOnce({ now: opened })).length).toBe(1);
    // Ana's mail server refuses: nothing listens on that port.
    const deadSmtp: Smtp = {
      host: '127.0.0.1',
      port: await closedPort(),
      secure: false,
      from: 'vigil@example.com',
    };
    const failing = { channels: [], smtp: deadSmtp, onLevelUnreachable: escalateUnreachable };
    // Tried three times (10 s, then 30 s apart), then given up: L2 is raised then, 40 s after L1,
    // not at its 60 s.
    expect(await runOutboxOnce({ ...failing, now: () => opened })).toEqual(['failed']);
    expect(await runOutboxOnce({ ...failing, now: () => later(opened, 10) })).toEqual(['failed']);
    // Bo's L2 page is due at once and tried in the same run, on the same broken server.
    expect(await runOutboxOnce({ ...failing, now: () => later(opened, 40) })).toEqual(['dead', 'failed']);
    const row = await db().incident.findUniqueOrThrow({ where: { id: incident.id } });
    expect(row.escalationLevel).toBe(2);
    // The mail server is back for its retry.
    expect(await runOutboxOnce({ channels: [], smtp, now: () => later(opened, 50) })).toEqual(['sent']);
    expect(mailsFor(incident.number, BO.email)).toHaveLength(1);
    const raised = (await getIncident(ADMIN, ref)).timeline.filter((e) => e.type === 'escalation.raised');
    expect(raised.map((e) => e.sentence)).toEqual([
      'Escalated to L1 DB primary',
      'Escalated to L2 DB secondary (nobody at the level before could be reached): Ana Lopez could not be reached',
    ]);
    // The incident's delivery states: Ana's page failed after three attempts, Bo's got through.
    const pages = (await getIncident(ADMIN, ref)).pages;
    expect(pages.map((p) => [p.person.name, p.method, p.kind, p.level, p.status, p.attempts])).toEqual([
      ['Bo Berg', 'email', 'page', 2, 'sent', 2],
      ['Ana Lopez', 'email', 'page', 1, 'dead', 3],
    ]);
    expect(pages[1]?.lastError).toMatch(/^SMTP 127.0.0.1:\d+ refused the message/);
    // The timer, at L2's own time, finds the level already raised: nothing is paged twice.
    expect((await tick(later(opened, 60))).raised).toEqual([]);
    expect(mailsFor(incident.number, BO.email)).toHaveLength(1);
  });

  it('a level whose schedule has nobody on call says so on the timeline', async () => {
    const empty = await db().schedule.create({
      data: { slug: 'empty', name: 'Empty', teamId, timeZone: 'UTC' },
    });
    await updatePolicy(
      BO,
      policyId,
      {
        repeat: 0,
        levels: [{ name: 'Nobody', delaySeconds: 0, targets: [], scheduleIds: [empty.id], userIds: [] }],
      },
      [],
    );
    const opened = new Date('2026-12-10T10:00:00Z');
    const incident = await fireAlert({ team: 'db', severity: 'critical' }, opened);
    expect((await tick(opened)).sent).toEqual([]);
    expect(
      (await timelineOf(incident.id)).filter((e) => e.type === 'page.unreachable').map((e) => e.data),
    ).toEqual([
      { level: 1, reason: 'nobody_on_call', schedule: 'Empty' },
      { level: 1, reason: 'no_targets' },
    ]);
  });
});

describe('policies and routes through the data layer', () => {
  it('lists what a level can page by name: channels, schedules, users who are not disabled', async () => {
    const viewer = { ...CY, role: 'viewer' as const };
    const targets = await policyTargets(viewer, [
      { name: 'sre-mail', type: 'email' },
      { name: 'ops-chat', type: 'slack' },
    ]);
    expect(targets.channels.map((c) => c.name)).toEqual(['ops-chat', 'sre-mail']);
    expect(targets.schedules.map((s) => s.name)).toEqual(
      expect.arrayContaining(['DB primary', 'DB secondary']),
    );
    expect(targets.users.map((u) => u.name)).toEqual(expect.arrayContaining(['Ana Lopez', 'Bo Berg']));
    expect(targets.users.map((u) => u.name)).not.toContain('Dee Disabled');
  });

  it('refuses what does not exist, decreasing delays, non-admins of the team, and deleting a used policy', async () => {
    await expect(
      createPolicy(
        CY,
        { name: 'x', description: '', teamId, repeat: 0, repeatAfterSeconds: 60, levels: [] },
        [],
      ),
    ).rejects.toMatchObject({ status: 403 });
    await expect(
      createPolicy(
        BO,
        {
          name: 'bad',
          description: '',
          teamId,
          repeat: 0,
          repeatAfterSeconds: 60,
          levels: [
            { name: 'L1', delaySeconds: 0, targets: ['nope'], scheduleIds: ['s-gone'], userIds: ['u-gone'] },
          ],
        },
        ['sre-mail'],
      ),
    ).rejects.toMatchObject({
      status: 422,
      fields: {
        'levels.0.targets': 'channel "nope" is not declared under channels in VIGIL_CONFIG',
        'levels.0.scheduleIds': 'there is no schedule s-gone',
        'levels.0.userIds': 'u-gone is not a responder or an admin (a viewer cannot acknowledge)',
      },
    });
    await expect(deletePolicy(ADMIN, policyId)).rejects.toMatchObject({ status: 409 });
    const defaultPolicy = await db().escalationPolicy.findFirstOrThrow({ where: { isDefault: true } });
    expect(defaultPolicy.managedBy).toBe('config');
    await expect(updatePolicy(ADMIN, defaultPolicy.id, { repeat: 2 }, [])).rejects.toThrow(
      'comes from VIGIL_CONFIG',
    );
    await expect(
      createRoute(BO, {
        name: 'bad',
        matchers: ['team=~"db["'],
        teamId,
        policyId,
        autoOpen: true,
        urgency: 'high',
      }),
    ).rejects.toMatchObject({ status: 422 });
    await expect(reorderRoutes(BO, [])).rejects.toMatchObject({ status: 403 });
  });
});

describe('team and schedule references', () => {
  const policy = (team: string | null, scheduleIds: string[] = ['db-primary']) => ({
    name: 'by-slug',
    description: '',
    teamId: team,
    repeat: 0,
    repeatAfterSeconds: 60,
    levels: [{ name: 'L1', delaySeconds: 0, targets: [], scheduleIds, userIds: [] }],
  });

  it('takes a team and schedules by slug as by id, storing ids, and checks access against that team', async () => {
    // Bo is a team admin of "db": by slug he is the same team admin as by id, not a 403.
    const made = await createPolicy(BO, policy('db'), []);
    expect(made).toMatchObject({ teamId, levels: [{ scheduleIds: [primaryId] }] });
    await expect(createPolicy(CY, { ...policy('db'), name: 'cy' }, [])).rejects.toMatchObject({
      status: 403,
    });
    const moved = await updatePolicy(
      BO,
      made.id,
      { teamId: 'db', levels: policy('db', [primaryId]).levels },
      [],
    );
    expect(moved).toMatchObject({ teamId, levels: [{ scheduleIds: [primaryId] }] });
    const route = await createRoute(BO, {
      name: 'by-slug',
      matchers: ['team="by-slug"'],
      teamId: 'db',
      policyId: made.id,
      autoOpen: false,
      urgency: 'low',
    });
    expect(route.teamId).toBe(teamId);
    await deleteRoute(BO, route.id);
    await deletePolicy(BO, made.id);
  });

  it('answers an unknown team with the same 422 naming teamId to a team admin and to an admin', async () => {
    for (const actor of [BO, ADMIN, CY])
      await expect(createPolicy(actor, policy('db-typo'), [])).rejects.toMatchObject({
        status: 422,
        fields: { teamId: 'there is no team db-typo' },
      });
    await expect(
      createRoute(BO, {
        name: 'typo',
        matchers: ['team="typo"'],
        teamId: 'db-typo',
        policyId,
        autoOpen: false,
        urgency: 'low',
      }),
    ).rejects.toMatchObject({ status: 422, fields: { teamId: 'there is no team db-typo' } });
    await expect(updatePolicy(BO, policyId, { teamId: 'db-typo' }, [])).rejects.toMatchObject({
      status: 422,
      fields: { teamId: 'there is no team db-typo' },
    });
  });

  it('refuses to make a repeating policy start over without a wait, judged with its stored fields', async () => {
    // Without repeats a wait of 0 is never used; repeating then would page L1 again the moment the
    // last level fired, though the update names only `repeat`.
    await updatePolicy(BO, policyId, { repeat: 0, repeatAfterSeconds: 0 }, []);
    await expect(updatePolicy(BO, policyId, { repeat: 2 }, [])).rejects.toMatchObject({
      status: 422,
      fields: { repeatAfterSeconds: expect.stringContaining('wait at least 60 s') },
    });
    await updatePolicy(BO, policyId, { repeat: 1, repeatAfterSeconds: 120 }, []);
  });
});

describe('the configured default policy', () => {
  it('pages a schedule its levels name from the moment the schedule is created, without a restart', async () => {
    const { missingTargetsAppeared, syncEscalationPolicy } = await import('./policy');
    const levels = [
      {
        level: 1,
        name: 'L1',
        delaySeconds: 0,
        targets: [],
        schedules: ['late-comer'],
        users: ['nobody@example.com'],
      },
    ];
    const first = await syncEscalationPolicy(db(), levels);
    expect(first.missing).toEqual({ schedules: ['late-comer'], users: ['nobody@example.com'] });
    expect(await missingTargetsAppeared(db(), first.missing)).toBe(false);

    const scheduleId = await makeSchedule('late-comer', 'Late comer', ANA.id);
    expect(await missingTargetsAppeared(db(), first.missing)).toBe(true);
    const again = await syncEscalationPolicy(db(), levels);
    expect(again.missing).toEqual({ schedules: [], users: ['nobody@example.com'] });
    const level = await db().escalationLevel.findFirstOrThrow({
      where: { policyId: again.policyId, level: 1 },
    });
    expect(level.scheduleIds).toEqual([scheduleId]);
  });
});

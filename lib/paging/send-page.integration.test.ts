import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/actor';
import type { EmbeddedDatabase } from '@/lib/db/embedded';
import type { SmtpSink, WebhookReceiver } from '@/lib/notify/testing/sinks';

/**
 * Paging people by their own contact methods, end to end: a policy level naming two people, one with a
 * verified ntfy method (a local receiver standing in for ntfy: a fake) and one without any (their
 * account's e-mail, through a real aiosmtpd), the escalation pass and the outbox with the sender
 * start-up registers. The ntfy page carries a signed acknowledge link for that person; the follow-up
 * after the other person acknowledges reaches the ntfy topic too.
 */

let server: EmbeddedDatabase;
let sink: SmtpSink;
let fake: WebhookReceiver;
let mods: Awaited<ReturnType<typeof load>>;

const person = (id: string, name: string): Actor => ({
  id,
  email: `${id.slice(2)}@example.com`,
  name,
  role: 'responder',
  via: 'token',
  ip: null,
});
const ANA = person('u-ana', 'Ana Lopez');
const BO = person('u-bo', 'Bo Berg');

/** After VIGIL_CONFIG and the database are set: modules read both when first used. */
async function load() {
  return {
    db: await import('@/lib/db'),
    ingest: await import('@/lib/incidents/alert-ingest'),
    incidents: await import('@/lib/incidents/incidents'),
    contacts: await import('@/lib/contacts/contacts'),
    policies: await import('@/lib/escalation/policies'),
    routes: await import('@/lib/routing/routes'),
    routing: await import('@/lib/testing/routing'),
    scheduler: await import('@/lib/escalation/scheduler'),
    outbox: await import('@/lib/notify/outbox'),
    followUps: await import('@/lib/escalation/follow-ups'),
    sendPage: await import('./send-page'),
    token: await import('@/lib/actions/token'),
    keys: await import('@/lib/secrets/keys'),
    rules: await import('@/lib/contacts/rules'),
    reminders: await import('@/lib/escalation/reminders'),
  };
}

beforeAll(async () => {
  const { startSmtpSink, startWebhookReceiver } = await import('@/lib/notify/testing/sinks');
  [sink, fake] = await Promise.all([startSmtpSink(), startWebhookReceiver()]);
  const dir = await mkdtemp(path.join(tmpdir(), 'vigil-send-page-'));
  const file = path.join(dir, 'vigil.yaml');
  await writeFile(
    file,
    [
      `smtp: { host: 127.0.0.1, port: ${sink.port}, from: vigil@example.com }`,
      'actions: { publicUrl: "https://vigil.example.com" }',
      'contactMethods: { allowHttpHosts: ["127.0.0.1"] }',
    ].join('\n'),
  );
  process.env.VIGIL_CONFIG = file;
  (await import('@/lib/testing/route-harness')).setRouteEnv();
  const { startEmbeddedPostgres } = await import('@/lib/db/embedded');
  const { applyMigrations } = await import('@/lib/db/migrate');
  const { runtimeState } = await import('@/lib/db/runtime');
  server = await startEmbeddedPostgres(await mkdtemp(path.join(tmpdir(), 'vigil-send-page-db-')));
  await applyMigrations(server.url, path.join(process.cwd(), 'prisma', 'migrations'));
  runtimeState().databaseUrl = server.url;
  mods = await load();
  const db = mods.db.db();
  await db.user.createMany({
    data: [ANA, BO].map((p) => ({ id: p.id, email: p.email, name: p.name, role: p.role })),
  });
  await mods.routing.seedStartupRouting(db);
  const admin: Actor = { ...ANA, id: 'u-admin', role: 'admin' };
  await db.user.create({ data: { id: admin.id, email: 'admin@example.com', name: 'Admin', role: 'admin' } });
  const policy = await mods.policies.createPolicy(
    admin,
    {
      name: 'pay-oncall',
      description: '',
      teamId: null,
      repeat: 0,
      repeatAfterSeconds: 60,
      levels: [
        { name: 'Pay people', delaySeconds: 0, targets: [], scheduleIds: [], userIds: [ANA.id, BO.id] },
      ],
    },
    [],
  );
  const route = await mods.routes.createRoute(admin, {
    name: 'pay',
    matchers: ['team="pay"'],
    teamId: null,
    policyId: policy.id,
    autoOpen: true,
    urgency: 'high',
  });
  const others = (await mods.routes.listRoutes(admin)).filter((r) => !r.isDefault && r.id !== route.id);
  await mods.routes.reorderRoutes(admin, [route.id, ...others.map((r) => r.id)]);
}, 180_000);

const smtpOf = (s: SmtpSink) => ({
  host: '127.0.0.1',
  port: s.port,
  secure: false,
  from: 'vigil@example.com',
});
/** A critical alert for the pay team as the webhook stores it; returns the incident it opened. */
async function fire(fingerprint: string, alertname: string, startsAt: Date) {
  const groupKey = `{}:{alertname="${alertname}"}`;
  await mods.ingest.storeAlertEvents(
    [
      {
        cluster: 'default',
        fingerprint,
        alertname,
        status: 'firing',
        labels: { alertname, team: 'pay', severity: 'critical' },
        annotations: {},
        startsAt: startsAt.toISOString(),
        endsAt: null,
        receiver: 'vigil',
        groupKey,
      },
    ],
    { source: 'webhook', autoOpen: true, group: `default:${groupKey}` },
  );
  const link = await mods.db
    .db()
    .incidentAlert.findFirstOrThrow({ where: { fingerprint }, include: { incident: true } });
  return link.incident;
}

/** The outbox's options as start-up gives them, with the test's SMTP sink. */
const options = () => ({ channels: [], smtp: smtpOf(sink), sendToPerson: mods.sendPage.sendPersonPage });

afterAll(async () => {
  await mods?.db.db().$disconnect();
  await Promise.all([sink?.stop(), fake?.stop(), server?.stop()]);
});

describe('paging a person by their contact methods', () => {
  it('a fake ntfy receives the page with a signed acknowledge link for that person, the other person gets e-mail, and the follow-up reaches ntfy', async () => {
    const db = mods.db.db();
    const method = await mods.contacts.createContact(ANA, {
      kind: 'ntfy',
      label: 'Phone',
      topicUrl: `${fake.url}/ana-pages`,
      token: 'tk_ana',
    });
    // Verified, as a successful "send me a test" leaves it.
    await db.contactMethod.update({ where: { id: method.id }, data: { verifiedAt: new Date() } });

    const opened = new Date(Date.now() - 60_000);
    const incident = await fire('fp-pay-1', 'CheckoutDown', opened);
    const ref = `INC-${incident.number}`;
    await mods.scheduler.runEscalationOnce({ now: new Date() });
    expect((await mods.outbox.runOutboxOnce(options())).sort()).toEqual(['sent', 'sent']);

    const [page] = fake.received.filter((r) => r.path === '/');
    expect(page?.headers.authorization).toBe('Bearer tk_ana');
    const body = page?.body as {
      topic: string;
      title: string;
      message: string;
      actions: { label: string; url: string }[];
    };
    expect(body.topic).toBe('ana-pages');
    expect(body.title).toBe(`${ref} [critical] CheckoutDown`);
    expect(body.message).toBe('escalated to L1 Pay people');
    const ack = body.actions.find((a) => a.label === 'Acknowledge');
    expect(ack?.url).toMatch(/^https:\/\/vigil\.example\.com\/a\/[\w-]+\.[\w-]+$/);
    const token = ack?.url.split('/a/')[1] ?? '';
    const verified = mods.token.verifyActionToken(
      token,
      'ack',
      mods.keys.derivedKey('action-links'),
      Math.floor(Date.now() / 1000),
    );
    expect(verified).toMatchObject({
      ok: true,
      token: { incidentId: incident.id, userId: ANA.id, status: 'open' },
    });
    // Bo has no contact method: his account's e-mail.
    expect(sink.messages().filter((m) => m.includes(`To: ${BO.email}`) && m.includes(ref))).toHaveLength(1);
    const detail = await mods.incidents.getIncident(ANA, ref);
    expect(
      detail.timeline
        .filter((e) => e.type === 'page.queued')
        .map((e) => e.sentence)
        .sort(),
    ).toEqual(['Paging Ana Lopez by ntfy (level 1)', 'Paging Bo Berg by e-mail (level 1)']);
    expect(detail.pages.map((p) => [p.person.name, p.method, p.status]).sort()).toEqual([
      ['Ana Lopez', 'ntfy', 'sent'],
      ['Bo Berg', 'email', 'sent'],
    ]);

    // Bo acknowledges: Ana hears it on ntfy, the method that reached her.
    await mods.incidents.acknowledgeIncident(BO, ref, { reason: 'on it' });
    expect(await mods.followUps.queueFollowUps(db, new Date())).toBe(1);
    expect(await mods.outbox.runOutboxOnce(options())).toEqual(['sent']);
    const followUp = fake.received.filter((r) => r.path === '/').at(-1)?.body as {
      message: string;
      actions: { label: string }[];
    };
    expect(followUp.message).toMatch(/^acknowledged by Bo Berg at \d\d:\d\d UTC$/);
    expect(followUp.actions.map((a) => a.label)).toEqual(['Open']);
  });

  it("follows a person's own rules: e-mail at once, ntfy 5 minutes later unless acknowledged first; a method not theirs is refused", async () => {
    const db = mods.db.db();
    const ntfy = await db.contactMethod.findFirstOrThrow({ where: { userId: ANA.id, kind: 'ntfy' } });
    await expect(
      mods.rules.replaceMyRules(BO, { high: [{ afterMinutes: 0, method: ntfy.id }], low: [] }),
    ).rejects.toMatchObject({
      fields: { 'high.0.method': 'not one of your contact methods, push or email' },
    });
    expect(
      await mods.rules.replaceMyRules(ANA, {
        high: [
          { afterMinutes: 0, method: 'email' },
          { afterMinutes: 5, method: ntfy.id },
        ],
        low: [],
      }),
    ).toEqual({
      high: [
        { afterMinutes: 0, method: 'email' },
        { afterMinutes: 5, method: ntfy.id },
      ],
      low: [],
    });

    const incident = await fire('fp-pay-2', 'PaymentsSlow', new Date());
    const ref = `INC-${incident.number}`;
    // After the incident opened (its first escalation is due from the database's clock).
    const now = new Date();
    await mods.scheduler.runEscalationOnce({ now });
    const ntfyBefore = fake.received.filter((r) => r.path === '/').length;
    const at = (seconds: number) => ({ ...options(), now: () => new Date(now.getTime() + seconds * 1000) });
    // Now: Ana's e-mail (her first step) and Bo's e-mail (no rules); her ntfy step waits 5 minutes.
    expect(await mods.outbox.runOutboxOnce(at(1))).toEqual(['sent', 'sent']);
    expect(sink.messages().filter((m) => m.includes(`To: ${ANA.email}`) && m.includes(ref))).toHaveLength(1);
    expect(await mods.outbox.runOutboxOnce(at(299))).toEqual([]);
    // Bo acknowledges in the meantime: Ana's later step is not sent.
    await mods.incidents.acknowledgeIncident(BO, ref, { reason: 'mine' });
    expect(await mods.outbox.runOutboxOnce(at(301))).toEqual(['cancelled']);
    expect(fake.received.filter((r) => r.path === '/')).toHaveLength(ntfyBefore);
    const pages = (await mods.incidents.getIncident(ANA, ref)).pages.filter(
      (p) => p.person.name === 'Ana Lopez',
    );
    expect(pages.map((p) => [p.method, p.status]).sort()).toEqual([
      ['email', 'sent'],
      ['ntfy', 'cancelled'],
    ]);
  });

  it("a reminder follows the person's rules: a fake ntfy receives it with the exact payload, not the account e-mail", async () => {
    const db = mods.db.db();
    // The earlier tests' incidents are done with: only this one is acknowledged and firing.
    await db.incident.updateMany({ data: { status: 'resolved' } });
    const ntfy = await db.contactMethod.findFirstOrThrow({ where: { userId: ANA.id, kind: 'ntfy' } });
    // Her high-urgency rules start with ntfy at once; e-mail only 10 minutes later.
    await mods.rules.replaceMyRules(ANA, {
      high: [
        { afterMinutes: 0, method: ntfy.id },
        { afterMinutes: 10, method: 'email' },
      ],
      low: [{ afterMinutes: 0, method: 'email' }],
    });
    const incident = await fire('fp-pay-3', 'LedgerStuck', new Date());
    const ref = `INC-${incident.number}`;
    await mods.incidents.acknowledgeIncident(ANA, ref, { reason: 'looking' });
    const ack = await db.timelineEvent.findFirstOrThrow({
      where: { incidentId: incident.id, type: 'incident.acknowledged' },
    });
    const due = new Date(ack.at.getTime() + 3601_000);
    const mailsBefore = sink.messages().filter((m) => m.includes(`To: ${ANA.email}`)).length;
    const ntfyBefore = fake.received.filter((r) => r.path === '/').length;

    expect(await mods.reminders.queueReminders(db, due, 3600)).toBe(1);
    expect(await mods.outbox.runOutboxOnce({ ...options(), now: () => due })).toEqual(['sent']);

    const received = fake.received.filter((r) => r.path === '/');
    expect(received).toHaveLength(ntfyBefore + 1);
    expect(received.at(-1)?.headers.authorization).toBe('Bearer tk_ana');
    const openUrl = `https://vigil.example.com/incidents/${ref}`;
    expect(received.at(-1)?.body).toEqual({
      topic: 'ana-pages',
      title: `${ref} [critical] LedgerStuck`,
      message: `its alerts still fire; you acknowledged it at ${ack.at.toISOString().slice(11, 16)} UTC`,
      priority: 3,
      tags: ['alarm_clock'],
      click: openUrl,
      actions: [{ action: 'view', label: 'Open', url: openUrl }],
    });
    expect(sink.messages().filter((m) => m.includes(`To: ${ANA.email}`))).toHaveLength(mailsBefore);
    const sentences = (await mods.incidents.getIncident(ANA, ref)).timeline.map((e) => e.sentence);
    expect(sentences).toContain('Reminded Ana Lopez by ntfy that its alerts still fire');
  });
});

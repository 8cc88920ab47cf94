import { writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Actor } from '@/lib/auth/actor';
import { type EmbeddedDatabase, startEmbeddedPostgres } from '@/lib/db/embedded';
import { applyMigrations } from '@/lib/db/migrate';
import { runtimeState } from '@/lib/db/runtime';
import { forgetTestSends } from '@/lib/notify/test-send-limit';
import {
  readableMessage,
  type SmtpSink,
  startSmtpSink,
  startWebhookReceiver,
  type WebhookReceiver,
} from '@/lib/notify/testing/sinks';
import { context } from '@/lib/testing/route-harness';

/**
 * Contact methods through their route handlers against a real PostgreSQL (embedded, migrated), a real
 * SMTP server (aiosmtpd) and a local node:http receiver standing in for Slack, Mattermost, Teams, ntfy and
 * the SMS/voice gateway (each such test says "fake" and checks the exact request). Also: secrets never
 * in an answer nor in the row's plaintext, one's own methods only, admin read-only listing, audit.
 */

let caller: Actor | undefined;
vi.mock('@/lib/auth', async () => (await import('@/lib/testing/route-harness')).fakeAuth(() => caller));
await vi.hoisted(async () => (await import('@/lib/testing/route-harness')).setRouteEnv());

const person = (id: string, role: Actor['role']): Actor => ({
  id,
  email: `${id}@example.com`,
  name: id[0]?.toUpperCase() + id.slice(1),
  role,
  via: 'session',
  ip: null,
});
const ana = person('ana', 'responder');
const ben = person('ben', 'responder');
const ada = person('ada', 'admin');

let server: EmbeddedDatabase;
let sink: SmtpSink;
let fake: WebhookReceiver;
let db: typeof import('@/lib/db').db;
let routes: Awaited<ReturnType<typeof loadRoutes>>;

async function loadRoutes() {
  return {
    mine: await import('@/app/api/v1/me/contact-methods/route'),
    one: await import('@/app/api/v1/me/contact-methods/[id]/route'),
    test: await import('@/app/api/v1/me/contact-methods/[id]/test/route'),
    ofUser: await import('@/app/api/v1/users/[id]/contact-methods/route'),
  };
}

type Handler = (request: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function call(
  handler: Handler,
  as: Actor,
  url: string,
  {
    method = 'GET',
    body,
    params = {},
  }: { method?: string; body?: unknown; params?: Record<string, string> } = {},
) {
  caller = as;
  const res = await handler(
    new Request(`http://vigil.test${url}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
    context(params),
  );
  const text = await res.text();
  return {
    status: res.status,
    json: text ? JSON.parse(text) : undefined,
    text,
    retryAfter: res.headers.get('retry-after'),
  };
}

const add = (as: Actor, body: Record<string, unknown>) =>
  call(routes.mine.POST, as, '/api/v1/me/contact-methods', { method: 'POST', body });
const sendTest = (as: Actor, id: string) =>
  call(routes.test.POST, as, `/api/v1/me/contact-methods/${id}/test`, { method: 'POST', params: { id } });

/** The requests the fake received on `path` since `from`. */
const receivedOn = (path: string, from: number) => fake.received.slice(from).filter((r) => r.path === path);

const TEST_TEXT = (label: string) =>
  `Ana asked for this test of "${label}". Pages to this contact method will arrive like this.`;
const OPEN = 'http://vigil.test/people/me';

beforeAll(async () => {
  [sink, fake] = await Promise.all([startSmtpSink(), startWebhookReceiver()]);
  const dir = await mkdtemp(path.join(tmpdir(), 'vigil-contacts-'));
  const file = path.join(dir, 'vigil.yaml');
  writeFileSync(
    file,
    [
      `smtp: { host: 127.0.0.1, port: ${sink.port}, from: vigil@example.com }`,
      `sms: { url: ${fake.url}/sms, from: "+15550100", auth: { type: basic, username: AC123, password: gw-pass } }`,
      `voice: { url: ${fake.url}/voice, from: "+15550100", headers: { x-api-key: voice-key } }`,
      `contactMethods: { allowHttpHosts: ["127.0.0.1"], slackApiUrl: ${fake.url}/slack-api }`,
    ].join('\n'),
  );
  process.env.VIGIL_CONFIG = file;
  server = await startEmbeddedPostgres(await mkdtemp(path.join(tmpdir(), 'vigil-contacts-db-')));
  await applyMigrations(server.url, path.join(process.cwd(), 'prisma', 'migrations'));
  runtimeState().databaseUrl = server.url;
  ({ db } = await import('@/lib/db'));
  await db().user.createMany({
    data: [ana, ben, ada].map((p) => ({ id: p.id, email: p.email, name: p.name, role: p.role })),
  });
  routes = await loadRoutes();
}, 180_000);

// Every test sends its own tests; the limits (5 a minute per person) are a test of their own below.
beforeEach(forgetTestSends);

afterAll(async () => {
  await sink?.stop();
  await fake?.stop();
  await server?.stop();
});

describe('sending a test to each kind', () => {
  it('a fake Slack incoming webhook receives the test as blocks with an Open button, and the method is verified', async () => {
    const created = await add(ana, {
      kind: 'slack',
      label: 'Work Slack',
      url: `${fake.url}/services/T0/B0/hook-secret`,
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ kind: 'slack', label: 'Work Slack', verifiedAt: null });
    const from = fake.received.length;
    const result = await sendTest(ana, created.json.id);
    expect(result.json).toMatchObject({ ok: true, message: 'Sent. Check that it arrived.' });
    expect(result.json.method.verifiedAt).toEqual(expect.any(String));
    const [request] = receivedOn('/services/T0/B0/hook-secret', from);
    expect(request?.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(request?.body).toEqual({
      text: `Test from Vigil: ${TEST_TEXT('Work Slack')}`,
      blocks: [
        { type: 'section', text: { type: 'mrkdwn', text: `*Test from Vigil*\n${TEST_TEXT('Work Slack')}` } },
        {
          type: 'actions',
          block_id: 'vigil_actions',
          elements: [
            {
              type: 'button',
              action_id: 'vigil_open',
              text: { type: 'plain_text', text: 'Open' },
              url: OPEN,
            },
          ],
        },
      ],
    });
  });

  it('a fake Slack Web API receives a bot direct message with the bot token; its refusal is kept as the error', async () => {
    const created = await add(ana, {
      kind: 'slack',
      label: 'Slack DM',
      botToken: 'xoxb-1-2-bot-secret',
      slackUserId: 'U024BE7LH',
    });
    fake.answer('/slack-api/chat.postMessage', 200, { ok: true, channel: 'D1', ts: '1.2' });
    const from = fake.received.length;
    expect((await sendTest(ana, created.json.id)).json.ok).toBe(true);
    const [request] = receivedOn('/slack-api/chat.postMessage', from);
    expect(request?.headers.authorization).toBe('Bearer xoxb-1-2-bot-secret');
    expect(request?.body).toMatchObject({
      channel: 'U024BE7LH',
      text: `Test from Vigil: ${TEST_TEXT('Slack DM')}`,
    });

    fake.answer('/slack-api/chat.postMessage', 200, { ok: false, error: 'invalid_auth' });
    // A second test of this method at once would be refused (one per 10 s); this test is not about that.
    forgetTestSends();
    const refused = await sendTest(ana, created.json.id);
    expect(refused.json.ok).toBe(false);
    expect(refused.json.message).toBe(
      'Slack: the Web API refused the message (invalid_auth). Check the webhook URL, or the bot token, its chat:write scope and the member ID.',
    );
    expect(refused.json.method).toMatchObject({ lastError: refused.json.message });
    expect(refused.json.method.verifiedAt).toEqual(expect.any(String)); // the earlier success still stands
  });

  it('a fake Mattermost incoming webhook receives one attachment linked to the console', async () => {
    const created = await add(ana, { kind: 'mattermost', url: `${fake.url}/hooks/mm-secret` });
    const from = fake.received.length;
    expect((await sendTest(ana, created.json.id)).json.ok).toBe(true);
    expect(receivedOn('/hooks/mm-secret', from)[0]?.body).toEqual({
      attachments: [
        {
          fallback: `Test from Vigil: ${TEST_TEXT('Mattermost')}`,
          color: '#12b76a',
          title: 'Test from Vigil',
          title_link: OPEN,
          text: TEST_TEXT('Mattermost'),
        },
      ],
    });
  });

  it('a fake Teams workflow webhook receives an Adaptive Card with an Open action', async () => {
    const created = await add(ana, { kind: 'teams', url: `${fake.url}/workflows/teams-secret?sig=s3` });
    const from = fake.received.length;
    expect((await sendTest(ana, created.json.id)).json.ok).toBe(true);
    const body = receivedOn('/workflows/teams-secret', from)[0]?.body as {
      type: string;
      attachments: { content: unknown }[];
    };
    expect(body.type).toBe('message');
    expect(body.attachments[0]?.content).toEqual({
      $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
      type: 'AdaptiveCard',
      version: '1.4',
      body: [
        { type: 'TextBlock', text: 'Test from Vigil', weight: 'Bolder', size: 'Medium', wrap: true },
        { type: 'TextBlock', text: TEST_TEXT('Microsoft Teams'), wrap: true },
      ],
      actions: [{ type: 'Action.OpenUrl', title: 'Open', url: OPEN }],
    });
  });

  it('a fake ntfy server receives a JSON publish to its root with the topic and the Bearer token', async () => {
    const created = await add(ana, {
      kind: 'ntfy',
      topicUrl: `${fake.url}/ana-pages-x7`,
      token: 'tk_ntfysecret',
    });
    expect(created.json.display).toBe(`${new URL(fake.url).host}/an…x7 (with token)`);
    const from = fake.received.length;
    expect((await sendTest(ana, created.json.id)).json.ok).toBe(true);
    const [request] = receivedOn('/', from);
    expect(request?.headers.authorization).toBe('Bearer tk_ntfysecret');
    expect(request?.body).toEqual({
      topic: 'ana-pages-x7',
      title: 'Test from Vigil',
      message: TEST_TEXT('ntfy'),
      priority: 3,
      tags: ['bell'],
      click: OPEN,
      actions: [{ action: 'view', label: 'Open', url: OPEN }],
    });
  });

  it('a fake SMS gateway receives a Basic-authenticated Twilio-style form', async () => {
    const created = await add(ana, { kind: 'sms', phone: '+32 470 12 34 56' });
    expect(created.json.display).toBe('+… 456');
    const from = fake.received.length;
    expect((await sendTest(ana, created.json.id)).json.ok).toBe(true);
    const [request] = receivedOn('/sms', from);
    expect(request?.headers.authorization).toBe(`Basic ${Buffer.from('AC123:gw-pass').toString('base64')}`);
    expect(request?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(String(request?.body)))).toEqual({
      To: '+32470123456',
      From: '+15550100',
      Body: `Test from Vigil: ${TEST_TEXT('SMS')} ${OPEN}`,
    });
  });

  it('a fake voice gateway receives the TwiML form with its configured header', async () => {
    const created = await add(ana, { kind: 'voice', phone: '+32470123456' });
    const from = fake.received.length;
    expect((await sendTest(ana, created.json.id)).json.ok).toBe(true);
    const [request] = receivedOn('/voice', from);
    expect(request?.headers['x-api-key']).toBe('voice-key');
    expect(Object.fromEntries(new URLSearchParams(String(request?.body)))).toEqual({
      To: '+32470123456',
      From: '+15550100',
      Twiml: '<Response><Say>This is a test call from Vigil. Test from Vigil.</Say></Response>',
    });
  });

  it('an e-mail test reaches the real SMTP server with both a text and an HTML part', async () => {
    const created = await add(ana, { kind: 'email', address: 'ana.pager@example.com' });
    expect(created.json.display).toBe('ana.pager@example.com');
    expect((await sendTest(ana, created.json.id)).json.ok).toBe(true);
    const mail = sink
      .messages()
      .map(readableMessage)
      .find((m) => m.includes('ana.pager@example.com'));
    expect(mail).toMatch(/^Subject: Test from Vigil$/m);
    expect(mail).toContain(`Open in Vigil: ${OPEN}`);
    expect(mail).toContain(`<a href="${OPEN}">Open in Vigil</a>`);
  });

  it('a fake receiver answering 404 leaves the method unverified with what to check', async () => {
    fake.answer('/hooks/gone', 404);
    const created = await add(ana, { kind: 'mattermost', label: 'Old hook', url: `${fake.url}/hooks/gone` });
    const result = await sendTest(ana, created.json.id);
    expect(result.json).toMatchObject({
      ok: false,
      message:
        'Mattermost: the receiver answered HTTP 404. Check the incoming webhook URL (it may have been deleted or disabled).',
      method: { verifiedAt: null, lastError: expect.stringContaining('HTTP 404') },
    });
    expect(result.json.method.lastTestAt).toEqual(expect.any(String));
  });
});

describe('the deadline', () => {
  it('a fake ntfy that takes the request and never answers is cut off at the deadline', async () => {
    // Accepts the connection and the body, then says nothing: the worst receiver a page can meet.
    const silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const created = await add(ana, {
        kind: 'ntfy',
        topicUrl: `http://127.0.0.1:${(silent.address() as AddressInfo).port}/silent-topic`,
      });
      const method = await db().contactMethod.findUniqueOrThrow({ where: { id: created.json.id } });
      const { sendToContact } = await import('./send');
      const started = Date.now();
      await expect(
        sendToContact(method, { kind: 'test', title: 'T', text: '', openUrl: OPEN }, 500),
      ).rejects.toThrow('ntfy: no complete answer within 0.5 s. Check the topic URL');
      const ms = Date.now() - started;
      console.info(`[test] a silent ntfy was cut off after ${ms} ms (deadline 500 ms)`);
      expect(ms).toBeLessThan(2_000);
    } finally {
      silent.closeAllConnections();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });
});

describe('secrets and validation', () => {
  it('never answers a secret, and stores none in plaintext, nor in the audit log', async () => {
    const list = await call(routes.mine.GET, ana, '/api/v1/me/contact-methods');
    expect(list.status).toBe(200);
    expect(list.json.methods.length).toBeGreaterThanOrEqual(8);
    const rows = await db().$queryRawUnsafe<{ secret: string; display: string }[]>(
      'SELECT secret, display FROM contact_methods',
    );
    const audit = JSON.stringify(
      await db().auditLog.findMany({
        where: { action: { startsWith: 'contact_method' } },
        select: { details: true, target: true },
      }),
    );
    for (const secret of [
      'hook-secret',
      'xoxb-1-2-bot-secret',
      'mm-secret',
      'teams-secret',
      'tk_ntfysecret',
      'ana-pages-x7',
      '470123',
    ]) {
      expect(list.text).not.toContain(secret);
      expect(audit).not.toContain(secret);
      for (const row of rows) expect(`${row.secret} ${row.display}`).not.toContain(secret);
    }
    for (const row of rows) expect(row.secret).toMatch(/^v1\./);
  });

  it('names the field: a plain-http URL on a host no admin allowed, a number not in E.164', async () => {
    const http = await add(ana, { kind: 'teams', url: 'http://10.0.0.5/hook' });
    expect(http.status).toBe(422);
    expect(http.json.error.fields).toEqual({
      url: 'must be https:// (plain http only for hosts an admin lists in contactMethods.allowHttpHosts in VIGIL_CONFIG)',
    });
    const phone = await add(ana, { kind: 'voice', phone: '0470123456' });
    expect(phone.json.error.fields).toEqual({ phone: 'must be an E.164 number such as +32470123456' });
  });

  it('renames, and replaces settings only within the kind, clearing the verification', async () => {
    const created = await add(ana, { kind: 'ntfy', topicUrl: `${fake.url}/renamed-topic` });
    const id = created.json.id;
    await sendTest(ana, id);
    const renamed = await call(routes.one.PATCH, ana, `/api/v1/me/contact-methods/${id}`, {
      method: 'PATCH',
      params: { id },
      body: { label: 'Phone (ntfy)' },
    });
    expect(renamed.json).toMatchObject({ label: 'Phone (ntfy)', verifiedAt: expect.any(String) });
    const wrongKind = await call(routes.one.PATCH, ana, `/api/v1/me/contact-methods/${id}`, {
      method: 'PATCH',
      params: { id },
      body: { settings: { kind: 'email', address: 'x@example.com' } },
    });
    expect(wrongKind.status).toBe(422);
    expect(wrongKind.json.error.fields).toEqual({ 'settings.kind': 'must stay "ntfy"' });
    const moved = await call(routes.one.PATCH, ana, `/api/v1/me/contact-methods/${id}`, {
      method: 'PATCH',
      params: { id },
      body: { settings: { kind: 'ntfy', topicUrl: `${fake.url}/another-topic` } },
    });
    expect(moved.json).toMatchObject({ verifiedAt: null, display: `${new URL(fake.url).host}/an…ic` });
  });
});

describe('whose methods', () => {
  it('lets nobody test, change or delete another person’s method', async () => {
    const { json } = await add(ana, { kind: 'email', label: 'Ana only', address: 'ana@example.com' });
    expect((await sendTest(ben, json.id)).status).toBe(404);
    const del = await call(routes.one.DELETE, ben, `/api/v1/me/contact-methods/${json.id}`, {
      method: 'DELETE',
      params: { id: json.id },
    });
    expect(del.status).toBe(404);
    const bens = await call(routes.mine.GET, ben, '/api/v1/me/contact-methods');
    expect(bens.json).toEqual({ methods: [] });
  });

  it('lets an admin read a person’s list (display strings only), and nobody else', async () => {
    const asAdmin = await call(routes.ofUser.GET, ada, '/api/v1/users/ana/contact-methods', {
      params: { id: 'ana' },
    });
    expect(asAdmin.status).toBe(200);
    expect(asAdmin.json.methods.map((m: { kind: string }) => m.kind)).toContain('ntfy');
    expect(asAdmin.text).not.toContain('tk_ntfysecret');
    const asBen = await call(routes.ofUser.GET, ben, '/api/v1/users/ana/contact-methods', {
      params: { id: 'ana' },
    });
    expect(asBen.status).toBe(403);
    const nobody = await call(routes.ofUser.GET, ada, '/api/v1/users/nobody/contact-methods', {
      params: { id: 'nobody' },
    });
    expect(nobody.status).toBe(404);
  });

  it('audits a deletion, and the method is gone', async () => {
    const { json } = await add(ana, { kind: 'sms', label: 'Spare phone', phone: '+32470999888' });
    const del = await call(routes.one.DELETE, ana, `/api/v1/me/contact-methods/${json.id}`, {
      method: 'DELETE',
      params: { id: json.id },
    });
    expect(del.json).toEqual({ ok: true });
    expect(await db().contactMethod.findUnique({ where: { id: json.id } })).toBeNull();
    const entry = await db().auditLog.findFirst({ where: { action: 'contact_method.deleted' } });
    expect(entry).toMatchObject({
      actorEmail: 'ana@example.com',
      details: { id: json.id, kind: 'sms', label: 'Spare phone', display: '+… 888' },
    });
  });
});

describe('test-send limits', () => {
  it('answers 429 with Retry-After to a second test of one method within 10 s, and to a sixth test in a minute; a refused test sends nothing', async () => {
    const created = await add(ben, { kind: 'ntfy', topicUrl: `${fake.url}/ben-pages` });
    const from = fake.received.length;
    expect((await sendTest(ben, created.json.id)).json.ok).toBe(true);
    const again = await sendTest(ben, created.json.id);
    expect(again.status).toBe(429);
    expect(Number(again.retryAfter)).toBeGreaterThanOrEqual(9);
    expect(Number(again.retryAfter)).toBeLessThanOrEqual(10);
    expect(again.json.error.message).toMatch(
      /^This one was tested a moment ago \(one test every 10 s\); check that it arrived, or try again in (9|10) s\.$/,
    );
    expect(receivedOn('/', from)).toHaveLength(1);

    // Four more methods: five tests in all this minute, then the sixth (another method) is refused.
    for (const n of [1, 2, 3, 4]) {
      const other = await add(ben, { kind: 'ntfy', label: `Topic ${n}`, topicUrl: `${fake.url}/ben-${n}` });
      expect((await sendTest(ben, other.json.id)).status).toBe(200);
    }
    const sixth = await add(ben, { kind: 'ntfy', label: 'Topic 6', topicUrl: `${fake.url}/ben-6` });
    const refused = await sendTest(ben, sixth.json.id);
    expect([refused.status, refused.retryAfter !== null]).toEqual([429, true]);
    expect(refused.json.error.message).toMatch(
      /^You sent 5 tests in the last minute, the most allowed; try again in \d+ s\.$/,
    );
    expect(receivedOn('/', from)).toHaveLength(5);
    // Someone else is not held back by Ben's tests.
    const anas = await add(ana, { kind: 'ntfy', label: 'Ana topic', topicUrl: `${fake.url}/ana-other` });
    expect((await sendTest(ana, anas.json.id)).status).toBe(200);
  });
});

import { rmSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Actor } from '@/lib/auth/actor';
import { type EmbeddedDatabase, startEmbeddedPostgres } from '@/lib/db/embedded';
import { applyMigrations } from '@/lib/db/migrate';
import { runtimeState } from '@/lib/db/runtime';
import {
  type FakePushService,
  startFakePushService,
  type TestBrowser,
  testBrowser,
} from '@/lib/testing/fake-push-service';
import { context } from '@/lib/testing/route-harness';
import { buildPushPayload, type PushMessage, pushOptions } from './payload';

/**
 * Web Push end to end on the server side, against a real PostgreSQL and a FAKE push service on a local
 * port (lib/testing/fake-push-service.ts) that checks VAPID and decrypts the payload like a browser.
 * Also the push API routes: registration (https only, secrets never answered or stored in the clear),
 * the test push, removal, the in-tab switch and the pages poll.
 */

let caller: Actor | undefined;
vi.mock('@/lib/auth', async () => (await import('@/lib/testing/route-harness')).fakeAuth(() => caller));
await vi.hoisted(async () => (await import('@/lib/testing/route-harness')).setRouteEnv());

const MIGRATIONS = path.join(process.cwd(), 'prisma', 'migrations');
const ana: Actor = {
  id: 'ana',
  email: 'ana@example.com',
  name: 'Ana',
  role: 'responder',
  via: 'session',
  ip: null,
};
const ben: Actor = {
  id: 'ben',
  email: 'ben@example.com',
  name: 'Ben',
  role: 'viewer',
  via: 'session',
  ip: null,
};

let dataDir: string;
let server: EmbeddedDatabase;
let db: typeof import('@/lib/db').db;
let push: FakePushService;
const browsers = new Map<string, TestBrowser>();

type Handler = (request: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
async function call(
  handler: Handler,
  as: Actor,
  url: string,
  init: { method?: string; body?: unknown; params?: Record<string, string> } = {},
) {
  caller = as;
  const res = await handler(
    new Request(`http://vigil.test${url}`, {
      method: init.method ?? 'GET',
      headers: init.body === undefined ? {} : { 'content-type': 'application/json' },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    }),
    context(init.params ?? {}),
  );
  const text = await res.text();
  return {
    status: res.status,
    text,
    json: text ? JSON.parse(text) : undefined,
    retryAfter: res.headers.get('retry-after'),
  };
}

/** A test browser subscribed at the fake, registered for `as` through the data layer (the API takes https only). */
async function subscribe(id: string, as: Actor) {
  const browser = testBrowser(`${push.url}/push/${id}`);
  browsers.set(id, browser);
  const { saveSubscription } = await import('./subscriptions');
  return { browser, device: await saveSubscription(as, { ...browser.subscription, label: `browser ${id}` }) };
}

const page: PushMessage = {
  kind: 'page',
  title: 'INC-7 Disk full on db-1',
  body: 'Level 1 of SRE primary: you are on call',
  incidentId: 'inc-7',
  url: '/incidents/INC-7',
  ackUrl: 'https://vigil.example/a/signed-token',
};

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'vigil-push-'));
  // The fake push service listens on 127.0.0.1 over http: an admin lists such a host (README).
  const file = path.join(dataDir, 'vigil.yaml');
  await writeFile(file, 'push: { allowHosts: ["127.0.0.1"] }\n');
  process.env.VIGIL_CONFIG = file;
  server = await startEmbeddedPostgres(dataDir);
  await applyMigrations(server.url, MIGRATIONS);
  runtimeState().databaseUrl = server.url;
  ({ db } = await import('@/lib/db'));
  await db().user.createMany({
    data: [
      { id: 'ada', email: 'ada@example.com', role: 'admin' },
      ...[ana, ben].map((p) => ({ id: p.id, email: p.email, name: p.name, role: p.role })),
    ],
  });
  push = await startFakePushService(() => browsers);
}, 180_000);

afterAll(async () => {
  await push?.close();
  if (runtimeState().databaseUrl) await db?.().$disconnect();
  await server?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('sendPush', () => {
  it('a fake push service receives a VAPID-signed, RFC 8291-encrypted page that decrypts to the payload sent', async () => {
    const { pushToUser } = await import('./deliver');
    const { getVapidPublicKey } = await import('./vapid');
    await subscribe('ana-phone', ana);
    const results = await pushToUser('ana', page);
    expect(push.problems).toEqual([]);
    expect(results).toEqual([expect.objectContaining({ delivered: true, error: null, removed: false })]);
    const [got] = push.received;
    expect(got?.payload).toEqual(buildPushPayload(page));
    expect(got?.payload).toMatchObject({
      actions: [{ action: 'ack', title: 'Acknowledge' }],
      ackUrl: 'https://vigil.example/api/v1/actions/signed-token',
    });
    expect(got?.headers['content-encoding']).toBe('aes128gcm');
    expect(got?.headers.ttl).toBe('3600');
    expect(got?.headers.urgency).toBe('high');
    expect(got?.headers.topic).toBe(pushOptions(page).topic);
    expect(got?.claims).toMatchObject({ aud: push.url, sub: 'mailto:ada@example.com' });
    // The key browsers are told to subscribe with is the one that signed.
    expect(got?.vapidKey).toBe(await getVapidPublicKey());
    const row = await db().pushSubscription.findFirstOrThrow({ where: { userId: 'ana' } });
    expect(row).toMatchObject({ failures: 0, lastError: null });
    expect(row.lastSuccessAt).not.toBeNull();
  });

  it('deletes a subscription the fake push service answers 410 (gone) for, and counts other failures', async () => {
    const { pushToUser } = await import('./deliver');
    await subscribe('ben-old', ben);
    await subscribe('ben-busy', ben);
    push.answer('ben-old', 410);
    push.answer('ben-busy', 503);
    const results = await pushToUser('ben', { ...page, kind: 'followup', title: 'INC-7 resolved' });
    expect(results.map((r) => [r.label, r.delivered, r.removed])).toEqual([
      ['browser ben-old', false, true],
      ['browser ben-busy', false, false],
    ]);
    expect(results[0]?.error).toMatch(
      /answered 410: the browser unsubscribed; enable push on that device again/,
    );
    expect(results[0]?.error).not.toContain('/push/');
    const left = await db().pushSubscription.findMany({ where: { userId: 'ben' } });
    expect(left).toEqual([expect.objectContaining({ label: 'browser ben-busy', failures: 1 })]);
    expect(left[0]?.lastError).toMatch(/answered 503/);
    // A follow-up: normal urgency, no acknowledge action.
    const followup = push.received.find((r) => r.id === 'ben-busy');
    expect(followup?.headers.urgency).toBe('normal');
    expect(followup?.payload).toMatchObject({ title: 'INC-7 resolved', actions: [] });
  });

  it('stops at the deadline when the push service never answers', async () => {
    const { createServer } = await import('node:http');
    const silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as import('node:net').AddressInfo;
    const { sendPush, PushError } = await import('./send');
    const { getVapidKeys } = await import('./vapid');
    const target = testBrowser(`http://127.0.0.1:${port}/push/x`).subscription;
    const started = Date.now();
    const error = await sendPush(target, page, { vapid: await getVapidKeys(), deadlineMs: 300 }).catch(
      (e) => e,
    );
    silent.closeAllConnections();
    silent.close();
    expect(error).toBeInstanceOf(PushError);
    expect(error).toMatchObject({ outcome: 'timeout' });
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

describe('DNS rebinding', () => {
  it('refuses a push host whose name resolves to an internal address only when connecting, and reaches nothing', async () => {
    const { createServer } = await import('node:net');
    let connections = 0;
    const local = createServer((socket) => {
      connections++;
      socket.destroy();
    });
    await new Promise<void>((resolve) => local.listen(0, '127.0.0.1', resolve));
    const { port } = local.address() as import('node:net').AddressInfo;
    const { sendPush, PushError } = await import('./send');
    const { getVapidKeys } = await import('./vapid');
    const { resolvedDestinationProblem } = await import('@/lib/net/destination');
    const { refusingInternal } = await import('@/lib/net/guarded-post');
    const endpoint = `https://rebind.example:${port}/push/x`;
    const policy = { allowHosts: [], setting: 'push.allowHosts', refuseInternal: true };
    // The check before the send is told a public address; the name then answers loopback.
    expect(await resolvedDestinationProblem(endpoint, policy, async () => ['93.184.215.14'])).toBeNull();
    const rebound = (_host: string, callback: (e: null, a: { address: string; family: number }[]) => void) =>
      callback(null, [{ address: '127.0.0.1', family: 4 }]);
    const target = { ...testBrowser(endpoint).subscription, endpoint };
    const vapid = await getVapidKeys();
    try {
      const error = await sendPush(target, page, { vapid, lookup: refusingInternal(rebound) }).catch(
        (e) => e,
      );
      expect(error).toBeInstanceOf(PushError);
      expect(error).toMatchObject({ outcome: 'rejected' });
      expect(error.message).toContain('rebind.example resolves to an internal address');
      expect(connections).toBe(0);
      // The control: a connection resolving as the system would after the rebinding reaches the local port.
      await sendPush(target, page, {
        vapid,
        lookup: (_host, options, callback) =>
          options.all
            ? callback(null, [{ address: '127.0.0.1', family: 4 }])
            : callback(null, '127.0.0.1', 4),
      }).catch(() => undefined);
      expect(connections).toBe(1);
    } finally {
      local.close();
    }
  });
});

describe('storage', () => {
  it('keeps endpoint, keys and the generated VAPID private key encrypted, and one VAPID pair across calls', async () => {
    const rows = await db().$queryRawUnsafe<{ endpoint: string; p256dh: string; auth: string }[]>(
      'SELECT endpoint, p256dh, auth FROM push_subscriptions',
    );
    const text = JSON.stringify(rows);
    expect(text).not.toContain('127.0.0.1');
    expect(text).not.toContain(browsers.get('ana-phone')?.subscription.keys.auth);
    const { getVapidKeys } = await import('./vapid');
    const keys = await getVapidKeys();
    const stored = await db().vapidKeys.findMany();
    expect(stored).toHaveLength(1);
    expect(stored[0]?.publicKey).toBe(keys.publicKey);
    expect(stored[0]?.privateKey).not.toContain(keys.privateKey);
  });
});

describe('push API routes', () => {
  it('registers an https browser, lists it without secrets, refuses http, and removes it', async () => {
    const list = await import('@/app/api/v1/me/push-subscriptions/route');
    const one = await import('@/app/api/v1/me/push-subscriptions/[id]/route');
    const body = {
      ...testBrowser('https://push.example.net/send/abc').subscription,
      label: 'Firefox on laptop',
    };
    const refused = await call(list.POST, ana, '/api/v1/me/push-subscriptions', {
      method: 'POST',
      body: { ...body, endpoint: 'http://10.0.0.1/internal' },
    });
    expect(refused.status).toBe(422);
    expect(refused.text).toContain('https URL of a push service');
    const created = await call(list.POST, ana, '/api/v1/me/push-subscriptions', { method: 'POST', body });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      label: 'Firefox on laptop',
      service: 'push.example.net',
      failures: 0,
    });
    const listed = await call(list.GET, ana, '/api/v1/me/push-subscriptions');
    expect(listed.json.devices.map((d: { label: string }) => d.label)).toEqual([
      'browser ana-phone',
      'Firefox on laptop',
    ]);
    expect(listed.text).not.toContain('/send/abc');
    expect(listed.text).not.toContain(body.keys.p256dh);
    // Ben cannot remove Ana's device.
    expect(
      (await call(one.DELETE, ben, '', { method: 'DELETE', params: { id: created.json.id } })).status,
    ).toBe(404);
    expect(
      (await call(one.DELETE, ana, '', { method: 'DELETE', params: { id: created.json.id } })).status,
    ).toBe(200);
    expect((await call(list.GET, ana, '/api/v1/me/push-subscriptions')).json.devices).toHaveLength(1);
  });

  it('refuses with 422 an endpoint that is, or resolves to, an internal address not listed in push.allowHosts', async () => {
    const list = await import('@/app/api/v1/me/push-subscriptions/route');
    const register = (endpoint: string) =>
      call(list.POST, ana, '/api/v1/me/push-subscriptions', {
        method: 'POST',
        body: { ...testBrowser(endpoint).subscription, label: 'sneaky' },
      });
    const before = await db().pushSubscription.count();
    for (const endpoint of [
      'https://10.0.0.1/send/x',
      'https://[::1]:8443/send/x',
      'https://169.254.169.254/x',
    ]) {
      const refused = await register(endpoint);
      expect([refused.status, refused.json.error.code]).toEqual([422, 'validation']);
      expect(refused.json.error.message).toBe(
        'The push endpoint points at an internal address (loopback, private or link-local); an admin may list its host in push.allowHosts in VIGIL_CONFIG.',
      );
      expect(refused.json.error.fields).toEqual({
        endpoint: expect.stringMatching(/^points at an internal/),
      });
    }
    // "localhost" is a name: the system resolver (/etc/hosts) answers 127.0.0.1.
    const named = await register('https://localhost:8443/send/x');
    expect(named.status).toBe(422);
    expect(named.json.error.message).toMatch(/^The push endpoint resolves to an internal address/);
    expect(await db().pushSubscription.count()).toBe(before);
  });

  it('sends a test push to one of my devices through the fake push service', async () => {
    const test = await import('@/app/api/v1/me/push-subscriptions/[id]/test/route');
    const { device } = await subscribe('ana-tablet', ana);
    const before = push.received.length;
    expect((await call(test.POST, ben, '', { method: 'POST', params: { id: device.id } })).status).toBe(404);
    const answer = await call(test.POST, ana, '', { method: 'POST', params: { id: device.id } });
    expect(answer.json).toEqual({ delivered: true, error: null, removed: false });
    expect(push.received.slice(before)).toEqual([
      expect.objectContaining({
        id: 'ana-tablet',
        payload: {
          title: 'Vigil test page',
          body: expect.any(String),
          tag: 'vigil-test',
          url: '/people/me',
          actions: [],
        },
      }),
    ]);
    // A second test of the same device within 10 s is refused before anything is sent.
    const again = await call(test.POST, ana, '', { method: 'POST', params: { id: device.id } });
    expect([again.status, again.json.error.code]).toEqual([429, 'ratelimited']);
    expect(Number(again.retryAfter)).toBeGreaterThan(0);
    expect(again.json.error.message).toMatch(/one test every 10 s/);
    expect(push.received.slice(before)).toHaveLength(1);
  });

  it('keeps the in-tab notification switch per user', async () => {
    const tab = await import('@/app/api/v1/me/tab-notifications/route');
    expect((await call(tab.GET, ana, '')).json).toEqual({ enabled: false, sound: false });
    const body = { enabled: true, sound: true };
    expect((await call(tab.PUT, ana, '', { method: 'PUT', body })).json).toEqual(body);
    expect((await call(tab.GET, ana, '')).json).toEqual(body);
    expect((await call(tab.GET, ben, '')).json).toEqual({ enabled: false, sound: false });
  });

  it('lists pages to me since an instant, one per incident', async () => {
    const pages = await import('@/app/api/v1/me/pages/route');
    const incident = await db().incident.create({
      data: { number: 7, title: 'Disk full on db-1', severity: 'critical', createdById: 'ada' },
    });
    const since = new Date(Date.now() - 1000).toISOString();
    for (const [n, userId] of [
      [1, 'ana'],
      [2, 'ana'],
      [1, 'ben'],
    ] as const)
      await db().notification.create({
        data: {
          incidentId: incident.id,
          userId,
          channel: 'email',
          kind: 'escalation',
          payload: {},
          dedupeKey: `k${n}${userId}`,
        },
      });
    const answer = await call(pages.GET, ana, `/api/v1/me/pages?since=${encodeURIComponent(since)}`);
    expect(answer.status).toBe(200);
    expect(answer.json.pages).toEqual([
      expect.objectContaining({
        incidentId: incident.id,
        title: 'INC-7 Disk full on db-1',
        severity: 'critical',
      }),
    ]);
    const later = await call(pages.GET, ana, `/api/v1/me/pages?since=${encodeURIComponent(answer.json.now)}`);
    expect(later.json.pages).toEqual([]);
    expect((await call(pages.GET, ana, '/api/v1/me/pages?since=yesterday')).status).toBe(422);
  });
});

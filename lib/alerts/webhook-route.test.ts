import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { AlertStoreError } from '@/lib/incidents/alert-ingest';
import { metrics } from '@/lib/metrics/registry';
import { context, WEBHOOK_TOKEN } from '@/lib/testing/route-harness';
import type { AlertEventInput } from './alert-event';

/**
 * The webhook receiver through route(): the token, the 10 MB bound and the payload schema refuse with
 * 401, 413 and 400 (what Alertmanager does not retry), naming every bad field; each outcome is counted;
 * a database failure is a 503 that Alertmanager retries. The store is a stand-in; the rest is real.
 */

// The fixtures come from a two-peer Alertmanager cluster: each notification names its cluster by peer.
await vi.hoisted(async () =>
  (await import('@/lib/testing/route-harness')).setRouteEnv({
    ALERTMANAGER_URLS: 'http://127.0.0.1:19093,http://127.0.0.1:19095',
  }),
);

// The webhook is called with its own token, never a session: nothing here reaches Auth.js.
vi.mock('@/lib/auth', async () => (await import('@/lib/testing/route-harness')).fakeAuth(() => undefined));
const store = vi.hoisted(() => ({ fail: undefined as Error | undefined, events: [] as AlertEventInput[][] }));
vi.mock('@/lib/incidents/alert-ingest', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/incidents/alert-ingest')>()),
  storeWebhookEvents: async (events: AlertEventInput[]) => {
    if (store.fail) throw store.fail;
    store.events.push(events);
    return { received: events.length, stored: events.length, duplicates: 0 };
  },
}));

const { POST } = await import('@/app/api/v1/alertmanager/webhook/route');

const FIXTURES = path.join(import.meta.dirname, 'fixtures', 'webhook');
const INSTANCE_DOWN = readFileSync(
  path.join(FIXTURES, 'notification-002-pager-InstanceDown-firing.json'),
  'utf8',
);

function post(
  body: BodyInit | null,
  headers: Record<string, string> = { authorization: `Bearer ${WEBHOOK_TOKEN}` },
) {
  return POST(
    new Request('http://vigil.test/api/v1/alertmanager/webhook', { method: 'POST', body, headers }),
    context(),
  );
}

/** The InstanceDown notification as an object, with `change` applied, as a body. */
function variant(change: (payload: Record<string, unknown> & { alerts: Record<string, unknown>[] }) => void) {
  const payload = JSON.parse(INSTANCE_DOWN);
  change(payload);
  return JSON.stringify(payload);
}

/** The 400 of a refused body (counted as invalid, nothing stored): its message and fields. */
async function rejection(text: string): Promise<{ message: string; fields: Record<string, string> }> {
  const invalid = (await outcomes()).invalid ?? 0;
  const res = await post(text);
  expect(res.status).toBe(400);
  const { error } = await res.json();
  expect(error.code).toBe('validation');
  expect((await outcomes()).invalid).toBe(invalid + 1);
  expect(store.events).toEqual([]);
  return error;
}

const outcomes = async () =>
  Object.fromEntries(
    (await metrics().webhookNotifications.get()).values.map((v) => [String(v.labels.outcome), v.value]),
  );

beforeEach(() => {
  store.fail = undefined;
  store.events = [];
  metrics().webhookNotifications.reset();
});

describe('POST /api/v1/alertmanager/webhook', () => {
  it('stores one event per alert and answers what it stored', async () => {
    const res = await post(INSTANCE_DOWN);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      status: 'accepted',
      cluster: 'default',
      received: 1,
      stored: 1,
      duplicates: 0,
    });
    expect(store.events).toEqual([
      [expect.objectContaining({ cluster: 'default', fingerprint: '304712ab96b030dc', status: 'firing' })],
    ]);
    expect(await outcomes()).toEqual({ accepted: 1 });
  });

  it('refuses a wrong or missing token with 401, before reading the body', async () => {
    for (const headers of [{ authorization: `Bearer ${WEBHOOK_TOKEN}x` }, {} as Record<string, string>]) {
      const res = await post('not even JSON', headers);
      expect(res.status).toBe(401);
      expect((await res.json()).error).toMatchObject({
        code: 'unauthorized',
        message: expect.stringContaining('Authorization: Bearer <VIGIL_WEBHOOK_TOKEN>'),
      });
    }
    expect(store.events).toEqual([]);
    expect(await outcomes()).toEqual({ unauthorized: 2 });
  });

  it('refuses a body over 10 MB with 413 naming max_alerts, closing the connection only after a cut read', async () => {
    const body = ' '.repeat(10 * 1024 * 1024 + 1);
    // Refused on its declared length: nothing read, so the connection stays (closing it would make
    // Alertmanager fail its write and retry instead of reading the 413).
    const declared = await post(body, {
      authorization: `Bearer ${WEBHOOK_TOKEN}`,
      'content-length': String(body.length),
    });
    expect(declared.status).toBe(413);
    expect(declared.headers.get('connection')).toBeNull();
    // Without a length the read stops at the bound, and the socket cannot carry another request.
    const res = await post(body);
    expect(res.status).toBe(413);
    expect(res.headers.get('connection')).toBe('close');
    expect((await res.json()).error).toEqual({
      code: 'validation',
      message: 'The body is larger than 10 MB: set max_alerts in the webhook_config.',
      fields: { body: 'too large' },
    });
    expect(await outcomes()).toEqual({ too_large: 2 });
  });

  it('answers 503 with Retry-After when the database does not take the events', async () => {
    store.fail = new AlertStoreError(1, new Error('connection refused'));
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const res = await post(INSTANCE_DOWN);
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('10');
    expect((await res.json()).error).toEqual({
      code: 'unavailable',
      message: expect.stringMatching(
        /^PostgreSQL did not store 1 alert event\(s\) .*nothing was written.* Alertmanager will send the notification again\.$/,
      ),
    });
    expect(await outcomes()).toEqual({ unavailable: 1 });
    expect(logged).toHaveBeenCalledWith(
      expect.stringMatching(/^\[vigil\] webhook from pager \(default\) answered 503/),
    );
    logged.mockRestore();
  });
});

describe('webhook rejections name the problem', () => {
  it('an empty body', async () => {
    expect(await rejection('')).toMatchObject({ fields: { body: 'is empty' } });
  });

  it('malformed JSON, with the parser position', async () => {
    const result = await rejection('{"version": "4", ');
    expect(result.message).toMatch(/^The body is not valid JSON \(.+\)\.$/);
    expect(result.fields.body).toMatch(/^not valid JSON: /);
  });

  it('JSON that is not an object', async () => {
    expect((await rejection('[]')).fields).toEqual({
      body: 'must be a JSON object: an Alertmanager webhook notification',
    });
  });

  it('another payload version', async () => {
    const result = await rejection(variant((p) => Object.assign(p, { version: '3' })));
    expect(result.fields).toEqual({
      version: 'must be "4": only webhook payload version 4 is understood, got "3"',
    });
    expect(result.message).toBe(
      'Some fields are invalid — version: must be "4": only webhook payload version 4 is understood, got "3".',
    );
  });

  it('a missing version or alerts list', async () => {
    const result = await rejection(
      variant((p) => {
        delete p.version;
        delete (p as { alerts?: unknown }).alerts;
      }),
    );
    expect(result.fields).toEqual({
      version: 'is required: "4" (Alertmanager webhook payload version)',
      alerts: 'is required: the list of alerts in this notification',
    });
  });

  it('bad dates, with the alert index', async () => {
    const result = await rejection(
      variant((p) => {
        const alert = p.alerts[0] ?? {};
        alert.startsAt = '2026-11-21 08:05:35';
        alert.endsAt = 1_763_712_000;
      }),
    );
    expect(result.fields).toEqual({
      'alerts[0].startsAt': 'must be an RFC 3339 time such as 2026-11-21T08:05:35.625Z',
      'alerts[0].endsAt': 'must be an RFC 3339 time such as 2026-11-21T08:05:35.625Z',
    });
  });

  it("Go's zero time as startsAt", async () => {
    const result = await rejection(
      variant((p) => Object.assign(p.alerts[0] ?? {}, { startsAt: '0001-01-01T00:00:00Z' })),
    );
    expect(result.fields['alerts[0].startsAt']).toContain("not Go's zero time");
  });

  it('wrong types and statuses', async () => {
    const result = await rejection(
      variant((p) => {
        p.status = 'pending';
        p.truncatedAlerts = -1;
        Object.assign(p.alerts[0] ?? {}, { labels: { alertname: 1 }, fingerprint: '' });
      }),
    );
    expect(result.fields).toEqual({
      status: 'must be "firing" or "resolved"',
      truncatedAlerts: 'must not be negative',
      'alerts[0].labels.alertname': 'label values must be strings',
      'alerts[0].fingerprint': 'must not be empty',
    });
  });

  it('lists five problems and counts the rest', async () => {
    const result = await rejection('{}');
    expect(Object.keys(result.fields)).toHaveLength(10);
    expect(result.message).toMatch(/; and 5 more\.$/);
  });
});

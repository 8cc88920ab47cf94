import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseInSlices } from '@/lib/http/sliced-parse';
import {
  notificationCluster,
  type WebhookNotification,
  webhookAlertEvents,
  webhookPayloadInSlices,
  webhookPayloadSchema,
} from './webhook-schema';

const FIXTURES = path.join(import.meta.dirname, 'fixtures', 'webhook');
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8');
const NOTIFICATIONS = readdirSync(FIXTURES)
  .filter((f) => /^notification-\d+-.*-(firing|resolved)\.json$/.test(f))
  .sort();

/** The notification a body parses into (its refusals: webhook-route.test.ts). */
const parsed = (text: string): WebhookNotification => webhookPayloadSchema.parse(JSON.parse(text));

/** The InstanceDown notification as an object, with `change` applied, as a body. */
function variant(change: (payload: Record<string, unknown> & { alerts: Record<string, unknown>[] }) => void) {
  const payload = JSON.parse(fixture('notification-002-pager-InstanceDown-firing.json'));
  change(payload);
  return JSON.stringify(payload);
}

describe('webhookPayloadSchema on the real Alertmanager 0.25 notifications', () => {
  it('has the six captured notifications', () => {
    expect(NOTIFICATIONS).toHaveLength(6);
  });

  it.each(NOTIFICATIONS)('%s parses, with firing endsAt as null', (file) => {
    const notification = parsed(fixture(file));
    const raw = JSON.parse(fixture(file));
    expect(notification).toMatchObject({
      receiver: raw.receiver,
      status: raw.status,
      groupKey: raw.groupKey,
      externalURL: 'http://127.0.0.1:19095',
      truncatedAlerts: 0,
    });
    expect(notification.alerts).toHaveLength(1);
    const [alert] = notification.alerts;
    expect(alert?.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(alert?.startsAt).toMatch(/^2026-11-21T08:\d\d:\d\d\.\d{3}Z$/);
    if (alert?.status === 'firing') expect(alert.endsAt).toBeNull();
    else expect(alert?.endsAt).toMatch(/^2026-11-21T/);
  });

  it('reads the exact bytes Alertmanager sent (compact JSON, \\u0026 escapes)', () => {
    const raw = fixture('notification-002-pager-InstanceDown-firing.raw-body.json');
    expect(raw).toContain('\\u0026');
    const notification = parsed(raw);
    expect(notification).toEqual(parsed(fixture('notification-002-pager-InstanceDown-firing.json')));
    expect(notification.alerts[0]).toEqual({
      status: 'firing',
      fingerprint: '304712ab96b030dc',
      labels: {
        alertname: 'InstanceDown',
        cluster: 'local-test',
        env: 'dev',
        instance: '127.0.0.1:19999',
        job: 'legacy-app',
        severity: 'critical',
        team: 'payments',
      },
      annotations: {
        description: '127.0.0.1:19999 of job legacy-app has been down for more than 30 seconds.',
        runbook_url: '/runbooks/instance-down',
        summary: 'Instance 127.0.0.1:19999 down',
      },
      startsAt: '2026-11-21T08:05:35.625Z',
      endsAt: null,
      generatorURL: 'http://127.0.0.1:19090/graph?g0.expr=up+%3D%3D+0&g0.tab=1',
    });
  });

  it('keeps the resolved time and pads short fractions to milliseconds', () => {
    const resolved = parsed(fixture('notification-006-pager-PostgreSQLDown-resolved.json'));
    expect(resolved.alerts[0]).toMatchObject({
      status: 'resolved',
      startsAt: '2026-11-21T08:09:08.465Z',
      endsAt: '2026-11-21T08:09:38.465Z',
    });
    // Alertmanager prints "08:05:01.74Z"; the poller's API v2 schema gives "08:05:01.740Z".
    expect(parsed(fixture('notification-001-chat-EndpointProbeFailed-firing.json')).alerts[0]?.startsAt).toBe(
      '2026-11-21T08:05:01.740Z',
    );
  });

  it('normalises zones and nanoseconds to UTC milliseconds', () => {
    const body = variant((p) => {
      Object.assign(p.alerts[0] ?? {}, {
        status: 'resolved',
        startsAt: '2026-11-21T10:05:35.625987654+02:00',
        endsAt: '2026-11-21T08:06:00.1Z',
      });
    });
    expect(parsed(body).alerts[0]).toMatchObject({
      startsAt: '2026-11-21T08:05:35.625Z',
      endsAt: '2026-11-21T08:06:00.100Z',
    });
  });

  it('ignores fields newer Alertmanagers may add', () => {
    const body = variant((p) => {
      p.newField = { x: 1 };
      Object.assign(p.alerts[0] ?? {}, { silencedBy: [] });
    });
    expect(parsed(body).alerts).toHaveLength(1);
  });
});

describe('webhookAlertEvents', () => {
  it('makes one event per alert with the notification receiver and group key', () => {
    const notification = parsed(fixture('notification-006-pager-PostgreSQLDown-resolved.json'));
    expect(webhookAlertEvents(notification, 'default')).toEqual([
      {
        cluster: 'default',
        fingerprint: '8d23ce3e214f1b65',
        alertname: 'PostgreSQLDown',
        status: 'resolved',
        labels: expect.objectContaining({ alertname: 'PostgreSQLDown', job: 'postgres' }),
        annotations: expect.objectContaining({ summary: 'PostgreSQL down on 127.0.0.1:19187' }),
        startsAt: '2026-11-21T08:09:08.465Z',
        endsAt: '2026-11-21T08:09:38.465Z',
        receiver: 'pager',
        groupKey: '{}/{severity="critical"}:{alertname="PostgreSQLDown", job="postgres"}',
      },
    ]);
  });

  it('takes each alert status, not the notification status', () => {
    const body = variant((p) => {
      p.status = 'resolved';
      const firing = { ...p.alerts[0], fingerprint: 'aaaaaaaaaaaaaaaa' };
      const resolved = { ...p.alerts[0], status: 'resolved', endsAt: '2026-11-21T08:07:00Z' };
      p.alerts = [firing, resolved];
    });
    expect(webhookAlertEvents(parsed(body), 'eu').map((e) => [e.status, e.endsAt])).toEqual([
      ['firing', null],
      ['resolved', '2026-11-21T08:07:00.000Z'],
    ]);
  });
});

describe('notificationCluster', () => {
  const clusters = [
    { name: 'eu', peers: ['http://am-eu-1:9093', 'http://127.0.0.1:19095/'] },
    { name: 'us', peers: ['https://am-us.example.com'] },
  ];

  it('matches the externalURL host:port to a configured peer', () => {
    expect(notificationCluster('http://127.0.0.1:19095', clusters)).toBe('eu');
    expect(notificationCluster('https://AM-US.example.com:443/alertmanager', clusters)).toBe('us');
    expect(notificationCluster('http://127.0.0.1:19093', clusters)).toBe('127.0.0.1:19093');
  });

  it('prefers a configured ?cluster= name', () => {
    expect(notificationCluster('http://127.0.0.1:19095', clusters, 'us')).toBe('us');
    expect(notificationCluster('http://127.0.0.1:19095', clusters, 'nope')).toBe('eu');
  });

  it('falls back to the only cluster', () => {
    expect(notificationCluster('http://alertmanager.example:9093', clusters.slice(0, 1))).toBe('eu');
    expect(notificationCluster('not a url', clusters)).toBe('unknown');
  });
});

describe('webhookPayloadInSlices (how the route checks a notification)', () => {
  const many = variant((p) => {
    const [first] = p.alerts;
    p.alerts = Array.from({ length: 250 }, (_, i) => ({ ...first, fingerprint: `${i}`.padStart(16, '0') }));
  });

  it.each([...NOTIFICATIONS.map((f) => fixture(f)), many])(
    'parses as webhookPayloadSchema does (%#)',
    async (text) => {
      const body = JSON.parse(text);
      expect(await parseInSlices(webhookPayloadInSlices, body)).toEqual({
        success: true,
        data: webhookPayloadSchema.parse(body),
      });
    },
  );

  it('refuses a fingerprint holding U+0000, which no retry could store', () => {
    const result = webhookPayloadSchema.safeParse(
      JSON.parse(variant((p) => ((p.alerts[0] as Record<string, unknown>).fingerprint = 'ab\u0000cd'))),
    );
    expect(result.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([
      'alerts.0.fingerprint: must not contain U+0000',
    ]);
  });

  it('refuses a fingerprint holding a lone surrogate, and reads one in labels as U+FFFD', () => {
    const body = variant((p) => {
      const alert = p.alerts[0] as Record<string, unknown>;
      alert.fingerprint = 'ab\ud800cd';
      alert.labels = { ...(alert.labels as object), instance: 'db\udc001' };
    });
    const result = webhookPayloadSchema.safeParse(JSON.parse(body));
    expect(result.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([
      'alerts.0.fingerprint: must be text: it holds a lone UTF-16 surrogate',
    ]);
    const labelsOnly = webhookPayloadSchema.parse(
      JSON.parse(variant((p) => ((p.alerts[0] as { labels: object }).labels = { instance: 'db\udc001' }))),
    );
    expect(labelsOnly.alerts[0]?.labels).toEqual({ instance: 'db\uFFFD1' });
  });

  it('refuses what webhookPayloadSchema refuses, with the same paths and messages', async () => {
    const broken = [
      variant((p) => {
        p.version = '3';
        (p.alerts[0] as Record<string, unknown>).startsAt = 'yesterday';
      }),
      variant((p) => {
        delete (p.alerts[0] as Record<string, unknown>).labels;
        p.alerts.push({ status: 'gone' });
      }),
      variant((p) => {
        (p as Record<string, unknown>).alerts = 'none';
      }),
      '[]',
    ];
    for (const text of broken) {
      const body = JSON.parse(text);
      const sliced = await parseInSlices(webhookPayloadInSlices, body);
      const whole = webhookPayloadSchema.safeParse(body);
      expect(sliced.success).toBe(false);
      expect(whole.success).toBe(false);
      const described = (issues: readonly { path: PropertyKey[]; message: string }[]) =>
        issues.map((i) => `${i.path.join('.')}: ${i.message}`).sort();
      expect(described(sliced.success ? [] : sliced.error.issues)).toEqual(
        described(whole.error?.issues ?? []),
      );
    }
  });
});

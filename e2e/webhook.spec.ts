import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import pg from 'pg';
import { freePorts } from '../scripts/stack/ports';
import { type Stack, startStack } from '../scripts/stack/start-stack';
import { startVigilServer, type VigilServer, vigilEnvFor } from '../scripts/vigil-server';

/**
 * The Alertmanager webhook receiver against the real HA pair: live notifications are stored once,
 * bad requests are refused with a reason, and a database outage loses nothing (503, Alertmanager
 * retries). Its own stack and console: it stops PostgreSQL, which the other tests need.
 *
 * The first console polls only at start (before any alert reaches Alertmanager) and then every 10
 * minutes, so the rows of the first tests come from webhooks alone. The last test starts a second,
 * polling console on the same database.
 */
test.describe.configure({ mode: 'serial' });

const FIXTURES = path.join(process.cwd(), 'lib', 'alerts', 'fixtures', 'webhook');
/** A real notification, byte for byte (InstanceDown of the capture's legacy-app: not in this stack). */
const INSTANCE_DOWN = readFileSync(
  path.join(FIXTURES, 'notification-002-pager-InstanceDown-firing.raw-body.json'),
  'utf8',
);
const INSTANCE_DOWN_FINGERPRINT = '304712ab96b030dc';

let stack: Stack;
let server: VigilServer;
let poller: VigilServer | undefined;
let webhookUrl: string;
const startedAt = Date.now();
const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const [port] = await freePorts(1);
  stack = await startStack({
    vigilUrl: `http://127.0.0.1:${port}`,
    webhookToken: randomBytes(24).toString('hex'),
  });
  server = await startVigilServer({
    port: port ?? 0,
    logFile: path.join(stack.dir, 'logs', 'vigil.log'),
    env: { ...vigilEnvFor(stack), VIGIL_POLL_INTERVAL_SECONDS: '600' },
  });
  webhookUrl = `${server.url}/api/v1/alertmanager/webhook`;
});

test.afterAll(async () => {
  await poller?.stop();
  await server?.stop();
  await stack?.stop();
});

type EventRow = {
  alertname: string;
  fingerprint: string;
  status: string;
  receiver: string;
  cluster: string;
  starts_at: string;
  ends_at: string | null;
  labels: Record<string, string>;
};

/** Rows of alert_events, oldest first; [] while PostgreSQL is down (other errors are thrown). */
async function events(where = 'true', values: unknown[] = []): Promise<EventRow[]> {
  const client = new pg.Client({ connectionString: stack.databaseUrl });
  try {
    await client.connect();
    const { rows } = await client.query<EventRow>(
      `SELECT alertname, fingerprint, status::text, receiver, cluster, to_char(starts_at, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS starts_at,
              to_char(ends_at, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS ends_at, labels
         FROM alert_events WHERE ${where} ORDER BY id`,
      values,
    );
    return rows;
  } catch (error) {
    // Refused while stopped; 57P01/57P03: shutting down or starting up.
    if (['ECONNREFUSED', '57P01', '57P03'].includes((error as { code?: string }).code ?? '')) return [];
    throw error;
  } finally {
    await client.end().catch(() => {});
  }
}

/** The sum of a metric's samples whose labels contain `labels` (e.g. 'outcome="accepted"'). */
async function metric(url: string, name: string, labels = ''): Promise<number> {
  const text = await (await fetch(url)).text();
  return text
    .split('\n')
    .filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `))
    .filter((line) => line.includes(labels))
    .map((line) => Number(line.split(' ').at(-1)))
    .reduce((a, b) => a + b, 0);
}

const vigilMetric = (outcome: string) =>
  metric(`${server.url}/metrics`, 'vigil_webhook_notifications_total', `outcome="${outcome}"`);

/** Webhook requests both Alertmanagers made (every attempt) and how many of them failed. */
async function alertmanagerRequests(): Promise<{ total: number[]; failed: number[] }> {
  const peers = stack.alertmanagerUrls;
  const read = (name: string) =>
    Promise.all(peers.map((u) => metric(`${u}/metrics`, name, 'integration="webhook"')));
  return {
    total: await read('alertmanager_notification_requests_total'),
    failed: await read('alertmanager_notification_requests_failed_total'),
  };
}

const post = (body: string, headers: Record<string, string> = {}) =>
  fetch(webhookUrl, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${stack.webhookToken}`,
      'content-type': 'application/json',
      ...headers,
    },
    body,
  });

test('the Alertmanager pair delivers Watchdog and InstanceDown, each change stored once, also when both peers send', async () => {
  test.setTimeout(150_000);
  await expect
    .poll(async () => (await events("status = 'firing'")).map((e) => e.alertname).sort(), {
      timeout: 120_000,
      intervals: [1_000],
    })
    .toEqual(expect.arrayContaining(['InstanceDown', 'Watchdog']));
  console.log(`first webhook rows ${seconds(startedAt)} after the spec started`);

  const rows = await events();
  const watchdog = rows.filter((r) => r.alertname === 'Watchdog');
  const instanceDown = rows.filter((r) => r.alertname === 'InstanceDown' && r.labels.job === 'api');
  expect(watchdog).toEqual([
    expect.objectContaining({ status: 'firing', receiver: 'watchdog', cluster: 'default' }),
  ]);
  expect(instanceDown).toEqual([
    expect.objectContaining({ status: 'firing', receiver: 'pager', cluster: 'default' }),
  ]);
  expect(rows.every((r) => r.receiver !== 'vigil-poller')).toBe(true);

  // Every webhook request an Alertmanager made arrived and was answered 200 after the commit.
  await expect
    .poll(async () => {
      const am = await alertmanagerRequests();
      return (await vigilMetric('accepted')) - am.total.reduce((a, b) => a + b, 0);
    })
    .toBe(0);
  const am = await alertmanagerRequests();
  console.log(
    `Alertmanager webhook requests per peer: ${am.total.join(' + ')} (failed: ${am.failed.join(', ')})`,
  );
  expect(am.failed).toEqual([0, 0]);
  const keys = new Set(rows.map((r) => `${r.fingerprint} ${r.starts_at} ${r.status}`));
  expect(keys.size).toBe(rows.length);

  // The same notification from both peers at once (as when gossip is slow): 200 for each, one row.
  const notification = JSON.parse(INSTANCE_DOWN);
  const fromPeer = (url: string) => JSON.stringify({ ...notification, externalURL: url });
  const answers = await Promise.all(stack.alertmanagerUrls.map((u) => post(fromPeer(u))));
  expect(answers.map((a) => a.status)).toEqual([200, 200]);
  const bodies = await Promise.all(answers.map((a) => a.json()));
  expect(bodies.map((b) => b.stored).sort()).toEqual([0, 1]);
  expect(bodies.map((b) => b.cluster)).toEqual(['default', 'default']);
  expect(await events('fingerprint = $1', [INSTANCE_DOWN_FINGERPRINT])).toHaveLength(1);
});

test('a wrong or missing token is refused with 401, a bad payload with 400 naming the problem', async () => {
  const before = await events();
  for (const authorization of [`Bearer ${stack.webhookToken}x`, 'Bearer ', `Basic ${stack.webhookToken}`]) {
    const answer = await post(INSTANCE_DOWN, { authorization });
    expect(answer.status).toBe(401);
    expect((await answer.json()).error).toMatchObject({
      code: 'unauthorized',
      message: expect.stringContaining('Authorization: Bearer <VIGIL_WEBHOOK_TOKEN>'),
    });
  }
  const anonymous = await fetch(webhookUrl, { method: 'POST', body: INSTANCE_DOWN });
  expect(anonymous.status).toBe(401);

  const malformed = await post('{"version": "4", "alerts": [');
  expect(malformed.status).toBe(400);
  const { error } = await malformed.json();
  expect(error.code).toBe('validation');
  expect(error.message).toMatch(/^The body is not valid JSON \(.+\)\.$/);
  expect(error.fields.body).toMatch(/^not valid JSON/);

  const notification = JSON.parse(INSTANCE_DOWN);
  notification.version = '3';
  notification.alerts[0].startsAt = 'yesterday';
  const invalid = await post(JSON.stringify(notification));
  expect(invalid.status).toBe(400);
  expect((await invalid.json()).error.fields).toEqual({
    version: 'must be "4": only webhook payload version 4 is understood, got "3"',
    'alerts[0].startsAt': 'must be an RFC 3339 time such as 2026-11-21T08:05:35.625Z',
  });

  const huge = await post(' '.repeat(11 * 1024 * 1024));
  expect(huge.status).toBe(413);
  expect((await huge.json()).error.message).toContain('max_alerts');
  // Without a Content-Length (chunked), the limit holds while reading.
  const chunk = new Uint8Array(1024 * 1024).fill(32);
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent++ < 11) controller.enqueue(chunk);
      else controller.close();
    },
  });
  const chunked = await fetch(webhookUrl, {
    method: 'POST',
    headers: { authorization: `Bearer ${stack.webhookToken}` },
    body: stream,
    duplex: 'half',
  } as RequestInit);
  expect(chunked.status).toBe(413);

  expect(await vigilMetric('unauthorized')).toBe(4);
  expect(await vigilMetric('invalid')).toBe(2);
  expect(await vigilMetric('too_large')).toBe(2);
  expect(await events()).toEqual(before);
});

test('with PostgreSQL stopped the webhook answers 503, and once it is back nothing is lost or doubled', async () => {
  test.setTimeout(300_000);
  const replay = JSON.parse(INSTANCE_DOWN);
  replay.alerts[0].startsAt = new Date().toISOString();
  const failedBefore = (await alertmanagerRequests()).failed;

  await stack.stopPostgres();
  const outage = Date.now();
  const refused = await post(JSON.stringify(replay));
  expect(refused.status).toBe(503);
  expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  expect((await refused.json()).error).toMatchObject({
    code: 'unavailable',
    message: expect.stringMatching(/^PostgreSQL did not store 1 alert event\(s\) .*nothing was written/),
  });

  // The outage itself fires PostgreSQLDown (pg_up == 0 for 30 s): Alertmanager's notification of it
  // meets the same 503. Keep the database down until both peers have tried (the second one steps in
  // after its peer_timeout, 15 s, when the first has not succeeded) and one delivery has given up
  // (10 attempts within group_interval): later flushes must still bring it in.
  await expect
    .poll(
      async () => {
        const am = await alertmanagerRequests();
        const gaveUp = await Promise.all(
          stack.alertmanagerUrls.map((u) =>
            metric(`${u}/metrics`, 'alertmanager_notifications_failed_total', 'integration="webhook"'),
          ),
        );
        return am.failed.every((n, i) => n > (failedBefore[i] ?? 0)) && gaveUp.some((n) => n > 0);
      },
      { timeout: 150_000, intervals: [1_000] },
    )
    .toBe(true);
  const am = await alertmanagerRequests();
  console.log(
    `after ${seconds(outage)} of outage: webhook requests per peer ${am.total.join(' + ')}, failed ${am.failed.join(' + ')}`,
  );
  expect(await vigilMetric('unavailable')).toBeGreaterThanOrEqual(3);

  await stack.startPostgres();
  const back = Date.now();
  await expect
    .poll(async () => (await events("alertname = 'PostgreSQLDown'")).map((e) => [e.status, e.receiver]), {
      timeout: 120_000,
      intervals: [1_000],
    })
    .toContainEqual(['firing', 'pager']);
  console.log(
    `PostgreSQLDown stored by Alertmanager's retry ${seconds(back)} after PostgreSQL started again`,
  );

  // Our own 503'd notification: sent again, stored once.
  for (const stored of [1, 0]) {
    const answer = await post(JSON.stringify(replay));
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({ status: 'accepted', stored, duplicates: 1 - stored });
  }

  // PostgreSQLDown resolves now that the database is back: its resolution arrives too.
  await expect
    .poll(async () => (await events("alertname = 'PostgreSQLDown' AND status = 'resolved'")).length, {
      timeout: 120_000,
      intervals: [1_000],
    })
    .toBe(1);
  console.log(`PostgreSQLDown resolved ${seconds(back)} after PostgreSQL started again`);
  const rows = await events();
  const keys = new Set(rows.map((r) => `${r.fingerprint} ${r.starts_at} ${r.status}`));
  expect(keys.size).toBe(rows.length);
  const postgresDown = rows.filter((r) => r.alertname === 'PostgreSQLDown');
  expect(postgresDown.map((r) => r.status)).toEqual(['firing', 'resolved']);
  expect(postgresDown[1]?.ends_at).not.toBeNull();
  const final = await alertmanagerRequests();
  console.log(
    `Alertmanager webhook requests per peer: ${final.total.join(' + ')} (failed: ${final.failed.join(' + ')})`,
  );
});

test('a polling console records a silenced alert the webhook never sends, and double-counts nothing', async () => {
  test.setTimeout(120_000);
  const [am1, am2] = stack.alertmanagerUrls;
  const before = await events();
  // A silence first, then the alert, on both peers (as Prometheus would send it).
  const now = Date.now();
  const silence = await fetch(`${am1}/api/v2/silences`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      matchers: [{ name: 'alertname', value: 'VigilE2ESilenced', isRegex: false, isEqual: true }],
      startsAt: new Date(now).toISOString(),
      endsAt: new Date(now + 3_600_000).toISOString(),
      createdBy: 'webhook.spec.ts',
      comment: 'silenced: never reaches the webhook',
    }),
  });
  expect(silence.status).toBe(200);
  const alert = (endsAt?: string) =>
    JSON.stringify([{ labels: { alertname: 'VigilE2ESilenced', severity: 'critical', job: 'e2e' }, endsAt }]);
  const postAlert = (body: string) =>
    Promise.all(
      [am1, am2].map((u) =>
        fetch(`${u}/api/v2/alerts`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
        }),
      ),
    );
  // Wait until the silence reached the second peer by gossip, so neither peer notifies.
  await expect
    .poll(async () => (await (await fetch(`${am2}/api/v2/silences`)).json()).length, { timeout: 10_000 })
    .toBeGreaterThan(0);
  expect((await postAlert(alert())).map((r) => r.status)).toEqual([200, 200]);

  const [port] = await freePorts(1);
  poller = await startVigilServer({
    port: port ?? 0,
    logFile: path.join(stack.dir, 'logs', 'vigil-poller.log'),
    env: { ...vigilEnvFor(stack), VIGIL_POLL_INTERVAL_SECONDS: '1' },
  });
  await expect
    .poll(async () => (await events("alertname = 'VigilE2ESilenced'")).map((e) => [e.status, e.receiver]), {
      timeout: 30_000,
    })
    .toEqual([['firing', 'vigil-poller']]);

  // Its first poll also listed Watchdog and InstanceDown, already stored by the webhook. A process
  // compares its first poll with the firings stored open (restart reconciliation), so it does not even
  // offer them again as duplicates.
  expect(
    await metric(`${poller.url}/metrics`, 'vigil_alert_events_total', 'source="poller",outcome="duplicate"'),
  ).toBe(0);

  // Ended (as Prometheus ends an alert): gone from Alertmanager, so the poller records the resolution.
  const ended = Date.now();
  expect((await postAlert(alert(new Date().toISOString()))).map((r) => r.status)).toEqual([200, 200]);
  await expect
    .poll(async () => (await events("alertname = 'VigilE2ESilenced'")).map((e) => e.status), {
      timeout: 30_000,
    })
    .toEqual(['firing', 'resolved']);
  console.log(`poller recorded the silenced alert's resolution ${seconds(ended)} after it ended`);

  // The poller saw Watchdog and InstanceDown too, and added no row for them.
  const heartbeatAndDown = (rows: EventRow[]) =>
    rows.filter(
      (r) => r.alertname === 'Watchdog' || (r.alertname === 'InstanceDown' && r.labels.job === 'api'),
    );
  expect(heartbeatAndDown(await events())).toEqual(heartbeatAndDown(before));
  expect(heartbeatAndDown(before).map((r) => r.receiver)).toEqual(['watchdog', 'pager']);
});

import pg from 'pg';
import { webhookNotification } from './alert-generator';
import { sleep } from './stats';

const MAX_ATTEMPTS = 5;

export type WebhookResult = {
  notifications: number;
  alertsSent: number;
  uniqueAlerts: number;
  seconds: number;
  notificationsPerSecond: number;
  alertsStoredPerSecond: number;
  /** Alerts the answers called duplicates (resends and the other peer's copies). */
  duplicatesReported: number;
  /** Rows in alert_events for the unique alerts (must equal uniqueAlerts). */
  rowsStored: number;
  lost: number;
  /** 503s answered and sent again (at most MAX_ATTEMPTS attempts per notification). */
  retried: number;
  /** Notifications still refused after the last attempt. */
  failed: number;
};

/**
 * Posts `notifications` webhook notifications of `size` new alerts each from peer 1, with `concurrency`
 * at a time, and sends every fifth one again as peer 2 and every tenth one again as peer 1 (HA pairs
 * and Alertmanager's retries both do this). Then counts the rows in `alert_events`.
 */
export async function measureWebhook(options: {
  vigilUrl: string;
  webhookToken: string;
  alertmanagerUrls: readonly [string, string];
  databaseUrl: string;
  notifications: number;
  size: number;
  concurrency: number;
}): Promise<WebhookResult> {
  const runId = Date.now().toString(36);
  const [peer1, peer2] = options.alertmanagerUrls;
  const bodies: string[] = [];
  for (let n = 0; n < options.notifications; n++) {
    bodies.push(JSON.stringify(webhookNotification(n, options.size, peer1, runId)));
    if (n % 5 === 0) bodies.push(JSON.stringify(webhookNotification(n, options.size, peer2, runId)));
    if (n % 10 === 0) bodies.push(JSON.stringify(webhookNotification(n, options.size, peer1, runId)));
  }
  let duplicatesReported = 0;
  let failed = 0;
  let next = 0;
  const started = performance.now();
  let retried = 0;
  const post = (body: string) =>
    fetch(`${options.vigilUrl}/api/v1/alertmanager/webhook`, {
      method: 'POST',
      headers: { authorization: `Bearer ${options.webhookToken}`, 'content-type': 'application/json' },
      body,
    });
  const worker = async () => {
    while (next < bodies.length) {
      const body = bodies[next++] as string;
      let res = await post(body);
      // A 503 is Vigil's "send it again" (Alertmanager retries with a backoff); only a final refusal counts.
      for (let attempt = 1; res.status === 503 && attempt < MAX_ATTEMPTS; attempt++) {
        await res.text();
        retried++;
        await sleep(1000);
        res = await post(body);
      }
      if (!res.ok) {
        failed++;
        await res.text();
        continue;
      }
      duplicatesReported += ((await res.json()) as { duplicates: number }).duplicates;
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;

  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  let rowsStored: number;
  try {
    const { rows } = await client.query<{ n: string }>(
      `SELECT count(*) AS n FROM alert_events WHERE labels->>'instance' LIKE $1`,
      [`wh-${runId}-%`],
    );
    rowsStored = Number(rows[0]?.n ?? 0);
  } finally {
    await client.end();
  }
  const uniqueAlerts = options.notifications * options.size;
  return {
    notifications: bodies.length,
    alertsSent: bodies.length * options.size,
    uniqueAlerts,
    seconds,
    notificationsPerSecond: bodies.length / seconds,
    alertsStoredPerSecond: rowsStored / seconds,
    duplicatesReported,
    rowsStored,
    lost: uniqueAlerts - rowsStored,
    retried,
    failed,
  };
}

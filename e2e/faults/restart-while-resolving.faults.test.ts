import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { waitFor } from '../../scripts/stack/wait';
import { type FaultWorld, fireAlerts, startFaultWorld, summary, waitForAlerts } from './harness';

/**
 * Vigil stopped while alerts resolve, then started again: the resolutions are recorded by the first poll
 * after the start, reconciled against the firings stored open (lib/incidents/open-firings.ts). One alert
 * is silenced, so Alertmanager never sends it to the webhook at all: only the reconciliation can record
 * its resolution. The other is routed to Vigil's webhook, which cannot deliver while Vigil is down.
 */

let world: FaultWorld;
const JOB = 'faults-restart';

beforeAll(async () => {
  world = await startFaultWorld({ name: 'restart-while-resolving' });
});
afterAll(async () => {
  await world?.stop();
});

type EventRow = {
  alertname: string;
  status: string;
  receiver: string;
  ends_at: Date | null;
  received_at: Date;
};

async function events(): Promise<EventRow[]> {
  const client = new pg.Client({ connectionString: world.stack.databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<EventRow>(
      `SELECT alertname, status, receiver, ends_at, received_at FROM alert_events
       WHERE labels->>'job' = $1 ORDER BY id`,
      [JOB],
    );
    return rows;
  } finally {
    await client.end();
  }
}

/** Resolves the alerts as Prometheus does: the same alerts again with endsAt in the past. */
async function resolveAlerts(peers: readonly string[], alertnames: string[]): Promise<void> {
  const endsAt = new Date(Date.now() - 1000).toISOString();
  for (const peer of peers) {
    const res = await fetch(`${peer}/api/v2/alerts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(
        alertnames.map((alertname) => ({
          labels: { alertname, job: JOB, severity: 'warning' },
          startsAt: new Date(Date.now() - 60_000).toISOString(),
          endsAt,
        })),
      ),
    });
    if (!res.ok) throw new Error(`POST ${peer}/api/v2/alerts answered ${res.status}`);
  }
}

/** Whether any peer still lists an alert of the test (any state). */
async function stillListed(peers: readonly string[]): Promise<boolean> {
  for (const peer of peers) {
    const res = await fetch(`${peer}/api/v2/alerts?filter=${encodeURIComponent(`job="${JOB}"`)}`);
    if (((await res.json()) as unknown[]).length > 0) return true;
  }
  return false;
}

it('records, right after the start, the resolution of alerts that resolved while Vigil was stopped', async () => {
  const peers = world.stack.alertmanagerUrls;
  const silence = await world.api('/api/v1/silences', {
    method: 'POST',
    json: { matchers: 'alertname="FaultRestartQuiet"', duration: '1h', comment: 'never sent by webhook' },
  });
  expect(silence.status, summary('POST /api/v1/silences', silence)).toBe(201);
  // startsAt is the same in both posts: Prometheus keeps an alert's start while it fires.
  await fireAlerts(peers, [
    { alertname: 'FaultRestartQuiet', job: JOB },
    { alertname: 'FaultRestartLoud', job: JOB },
  ]);
  await waitForAlerts(world, `job="${JOB}"`, 2);
  await waitFor(
    async () => ((await events()).filter((e) => e.status === 'firing').length === 2 ? true : undefined),
    { timeoutMs: 15_000, intervalMs: 250, what: 'both firings stored' },
  );

  await world.stopConsole();
  const stoppedAt = Date.now();
  await resolveAlerts(peers, ['FaultRestartQuiet', 'FaultRestartLoud']);
  await waitFor(async () => ((await stillListed(peers)) ? undefined : true), {
    timeoutMs: 15_000,
    intervalMs: 250,
    what: 'Alertmanager to drop the resolved alerts',
  });
  expect((await events()).filter((e) => e.status === 'resolved')).toEqual([]);

  const startingAt = Date.now();
  await world.startConsole();
  console.info(`[faults] console answering ${Date.now() - startingAt} ms after \`next start\``);
  const resolved = await waitFor(
    async () => {
      const rows = (await events()).filter((e) => e.status === 'resolved');
      return rows.length === 2 ? rows : undefined;
    },
    // The first poll follows the start at once; far sooner than Alertmanager's next group_interval (30 s).
    { timeoutMs: 20_000, intervalMs: 250, what: 'both resolutions recorded after the start' },
  );
  const tookMs = Math.max(...resolved.map((r) => r.received_at.getTime())) - startingAt;
  console.info(`[faults] both resolutions recorded ${tookMs} ms after \`next start\``);
  const quiet = resolved.find((r) => r.alertname === 'FaultRestartQuiet');
  // Silenced: never sent by webhook, so recorded by the poller's reconciliation, ended after the stop.
  expect(quiet?.receiver).toBe('vigil-poller');
  expect(quiet?.ends_at?.getTime()).toBeGreaterThan(stoppedAt);
  const loud = resolved.find((r) => r.alertname === 'FaultRestartLoud');
  console.info(`[faults] the routed alert's resolution was recorded by ${loud?.receiver}`);
  expect(loud).toBeDefined();
  expect(tookMs).toBeLessThan(30_000);
  // Each resolution once, whoever recorded it.
  expect((await events()).map((e) => [e.alertname, e.status]).sort()).toEqual([
    ['FaultRestartLoud', 'firing'],
    ['FaultRestartLoud', 'resolved'],
    ['FaultRestartQuiet', 'firing'],
    ['FaultRestartQuiet', 'resolved'],
  ]);
});

import { afterAll, beforeAll, expect, it } from 'vitest';
import { waitFor } from '../../scripts/stack/wait';
import {
  everyGetRoute,
  type FaultWorld,
  fireAlerts,
  listAlerts,
  POLL_SECONDS,
  startFaultWorld,
  summary,
  waitForAlerts,
} from './harness';

/** Both Alertmanager peers SIGKILLed: the console keeps serving the last snapshot, marked stale. */

let world: FaultWorld;
const FILTER = 'job="faults-cluster"';

beforeAll(async () => {
  world = await startFaultWorld({ name: 'alertmanager-cluster-down' });
});
afterAll(async () => {
  await world?.stop();
});

it('with both peers killed, /api/v1/alerts serves the last snapshot, stale with its age and a hint, and no GET route fails with 500', async () => {
  const peers = world.stack.alertmanagerUrls;
  await fireAlerts(
    peers,
    ['a', 'b'].map((i) => ({ alertname: 'FaultClusterDown', job: 'faults-cluster', instance: i })),
  );
  const before = await waitForAlerts(world, FILTER, 2);
  const fingerprint = before.alerts[0]?.fingerprint as string;
  world.kill('alertmanager-1');
  world.kill('alertmanager-2');
  const killedAt = Date.now();

  const stale = await waitFor(
    async () => {
      const answer = await listAlerts(world, FILTER);
      expect(answer.status, summary('/api/v1/alerts', answer)).toBe(200);
      return answer.body.upstreams[0]?.stale ? answer.body : undefined;
    },
    { timeoutMs: 15_000, intervalMs: 250, what: 'the cluster snapshot marked stale' },
  );
  console.info(`[faults] alerts marked stale ${Date.now() - killedAt} ms after both peers were killed`);
  const cluster = stale.upstreams[0];
  // Two intervals without a good fetch.
  // The API rounds the age to 0.1 s; `stale` compares the exact age.
  expect(cluster?.ageSeconds).toBeGreaterThanOrEqual(2 * POLL_SECONDS);
  expect(cluster?.error?.message).toMatch(/Alertmanager/);
  expect(cluster?.error?.hint).toEqual(expect.stringMatching(/\w/));
  // `upstreams[].peers` of the alerts API is the last good snapshot's (both ok); the health list is current.
  const health = (await world.api('/api/v1/upstreams')).body as {
    upstreams: { kind: string; ok: boolean }[];
  };
  expect(health.upstreams.filter((u) => u.kind === 'alertmanager').map((u) => u.ok)).toEqual([false, false]);
  // The last good alerts are still listed.
  expect(stale.counts.matching).toBe(2);
  expect(stale.alerts.map((a) => a.fingerprint).sort()).toEqual(
    before.alerts.map((a) => a.fingerprint).sort(),
  );

  // The age keeps growing while the outage lasts.
  const firstAge = cluster?.ageSeconds ?? 0;
  await waitFor(
    async () => {
      const age = (await listAlerts(world, FILTER)).body.upstreams[0]?.ageSeconds ?? 0;
      return age >= firstAge + POLL_SECONDS || undefined;
    },
    { timeoutMs: 10_000, intervalMs: 250, what: 'ageSeconds to grow' },
  );

  const answers = [];
  for (const path of everyGetRoute(fingerprint)) answers.push({ path, answer: await world.api(path) });
  for (const { path, answer } of answers) console.info(`[faults] ${summary(path, answer).slice(0, 200)}`);
  const failed = answers.filter(
    ({ answer }) => answer.status >= 500 && answer.status !== 502 && answer.status !== 503,
  );
  expect(failed.map(({ path, answer }) => summary(path, answer))).toEqual([]);
  // 502s name the upstream and say what to check.
  for (const { path, answer } of answers.filter(({ answer }) => answer.status === 502))
    expect((answer.body as { error: { hint?: string } }).error.hint, path).toEqual(
      expect.stringMatching(/\w/),
    );
  const probe = answers.find((a) => a.path === '/api/health')?.answer;
  expect(probe?.status).toBe(503);
  expect(probe?.body).toMatchObject({ status: 'unhealthy', alertmanager: 'down' });
});

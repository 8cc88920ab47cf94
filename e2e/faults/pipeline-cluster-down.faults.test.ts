import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { waitFor } from '../../scripts/stack/wait';
import { type FakeReceiver, startFakeReceiver } from './fake-receiver';
import type { FaultWorld } from './harness';
import {
  CLUSTER_UNREACHABLE_SECONDS,
  firstPage,
  incident,
  pages,
  restarter,
  startPipelineWorld,
  waitForWatchdog,
} from './pipeline-world';

/**
 * Both Alertmanager peers SIGKILLed: after `clusterUnreachableAfter` Vigil opens one pipeline incident
 * that the normal escalation pages (to a fake webhook receiver); Vigil's outbound heartbeat (to the same
 * fake receiver) stops while polling fails. Started again, the incident records the recovery and
 * resolves, the heartbeat resumes, and the returning cluster does not page a missing Watchdog.
 */

let receiver: FakeReceiver;
let world: FaultWorld;
const restarted: ChildProcess[] = [];

beforeAll(async () => {
  receiver = await startFakeReceiver();
  world = await startPipelineWorld('pipeline-cluster-down', receiver, { outboundHeartbeat: true });
});
afterAll(async () => {
  for (const child of restarted) child.kill('SIGKILL');
  await world?.stop();
  await receiver?.close();
});

const heartbeats = () => receiver.calls.filter((c) => c.path === '/heartbeat');

it('the fake dead-man’s-switch receiver gets a GET every interval while Vigil is healthy, and no page', async () => {
  await waitForWatchdog(world);
  await waitFor(async () => heartbeats().length >= 3 || undefined, {
    timeoutMs: 30_000,
    intervalMs: 250,
    what: 'three outbound heartbeats',
  });
  expect(heartbeats().every((c) => c.method === 'GET' && c.body === undefined)).toBe(true);
  expect(pages(receiver)).toEqual([]);
});

it('with both peers killed, a pipeline incident pages and the heartbeat stops; back, it resolves and the heartbeat resumes', async () => {
  const starts = ['alertmanager-1', 'alertmanager-2'].map((name) => restarter(world, name));
  world.kill('alertmanager-1');
  world.kill('alertmanager-2');
  const killedAt = Date.now();

  const [page] = await waitFor(async () => (pages(receiver).length > 0 ? pages(receiver) : undefined), {
    timeoutMs: 60_000,
    intervalMs: 250,
    what: 'a page for the unreachable cluster at the fake receiver',
  });
  const pagedAfter = (Date.now() - killedAt) / 1000;
  console.info(`[faults] pipeline incident paged ${pagedAfter.toFixed(1)} s after both peers were killed`);
  expect(pagedAfter).toBeGreaterThanOrEqual(CLUSTER_UNREACHABLE_SECONDS);
  const title =
    'Alerting pipeline: no peer of Alertmanager cluster default answers; check the Alertmanager processes and ALERTMANAGER_URLS';
  const number = page?.incident.number as number;
  expect(page).toEqual(firstPage(number, title));
  const open = await incident(world, number);
  expect(open.timeline.map((e) => e.type)).toEqual(
    expect.arrayContaining(['incident.opened', 'pipeline.broken', 'escalation.raised']),
  );
  expect(open.timeline.find((e) => e.type === 'pipeline.broken')?.sentence).toMatch(
    /^Alertmanager cluster default stopped working \(last seen working .*\): .*Alertmanager/,
  );

  // Polling fails: the dead-man's switch is no longer called (three poll intervals, then the next tick).
  await waitFor(
    async () => {
      const last = heartbeats().at(-1)?.at ?? 0;
      return Date.now() - last > 5_000 || undefined;
    },
    { timeoutMs: 30_000, intervalMs: 500, what: 'the outbound heartbeat to stop' },
  );
  const stoppedAt = heartbeats().length;

  restarted.push(...starts.map((start) => start()));
  const back = await waitFor(
    async () => {
      const detail = await incident(world, number);
      return detail.status === 'resolved' ? detail : undefined;
    },
    { timeoutMs: 60_000, intervalMs: 500, what: 'the pipeline incident to resolve' },
  );
  expect(back.timeline.find((e) => e.type === 'pipeline.recovered')?.sentence).toMatch(
    /^Alertmanager cluster default works again after \d+ s; Vigil resolved the incident$/,
  );
  await waitFor(async () => heartbeats().length > stoppedAt + 2 || undefined, {
    timeoutMs: 30_000,
    intervalMs: 250,
    what: 'the outbound heartbeat to resume',
  });
  // Prometheus resends the Watchdog; the heartbeat's clock stood still during the outage, so no page.
  await waitForWatchdog(world);
  expect(pages(receiver).map((p) => p.incident.number)).toEqual([number]);
});

import { afterAll, beforeAll, expect, it } from 'vitest';
import { waitFor } from '../../scripts/stack/wait';
import { type FakeReceiver, startFakeReceiver } from './fake-receiver';
import type { FaultWorld } from './harness';
import {
  firstPage,
  HEARTBEAT_MISSING_SECONDS,
  incident,
  pages,
  pipelineCheckMetric,
  startPipelineWorld,
  waitForWatchdog,
} from './pipeline-world';

/**
 * The Watchdog silenced in Alertmanager: alerts no longer reach people, so after `missingAfter` Vigil
 * opens one pipeline incident and the normal escalation pages it (to a fake webhook receiver). The
 * silence expired, the incident records the recovery and resolves.
 */

let receiver: FakeReceiver;
let world: FaultWorld;

beforeAll(async () => {
  receiver = await startFakeReceiver();
  world = await startPipelineWorld('pipeline-watchdog-silenced', receiver);
});
afterAll(async () => {
  await world?.stop();
  await receiver?.close();
});

it('a silenced Watchdog pages a pipeline incident (to the fake receiver), and expiring the silence resolves it', async () => {
  await waitForWatchdog(world);
  await waitFor(async () => (await pipelineCheckMetric(world, 'heartbeat:default')) === 1 || undefined, {
    timeoutMs: 30_000,
    intervalMs: 250,
    what: 'vigil_pipeline_check_ok 1 for the heartbeat',
  });
  const [peer] = world.stack.alertmanagerUrls;
  const res = await fetch(`${peer}/api/v2/silences`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      matchers: [{ name: 'alertname', value: 'Watchdog', isRegex: false, isEqual: true }],
      startsAt: new Date().toISOString(),
      endsAt: new Date(Date.now() + 3_600_000).toISOString(),
      createdBy: 'faults',
      comment: 'fault test: the heartbeat silenced',
    }),
  });
  expect(res.status).toBe(200);
  const { silenceID } = (await res.json()) as { silenceID: string };
  const silencedAt = Date.now();

  const [page] = await waitFor(async () => (pages(receiver).length > 0 ? pages(receiver) : undefined), {
    timeoutMs: 90_000,
    intervalMs: 250,
    what: 'a page for the missing Watchdog at the fake receiver',
  });
  const pagedAfter = (Date.now() - silencedAt) / 1000;
  console.info(`[faults] pipeline incident paged ${pagedAfter.toFixed(1)} s after the Watchdog was silenced`);
  // Counted from the last poll that saw it, at most one poll interval before the silence.
  expect(pagedAfter).toBeGreaterThanOrEqual(HEARTBEAT_MISSING_SECONDS - 2);
  const title =
    'Alerting pipeline: heartbeat {alertname="Watchdog"} missing from Alertmanager cluster default; check the Watchdog rule in Prometheus, its silences, and Prometheus → Alertmanager delivery';
  const number = page?.incident.number as number;
  expect(page).toEqual(firstPage(number, title));
  await waitFor(
    async () =>
      (await incident(world, number)).timeline.some((e) => e.type === 'notification.sent') || undefined,
    { timeoutMs: 30_000, intervalMs: 250, what: 'the page recorded as sent' },
  );
  expect(pages(receiver)).toHaveLength(1);
  expect(await pipelineCheckMetric(world, 'heartbeat:default')).toBe(0);

  const expired = await fetch(`${peer}/api/v2/silence/${silenceID}`, { method: 'DELETE' });
  expect(expired.status).toBe(200);
  const back = await waitFor(
    async () => {
      const detail = await incident(world, number);
      return detail.status === 'resolved' ? detail : undefined;
    },
    { timeoutMs: 60_000, intervalMs: 500, what: 'the pipeline incident to resolve' },
  );
  expect(back.timeline.map((e) => e.type)).toEqual(
    expect.arrayContaining(['pipeline.broken', 'escalation.raised', 'pipeline.recovered']),
  );
  expect(back.timeline.find((e) => e.type === 'pipeline.recovered')?.sentence).toMatch(
    /^The heartbeat alert of Alertmanager cluster default works again after \d+ s; Vigil resolved the incident$/,
  );
  expect(await pipelineCheckMetric(world, 'heartbeat:default')).toBe(1);
  expect(pages(receiver)).toHaveLength(1);
});

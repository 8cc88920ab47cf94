import { afterAll, beforeAll, expect, it } from 'vitest';
import { waitFor } from '../../scripts/stack/wait';
import { type FaultWorld, fireAlerts, startFaultWorld } from './harness';
import {
  type StallingReceiver,
  startStallingReceiver,
  withDatabase,
  writeEscalationConfig,
} from './stalling-receiver';

/**
 * A notification receiver that accepts the connection, sends its headers and then never finishes the
 * body (a local fake standing in for a webhook receiver). Six critical alerts open six incidents whose
 * L1 pages both that receiver and a healthy chat channel; L2 pages a healthy webhook 3 s later. The
 * stalled channel must hold only its own slots (4 in flight), the other pages and the escalation must
 * go on meanwhile, and each stalled send must end at the send deadline (10 s) as a recorded failure
 * with a retry.
 */

const INCIDENTS = 6;
const SEND_DEADLINE_S = 10;
let receiver: StallingReceiver;
let world: FaultWorld;

const config = (url: string) => `
channels:
  - { name: ops-chat, type: slack, url: "${url}/ok/slack/T000/SECRET-TOKEN" }
  - { name: stalled-hook, type: webhook, url: "${url}/stall/hook" }
  - { name: sre-hook, type: webhook, url: "${url}/ok/hook" }
escalation:
  levels:
    - { level: 1, name: Chat, delay: 0s, targets: [stalled-hook, ops-chat] }
    - { level: 2, name: On-call SRE, delay: 3s, targets: [sre-hook] }
`;

beforeAll(async () => {
  receiver = await startStallingReceiver();
  world = await startFaultWorld({
    name: 'stalled-notification-receiver',
    env: (stack) => ({ VIGIL_CONFIG: writeEscalationConfig(stack, config(receiver.url)) }),
  });
});
afterAll(async () => {
  await world?.stop();
  await receiver?.stop();
});

type Incident = { id: string; number: number; title: string; opened_at: Date };

it('with a fake webhook receiver whose body stalls, other pages and escalation go on, and each stalled send ends at its deadline as a failure with a retry', async () => {
  const fired = Date.now();
  await fireAlerts(
    world.stack.alertmanagerUrls,
    Array.from({ length: INCIDENTS }, (_, i) => ({
      alertname: `FaultStalledReceiver${i}`,
      job: 'faults-stalled',
      instance: `host-${i}`,
      severity: 'critical',
    })),
  );
  const incidents = await waitFor(
    () =>
      withDatabase(world.stack, async (db) => {
        const { rows } = await db.query<Incident>(
          `SELECT id, number, title, opened_at FROM incidents WHERE title LIKE 'FaultStalledReceiver%' ORDER BY number`,
        );
        return rows.length === INCIDENTS ? rows : undefined;
      }),
    { timeoutMs: 30_000, intervalMs: 250, what: `${INCIDENTS} incidents opened` },
  );
  console.info(`[faults] ${INCIDENTS} incidents opened ${Date.now() - fired} ms after the alerts fired`);

  // Only this test's incidents (the stack's own rules may open others).
  const ours = (p: { body: unknown }) =>
    incidents.some((i) => JSON.stringify(p.body).includes(`INC-${i.number} [critical] FaultStalledReceiver`));
  const pagesTo = (prefix: string) => receiver.received.filter((r) => r.path.startsWith(prefix) && ours(r));
  await waitFor(async () => (pagesTo('/ok/hook').length >= INCIDENTS ? true : undefined), {
    timeoutMs: 30_000,
    intervalMs: 100,
    what: `${INCIDENTS} L2 pages to the healthy webhook`,
  });
  const chat = pagesTo('/ok/slack/');
  const l2 = pagesTo('/ok/hook');
  const stalled = pagesTo('/stall/');
  expect(chat).toHaveLength(INCIDENTS);
  expect(l2).toHaveLength(INCIDENTS);

  for (const incident of incidents) {
    const head = `INC-${incident.number} [critical] ${incident.title}`;
    const chatPage = chat.find((p) => (p.body as { text: string }).text === `${head} — escalated to L1 Chat`);
    const l2Page = l2.find(
      (p) => (p.body as { incident: { number: number } }).incident.number === incident.number,
    );
    expect(chatPage, `the L1 chat page of INC-${incident.number}`).toBeDefined();
    const l1Text = `${head} — escalated to L1 Chat`;
    expect(chatPage?.body).toEqual({
      text: l1Text,
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: l1Text } }],
    });
    expect(l2Page?.body).toEqual({
      incident: {
        id: incident.id,
        number: incident.number,
        title: incident.title,
        severity: 'critical',
        status: 'open',
        url: null,
        level: 2,
      },
      level: { level: 2, name: 'On-call SRE' },
      reason: 'timer',
      comment: null,
      text: `${head} — escalated to L2 On-call SRE`,
    });
    const opened = incident.opened_at.getTime();
    const l1Ms = (chatPage?.at ?? Number.POSITIVE_INFINITY) - opened;
    const l2Ms = (l2Page?.at ?? Number.POSITIVE_INFINITY) - opened;
    console.info(`[faults] INC-${incident.number}: L1 chat page after ${l1Ms} ms, L2 page after ${l2Ms} ms`);
    // L1 at once and L2 3 s later, each within a pass (1 s) and an outbox tick (1 s) of its time; the
    // margin is for a loaded machine.
    expect(l1Ms).toBeLessThan(8000);
    expect(l2Ms).toBeGreaterThanOrEqual(3000);
    expect(l2Ms).toBeLessThan(11_000);
  }
  // The healthy pages went out while the stalled receiver held requests open: nothing waited on it.
  expect(l2.every((p) => p.stalledOpen > 0)).toBe(true);
  expect(receiver.mostStalled()).toBe(4);
  // The stalled receiver got the L1 payload, in full, before stalling its answer.
  expect(stalled.length).toBeGreaterThanOrEqual(4);
  expect(stalled[0]?.body).toMatchObject({ level: { level: 1, name: 'Chat' }, reason: 'timer' });

  // Each stalled send ends at its deadline: recorded as failed with a retry, on the timeline.
  type Failure = { number: number; at: Date; data: { error: string; retryAt?: string; attempt: number } };
  const failures = await waitFor(
    () =>
      withDatabase(world.stack, async (db) => {
        const { rows } = await db.query<Failure>(
          `SELECT i.number, e.at, e.data FROM timeline_events e JOIN incidents i ON i.id = e.incident_id
           WHERE e.type = 'notification.failed' AND e.data->>'channel' = 'stalled-hook' AND (e.data->>'attempt')::int = 1
             AND i.title LIKE 'FaultStalledReceiver%'
           ORDER BY e.at`,
        );
        return rows.length === INCIDENTS ? rows : undefined;
      }),
    {
      timeoutMs: 60_000,
      intervalMs: 500,
      what: `${INCIDENTS} failed first attempts to the stalled receiver`,
    },
  );
  for (const failure of failures) {
    expect(failure.data.error).toBe(`no complete answer within ${SEND_DEADLINE_S} s`);
    expect(failure.data.retryAt).toBeDefined();
    // The first request for this incident (its attempt 1); later ones are retries.
    const request = receiver.received.find(
      (p) =>
        p.path.startsWith('/stall/') &&
        (p.body as { incident: { number: number } }).incident.number === failure.number,
    );
    const endedAfter = failure.at.getTime() - (request?.at ?? 0);
    console.info(`[faults] INC-${failure.number}: stalled send ended ${endedAfter} ms after the request`);
    expect(endedAfter).toBeGreaterThanOrEqual(SEND_DEADLINE_S * 1000 - 500);
    expect(endedAfter).toBeLessThan(SEND_DEADLINE_S * 1000 + 8000);
  }
  const rows = await withDatabase(world.stack, async (db) => {
    const { rows } = await db.query<{ status: string; attempts: number; last_error: string | null }>(
      `SELECT n.status, n.attempts, n.last_error FROM notifications n JOIN incidents i ON i.id = n.incident_id
       WHERE n.channel = 'stalled-hook' AND i.title LIKE 'FaultStalledReceiver%'`,
    );
    return rows;
  });
  expect(rows).toHaveLength(INCIDENTS);
  for (const row of rows) {
    expect(row.attempts).toBeGreaterThanOrEqual(1);
    expect(row.status).not.toBe('sent');
  }
  // Every other page was sent exactly once.
  const sent = await withDatabase(world.stack, async (db) => {
    const { rows } = await db.query<{ channel: string; total: string }>(
      `SELECT n.channel, count(*) AS total FROM notifications n JOIN incidents i ON i.id = n.incident_id
       WHERE n.status = 'sent' AND n.attempts = 1 AND i.title LIKE 'FaultStalledReceiver%'
       GROUP BY n.channel ORDER BY n.channel`,
    );
    return rows.map((r) => [r.channel, Number(r.total)]);
  });
  expect(sent).toEqual([
    ['ops-chat', INCIDENTS],
    ['sre-hook', INCIDENTS],
  ]);
});

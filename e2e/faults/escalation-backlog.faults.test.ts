import { afterAll, beforeAll, expect, it } from 'vitest';
import { waitFor } from '../../scripts/stack/wait';
import { type FaultWorld, fireAlerts, POLL_SECONDS, startFaultWorld } from './harness';
import {
  type StallingReceiver,
  startStallingReceiver,
  withDatabase,
  writeEscalationConfig,
} from './stalling-receiver';

/**
 * 250 open incidents are waiting for their L2 (paged at L1 twenty minutes ago, L2 due in forty) when
 * a new critical alert arrives. Before escalation read only due work, each pass read the 200 oldest
 * open incidents and skipped those not yet due, so the new incident got no L1 until the older ones
 * had moved on. Its L1 must go out within the policy's L1 delay plus one escalation pass (and one
 * outbox tick), with a generous margin; the 250 must not be paged. The chat receiver is a local fake.
 */

const WAITING = 250;
const L1_DELAY_S = 2;
let receiver: StallingReceiver;
let world: FaultWorld;

const config = (url: string) => `
channels:
  - { name: ops-chat, type: slack, url: "${url}/ok/slack/T000/SECRET-TOKEN" }
escalation:
  levels:
    - { level: 1, name: Chat, delay: ${L1_DELAY_S}s, targets: [ops-chat] }
    - { level: 2, name: On-call SRE, delay: 1h, targets: [ops-chat] }
`;

beforeAll(async () => {
  receiver = await startStallingReceiver();
  world = await startFaultWorld({
    name: 'escalation-backlog',
    env: (stack) => ({ VIGIL_CONFIG: writeEscalationConfig(stack, config(receiver.url)) }),
  });
});
afterAll(async () => {
  await world?.stop();
  await receiver?.stop();
});

it('with 250 open incidents waiting, a new critical alert’s L1 goes out on time to a fake chat receiver', async () => {
  // Older than anything the alert will open, at L1 since twenty minutes, due again (the column's
  // default) so the running console's passes look at all of them first.
  await withDatabase(world.stack, (db) =>
    db.query(
      `INSERT INTO incidents (id, title, severity, status, escalation_level, opened_at, last_escalated_at, updated_at)
       SELECT 'backlog-' || n, 'Waiting incident ' || n, 'critical', 'open', 1,
              now() - interval '30 minutes' + n * interval '1 ms', now() - interval '20 minutes', now()
       FROM generate_series(1, $1::int) AS n`,
      [WAITING],
    ),
  );
  await waitFor(
    () =>
      withDatabase(world.stack, async (db) => {
        const { rows } = await db.query<{ n: string }>(
          `SELECT count(*) AS n FROM incidents WHERE id LIKE 'backlog-%' AND next_escalation_at > now() + interval '20 minutes'`,
        );
        return Number(rows[0]?.n) === WAITING ? true : undefined;
      }),
    { timeoutMs: 60_000, intervalMs: 250, what: `the ${WAITING} waiting incidents timed for their L2` },
  );

  await fireAlerts(world.stack.alertmanagerUrls, [
    { alertname: 'FaultBacklogNewCritical', job: 'faults-backlog', instance: 'api-1', severity: 'critical' },
  ]);
  const incident = await waitFor(
    () =>
      withDatabase(world.stack, async (db) => {
        const { rows } = await db.query<{ number: number; title: string; opened_at: Date }>(
          `SELECT number, title, opened_at FROM incidents WHERE title = 'FaultBacklogNewCritical on api-1'`,
        );
        return rows[0];
      }),
    { timeoutMs: 30_000, intervalMs: 100, what: 'the new critical incident' },
  );
  const text = `INC-${incident.number} [critical] ${incident.title} — escalated to L1 Chat`;
  const page = await waitFor(
    async () => receiver.received.find((r) => (r.body as { text?: string }).text === text),
    { timeoutMs: 60_000, intervalMs: 50, what: `the L1 page of INC-${incident.number}` },
  );
  const afterMs = page.at - incident.opened_at.getTime();
  console.info(
    `[faults] with ${WAITING} incidents waiting, INC-${incident.number}'s L1 page arrived ${afterMs} ms after it opened (L1 delay ${L1_DELAY_S} s, pass every ${POLL_SECONDS} s)`,
  );
  expect(page.body).toEqual({ text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] });
  // Not before its delay; within the delay, one pass and one outbox tick, plus 8 s for a loaded machine.
  expect(afterMs).toBeGreaterThanOrEqual(L1_DELAY_S * 1000);
  expect(afterMs).toBeLessThan((L1_DELAY_S + POLL_SECONDS + 1 + 8) * 1000);

  // Nobody waiting was paged (the stack's own rules may page for something else), and they still wait.
  expect(receiver.received.filter((r) => JSON.stringify(r.body).includes('Waiting incident'))).toEqual([]);
  expect(
    receiver.received.filter((r) => JSON.stringify(r.body).includes(`INC-${incident.number} `)),
  ).toHaveLength(1);
  const backlog = await withDatabase(world.stack, async (db) => {
    const { rows } = await db.query<{ level: number; n: string }>(
      `SELECT escalation_level AS level, count(*) AS n FROM incidents WHERE id LIKE 'backlog-%' GROUP BY 1`,
    );
    return rows.map((r) => [r.level, Number(r.n)]);
  });
  expect(backlog).toEqual([[1, WAITING]]);
});

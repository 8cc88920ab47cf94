import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { waitFor } from '../../scripts/stack/wait';
import {
  type FaultWorld,
  fireAlerts,
  peerSilences,
  startFaultWorld,
  summary,
  waitForAlerts,
} from './harness';

/**
 * PostgreSQL stopped and started again between acknowledgements: during the outage an acknowledgement
 * answers 503 and leaves no silence in Alertmanager; afterwards acknowledging works, and nothing is
 * recorded or silenced twice.
 */

let world: FaultWorld;
const ACK_COMMENT = /^Acknowledged in Vigil \(ack /;

beforeAll(async () => {
  world = await startFaultWorld({ name: 'postgres-restart' });
});
afterAll(async () => {
  await world?.stop();
});

async function ackRows(): Promise<{ fingerprint: string; cleared: boolean }[]> {
  const client = new pg.Client({ connectionString: world.stack.databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ fingerprint: string; cleared: boolean }>(
      'SELECT fingerprint, cleared_at IS NOT NULL AS cleared FROM acknowledgements ORDER BY created_at',
    );
    return rows;
  } finally {
    await client.end();
  }
}

/** Active silences made by acknowledgements, on each peer. */
async function ackSilences(): Promise<string[][]> {
  return Promise.all(
    world.stack.alertmanagerUrls.map(async (peer) =>
      (await peerSilences(peer))
        .filter((s) => s.status.state === 'active' && ACK_COMMENT.test(s.comment))
        .map((s) => s.id)
        .sort(),
    ),
  );
}

it('acknowledgements during a PostgreSQL outage answer 503 and leave no silence; after it they work, once each', async () => {
  await fireAlerts(
    world.stack.alertmanagerUrls,
    ['a', 'b', 'c'].map((i) => ({ alertname: 'FaultPostgres', job: 'faults-pg', instance: i })),
  );
  const listed = await waitForAlerts(world, 'job="faults-pg"', 3);
  const fp = (instance: string) =>
    listed.alerts.find((a) => a.labels.instance === instance)?.fingerprint as string;
  const ack = (instance: string) =>
    world.api(`/api/v1/alerts/${fp(instance)}/ack`, { method: 'POST', json: { comment: `ack ${instance}` } });

  const first = await ack('a');
  expect(first.status, summary('ack a', first)).toBe(201);

  await world.stack.stopPostgres();
  const stoppedAt = Date.now();
  const during = [await ack('b'), await ack('c')];
  const group = await world.api('/api/v1/acks', {
    method: 'POST',
    json: { alerts: [{ fingerprint: fp('b') }, { fingerprint: fp('c') }], comment: 'group during outage' },
  });
  for (const [what, answer] of [
    ['ack b', during[0]],
    ['ack c', during[1]],
    ['group ack', group],
  ] as const) {
    console.info(`[faults] PostgreSQL down: ${summary(what, answer as never).slice(0, 300)}`);
  }
  // What the outage left in Alertmanager: only the acknowledgement made before it.
  const silencesDuring = await ackSilences();
  const stateDuring = {
    statuses: [during[0]?.status, during[1]?.status, group.status],
    silencesPerPeer: silencesDuring.map((ids) => ids.length),
  };

  await world.stack.startPostgres();
  console.info(`[faults] PostgreSQL was down for ${Date.now() - stoppedAt} ms`);
  // The pool reconnects on the next query; the first attempts may still meet a dead connection.
  const again = await waitFor(
    async () => {
      const answer = await ack('b');
      return answer.status === 503 ? undefined : answer;
    },
    { timeoutMs: 30_000, intervalMs: 500, what: 'an acknowledgement to work after PostgreSQL is back' },
  );
  expect(again.status, summary('ack b after', again)).toBe(201);
  const c = await ack('c');
  expect(c.status, summary('ack c after', c)).toBe(201);
  const twice = await ack('c');
  expect(twice.status, summary('ack c twice', twice)).toBe(409);

  const rows = await ackRows();
  expect(rows.map((r) => r.fingerprint).sort()).toEqual([fp('a'), fp('b'), fp('c')].sort());
  expect(rows.every((r) => !r.cleared)).toBe(true);
  const silences = await waitFor(
    async () => {
      const perPeer = await ackSilences();
      return perPeer.every((ids) => ids.length === 3) ? perPeer : undefined;
    },
    { timeoutMs: 10_000, intervalMs: 250, what: 'three acknowledgement silences on both peers' },
  );
  expect(silences[0]).toEqual(silences[1]);

  // Asserted last so the recovery above is checked (and reported) whatever the outage answered.
  expect(stateDuring, JSON.stringify([during.map((d) => d?.text), group.text])).toEqual({
    statuses: [503, 503, 503],
    silencesPerPeer: [1, 1],
  });
});

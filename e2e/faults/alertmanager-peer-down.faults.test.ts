import { afterAll, beforeAll, expect, it } from 'vitest';
import { waitFor } from '../../scripts/stack/wait';
import {
  type FaultWorld,
  fireAlerts,
  listAlerts,
  peerSilences,
  startFaultWorld,
  summary,
  waitForAlerts,
} from './harness';

/** One Alertmanager peer SIGKILLed: the other answers for the cluster, reads and writes. */

let world: FaultWorld;
const FILTER = 'job="faults-peer"';

beforeAll(async () => {
  world = await startFaultWorld({ name: 'alertmanager-peer-down' });
});
afterAll(async () => {
  await world?.stop();
});

it('with peer 1 killed, the alerts stay complete from peer 2, the peer shows down and a silence write fails over', async () => {
  const [first, second] = world.stack.alertmanagerUrls;
  await fireAlerts(
    [first, second],
    ['a', 'b', 'c'].map((i) => ({ alertname: 'FaultPeerDown', job: 'faults-peer', instance: i })),
  );
  const before = await waitForAlerts(world, FILTER, 3);
  // Peer 1 is the one writes go to first: killing it makes the write fail over.
  world.kill('alertmanager-1');
  const killedAt = Date.now();

  const upstreams = await waitFor(
    async () => {
      const answer = await world.api('/api/v1/upstreams');
      const body = answer.body as {
        upstreams: { kind: string; name: string; ok: boolean; detail: string }[];
      };
      const peer1 = body.upstreams?.find((u) => u.kind === 'alertmanager' && u.name.endsWith('peer 1'));
      return peer1 && !peer1.ok ? body.upstreams : undefined;
    },
    { timeoutMs: 15_000, intervalMs: 250, what: '/api/v1/upstreams to show peer 1 down' },
  );
  console.info(`[faults] peer 1 shown down ${Date.now() - killedAt} ms after SIGKILL`);
  const am = upstreams.filter((u) => u.kind === 'alertmanager');
  expect(am.map((u) => [u.name, u.ok])).toEqual([
    [expect.stringMatching(/peer 1$/), false],
    [expect.stringMatching(/peer 2$/), true],
  ]);
  expect(am[0]?.detail).toMatch(/refused the connection|could not be reached/);

  const after = await listAlerts(world, FILTER);
  expect(after.status, summary('/api/v1/alerts', after)).toBe(200);
  expect(after.body.counts.matching).toBe(before.counts.matching);
  expect(after.body.alerts.map((a) => a.fingerprint).sort()).toEqual(
    before.alerts.map((a) => a.fingerprint).sort(),
  );
  const cluster = after.body.upstreams[0];
  expect(cluster?.stale).toBe(false);
  expect(cluster?.peers.map((p) => p.ok)).toEqual([false, true]);

  const created = await world.api('/api/v1/silences', {
    method: 'POST',
    json: { matchers: 'alertname="FaultPeerDown", instance="a"', duration: '1h', comment: 'fail-over write' },
  });
  expect(created.status, summary('POST /api/v1/silences', created)).toBe(201);
  console.info(`[faults] silence created with peer 1 down in ${created.ms} ms`);
  const { silenceId } = created.body as { silenceId: string };
  const onLivePeer = (await peerSilences(second)).find((s) => s.id === silenceId);
  expect(onLivePeer).toMatchObject({ status: { state: 'active' }, comment: 'fail-over write' });

  // The console reflects it: the silenced alert is no longer active.
  const silenced = await waitFor(
    async () => {
      const answer = await listAlerts(world, `${FILTER} instance="a"`);
      const row = answer.body.alerts[0] as { state?: string } | undefined;
      return row?.state === 'silenced' ? row : undefined;
    },
    { timeoutMs: 15_000, intervalMs: 250, what: 'the alert silenced in the console' },
  );
  expect(silenced).toBeDefined();
});

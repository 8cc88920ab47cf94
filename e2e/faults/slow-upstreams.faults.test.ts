import { afterAll, beforeAll, it } from 'vitest';
import { type FakeUpstream, startFakeUpstream } from '../../scripts/fake-upstream';
import { expectEveryCallWithinDeadline } from './deadline-check';
import { type FaultWorld, startFaultWorld } from './harness';

/**
 * Fake upstreams that never answer (or answer after 30 s), with VIGIL_UPSTREAM_TIMEOUT_SECONDS=2: no
 * call to the console hangs. The real stack provides PostgreSQL (sign-in by token); Prometheus,
 * both Alertmanager peers and Loki are fakes: the peers and Loki never answer, Prometheus answers after
 * 30 s. (A body that stalls after the headers: stalled-upstream-body.faults.test.ts.)
 */

let world: FaultWorld;
const fakes: FakeUpstream[] = [];

beforeAll(async () => {
  const [prometheus, peer1, peer2, loki] = await Promise.all([
    startFakeUpstream({ kind: 'delay', ms: 30_000 }),
    startFakeUpstream({ kind: 'hang' }),
    startFakeUpstream({ kind: 'hang' }),
    startFakeUpstream({ kind: 'hang' }),
  ]);
  fakes.push(prometheus, peer1, peer2, loki);
  world = await startFaultWorld({
    name: 'slow-upstreams',
    env: () => ({
      PROMETHEUS_URL: prometheus.url,
      ALERTMANAGER_URLS: `${peer1.url},${peer2.url}`,
      LOKI_URL: loki.url,
    }),
  });
});
afterAll(async () => {
  await world?.stop();
  await Promise.all(fakes.map((f) => f.close()));
});

it('with fake upstreams that never answer or answer after 30 s, every API call returns within the deadline with an upstream error', async () => {
  await expectEveryCallWithinDeadline(world, 'fake slow');
});

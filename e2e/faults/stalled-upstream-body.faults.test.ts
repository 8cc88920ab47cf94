import { afterAll, beforeAll, it } from 'vitest';
import { type FakeUpstream, startFakeUpstream } from '../../scripts/fake-upstream';
import { expectEveryCallWithinDeadline } from './deadline-check';
import { type FaultWorld, startFaultWorld } from './harness';

/**
 * Fake upstreams that send their headers and then stall in the body (a half-dead process, or a proxy
 * that buffers), with VIGIL_UPSTREAM_TIMEOUT_SECONDS=2: the deadline must cover reading the body too.
 * Prometheus, Alertmanager peer 2 and Loki stall; peer 1 never answers at all. PostgreSQL is real.
 */

let world: FaultWorld;
const fakes: FakeUpstream[] = [];

beforeAll(async () => {
  const [prometheus, peer1, peer2, loki] = await Promise.all([
    startFakeUpstream({ kind: 'stall-body' }),
    startFakeUpstream({ kind: 'hang' }),
    startFakeUpstream({ kind: 'stall-body' }),
    startFakeUpstream({ kind: 'stall-body' }),
  ]);
  fakes.push(prometheus, peer1, peer2, loki);
  world = await startFaultWorld({
    name: 'stalled-upstream-body',
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

it('with fake upstreams whose body stalls after the headers, every API call returns within the deadline with an upstream error', async () => {
  await expectEveryCallWithinDeadline(world, 'fake stalled body');
});

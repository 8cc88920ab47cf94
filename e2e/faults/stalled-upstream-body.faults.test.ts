import { it } from 'vitest';
import { expectEveryCallWithinDeadline } from './deadline-check';
import { fakeUpstreamWorld } from './fake-world';

/**
 * Fake upstreams that send their headers and then stall in the body (a half-dead process, or a proxy
 * that buffers), with VIGIL_UPSTREAM_TIMEOUT_SECONDS=2: the deadline must cover reading the body too.
 * Prometheus, Alertmanager peer 2 and Loki stall; peer 1 never answers at all. PostgreSQL is real.
 */

const world = fakeUpstreamWorld('stalled-upstream-body', {
  prometheus: { kind: 'stall-body' },
  peers: [{ kind: 'hang' }, { kind: 'stall-body' }],
  loki: { kind: 'stall-body' },
});

it('with fake upstreams whose body stalls after the headers, every API call returns within the deadline with an upstream error', async () => {
  await expectEveryCallWithinDeadline(world(), 'fake stalled body');
});

import { it } from 'vitest';
import { expectEveryCallWithinDeadline } from './deadline-check';
import { fakeUpstreamWorld } from './fake-world';

/**
 * Fake upstreams that never answer (or answer after 30 s), with VIGIL_UPSTREAM_TIMEOUT_SECONDS=2: no
 * call to the console hangs. The real stack provides PostgreSQL (sign-in by token); Prometheus,
 * both Alertmanager peers and Loki are fakes: the peers and Loki never answer, Prometheus answers after
 * 30 s. (A body that stalls after the headers: stalled-upstream-body.faults.test.ts.)
 */

const world = fakeUpstreamWorld('slow-upstreams', {
  prometheus: { kind: 'delay', ms: 30_000 },
  peers: [{ kind: 'hang' }, { kind: 'hang' }],
  loki: { kind: 'hang' },
});

it('with fake upstreams that never answer or answer after 30 s, every API call returns within the deadline with an upstream error', async () => {
  await expectEveryCallWithinDeadline(world(), 'fake slow');
});

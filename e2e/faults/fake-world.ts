import { afterAll, beforeAll } from 'vitest';
import { type FakeBehaviour, type FakeUpstream, startFakeUpstream } from '../../scripts/fake-upstream';
import { type FaultWorld, startFaultWorld } from './harness';

/**
 * A fault world whose Prometheus, both Alertmanager peers and Loki are local fakes
 * (scripts/fake-upstream.ts), each with its own behaviour; the real stack provides PostgreSQL only.
 * Registers the file's beforeAll/afterAll and returns a getter for the world.
 *
 *   const world = fakeUpstreamWorld('slow-upstreams', {prometheus: {kind:'hang'}, peers: [...], loki: {kind:'hang'}});
 *   it('…', () => expectEveryCallWithinDeadline(world(), 'fake slow'));
 */
export function fakeUpstreamWorld(
  name: string,
  behaviours: { prometheus: FakeBehaviour; peers: [FakeBehaviour, FakeBehaviour]; loki: FakeBehaviour },
): () => FaultWorld {
  let world: FaultWorld | undefined;
  const fakes: FakeUpstream[] = [];
  beforeAll(async () => {
    const [prometheus, peer1, peer2, loki] = await Promise.all(
      [behaviours.prometheus, ...behaviours.peers, behaviours.loki].map((b) => startFakeUpstream(b)),
    );
    fakes.push(...[prometheus, peer1, peer2, loki].filter((f): f is FakeUpstream => f !== undefined));
    world = await startFaultWorld({
      name,
      env: () => ({
        PROMETHEUS_URL: prometheus?.url ?? '',
        ALERTMANAGER_URLS: `${peer1?.url},${peer2?.url}`,
        LOKI_URL: loki?.url ?? '',
      }),
    });
  });
  afterAll(async () => {
    await world?.stop();
    await Promise.all(fakes.map((f) => f.close()));
  });
  return () => {
    if (!world) throw new Error(`the fault world ${name} did not start`);
    return world;
  };
}

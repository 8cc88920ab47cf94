import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlertmanagerCluster } from '@/lib/config/load';
import { NotFoundError, UpstreamError } from '@/lib/errors';
import type { UpstreamTarget } from '@/lib/upstreams/http';
import { alertmanagerPeerTargets } from '@/lib/upstreams/targets';
import { freePorts } from '@/scripts/stack/ports';
import { type Stack, startStack } from '@/scripts/stack/start-stack';
import { waitFor } from '@/scripts/stack/wait';
import {
  expireSilence,
  getAlertGroups,
  getAlerts,
  getSilence,
  getSilences,
  getStatus,
  postAlerts,
  postSilence,
} from './client';
import { readClusterAlerts, writeWithFailover } from './cluster';
import type { Matcher, SilenceInput } from './schemas';

/**
 * The client against the real HA pair of Alertmanager 0.25 peers that the stack harness starts. The tests
 * run in order and build on each other (alerts → silences → a dead peer); the peer is killed last.
 */

// Labels every alert and silence of this run, so Prometheus' own alerts (Watchdog, InstanceDown) never
// match our filters.
const RUN = randomUUID().slice(0, 8);
const ONLY_ON_1 = 'VigilOnlyOnPeer1';
const ON_BOTH = 'VigilOnBoth';

const iso = (ms: number) => new Date(ms).toISOString();
const equal = (name: string, value: string): Matcher => ({ name, value, isRegex: false, isEqual: true });
const ours = (labels: Record<string, string>) => labels.vigil_test === RUN;

let stack: Stack;
let startedAt: number;
let cluster: AlertmanagerCluster;
let peer1: UpstreamTarget;
let peer2: UpstreamTarget;

beforeAll(async () => {
  const [vigilPort] = await freePorts(1);
  stack = await startStack({ vigilUrl: `http://127.0.0.1:${vigilPort}`, webhookToken: 'x'.repeat(24) });
  startedAt = performance.now();
  cluster = { name: 'test', peers: [...stack.alertmanagerUrls], timeoutMs: 5_000 };
  const targets = alertmanagerPeerTargets(cluster);
  if (!targets[0] || !targets[1]) throw new Error('the stack has no Alertmanager pair');
  [peer1, peer2] = [targets[0], targets[1]];
});

afterAll(() => stack?.stop());

describe('Alertmanager client against a real HA pair (0.25)', () => {
  it('status: two clustered 0.25 peers that settle into "ready"', async () => {
    const statuses = await waitFor(
      async () => {
        const both = await Promise.all([getStatus(peer1), getStatus(peer2)]);
        return both.every((s) => s.clusterStatus === 'ready') && both;
      },
      { timeoutMs: 45_000, what: 'both Alertmanager peers to report cluster status "ready"' },
    );
    console.info(
      `[measured] cluster "ready" ${Math.round(performance.now() - startedAt)} ms after startStack resolved`,
    );
    const [one, two] = statuses;
    expect(one?.version).toMatch(/^0\.25\./);
    expect(two?.version).toMatch(/^0\.25\./);
    // Each peer lists both members, itself included, under their gossip names.
    const names = [one?.clusterName, two?.clusterName].sort();
    expect(one?.peers.map((p) => p.name).sort()).toEqual(names);
    expect(two?.peers.map((p) => p.name).sort()).toEqual(names);
    expect(one?.clusterName).not.toBe(two?.clusterName);
  });

  it('alerts: the merged view lists an alert posted to one peer once with that peer, and one posted to both once with both and the earliest startsAt', async () => {
    const now = Date.now();
    const endsAt = iso(now + 3_600_000);
    const alert = (alertname: string, startsAt: string) => ({
      labels: { alertname, vigil_test: RUN, severity: 'info' },
      annotations: { summary: `${alertname} (integration test)` },
      startsAt,
      endsAt,
    });
    await postAlerts(peer1, [alert(ONLY_ON_1, iso(now - 60_000)), alert(ON_BOTH, iso(now - 600_000))]);
    await postAlerts(peer2, [alert(ON_BOTH, iso(now - 300_000))]);

    const { alerts, peers } = await waitFor(
      async () => {
        const merged = await readClusterAlerts(cluster);
        return merged.alerts.filter((a) => ours(a.labels)).length === 2 && merged;
      },
      { timeoutMs: 10_000, what: 'both test alerts in the merged view' },
    );
    expect(peers.map((p) => p.ok)).toEqual([true, true]);
    expect(peers.map((p) => p.address)).toEqual(stack.alertmanagerUrls.map((u) => new URL(u).host));
    expect(new Set(alerts.map((a) => a.fingerprint)).size).toBe(alerts.length);
    const byName = new Map(alerts.filter((a) => ours(a.labels)).map((a) => [a.labels.alertname, a]));
    expect(byName.get(ONLY_ON_1)).toMatchObject({ cluster: 'test', peers: ['test peer 1'], state: 'active' });
    expect(byName.get(ON_BOTH)).toMatchObject({
      cluster: 'test',
      peers: ['test peer 1', 'test peer 2'],
      startsAt: iso(now - 600_000),
      endsAt,
      receivers: ['chat'],
    });
    // Alertmanager does not gossip alerts: peer 2 never hears of the one posted to peer 1 only.
    const onPeer2 = await getAlerts(peer2, { matchers: [`vigil_test="${RUN}"`] });
    expect(onPeer2.map((a) => a.labels.alertname)).toEqual([ON_BOTH]);
  });

  it('alerts: a read that changed nothing hands back the same array (what keeps the alerts API index), a change a new one', async () => {
    // Prometheus' own alerts may change between two reads (a resend moves updatedAt): retry until two
    // reads in a row saw no change.
    const unchanged = await waitFor(
      async () => {
        const first = await readClusterAlerts(cluster);
        const second = await readClusterAlerts(cluster);
        return second.alerts === first.alerts && second;
      },
      { timeoutMs: 20_000, what: 'two reads in a row without a change' },
    );
    const now = Date.now();
    await postAlerts(peer1, [
      {
        labels: { alertname: 'VigilReadChanged', vigil_read: RUN, severity: 'info' },
        annotations: {},
        startsAt: iso(now),
        endsAt: iso(now + 3_600_000),
      },
    ]);
    const changed = await waitFor(
      async () => {
        const merged = await readClusterAlerts(cluster);
        return merged.alerts.some((a) => a.labels.alertname === 'VigilReadChanged') && merged;
      },
      { timeoutMs: 10_000, what: 'the new alert in the merged view' },
    );
    expect(changed.alerts).not.toBe(unchanged.alerts);
  });

  it('groups: one group per alertname under the route that matched', async () => {
    const groups = await waitFor(
      async () => {
        const found = await getAlertGroups(peer1, { matchers: [`vigil_test="${RUN}"`] });
        return found.length === 2 && found;
      },
      { timeoutMs: 10_000, what: 'two alert groups for the test alerts' },
    );
    const summary = groups
      .map((g) => ({
        labels: g.labels,
        receiver: g.receiver,
        alerts: g.alerts.map((a) => a.labels.alertname),
      }))
      .sort((a, b) => String(a.labels.alertname).localeCompare(String(b.labels.alertname)));
    expect(summary).toEqual([
      { labels: { alertname: ON_BOTH }, receiver: 'chat', alerts: [ON_BOTH] },
      { labels: { alertname: ONLY_ON_1 }, receiver: 'chat', alerts: [ONLY_ON_1] },
    ]);
  });

  let input: SilenceInput;
  let silenceId: string;

  it('silences: one posted to peer 1 reaches peer 2 by gossip and silences the matching alert on both', async () => {
    input = {
      matchers: [equal('vigil_test', RUN), equal('alertname', ON_BOTH)],
      startsAt: iso(Date.now()),
      endsAt: iso(Date.now() + 3_600_000),
      createdBy: 'vigil-integration-test',
      comment: 'Silenced by the Alertmanager client integration test',
    };
    const posted = performance.now();
    silenceId = await postSilence(peer1, input);
    // Until gossip brings it, peer 2 answers 404: getSilence throws NotFoundError and waitFor tries again.
    const onPeer2 = await waitFor(() => getSilence(peer2, silenceId), {
      timeoutMs: 15_000,
      intervalMs: 20,
      what: 'the silence to reach peer 2 by gossip',
    });
    console.info(
      `[measured] silence gossiped from peer 1 to peer 2 in ${Math.round(performance.now() - posted)} ms`,
    );
    expect(onPeer2).toMatchObject({
      id: silenceId,
      state: 'active',
      matchers: input.matchers,
      endsAt: input.endsAt,
      createdBy: input.createdBy,
      comment: input.comment,
    });
    expect((await getSilences(peer2, [`vigil_test="${RUN}"`])).map((s) => s.id)).toEqual([silenceId]);

    const merged = await waitFor(
      async () => {
        const { alerts } = await readClusterAlerts(cluster);
        const silenced = alerts.find((a) => ours(a.labels) && a.labels.alertname === ON_BOTH);
        return silenced?.state === 'suppressed' && alerts;
      },
      { timeoutMs: 10_000, what: 'the silenced alert to be suppressed on both peers' },
    );
    const byName = new Map(merged.filter((a) => ours(a.labels)).map((a) => [a.labels.alertname, a]));
    expect(byName.get(ON_BOTH)?.silencedBy).toEqual([silenceId]);
    expect(byName.get(ONLY_ON_1)).toMatchObject({ state: 'active', silencedBy: [] });
  });

  it('silences: an update keeps the id while the matchers stay, and returns a new id when they change', async () => {
    const stored = await getSilence(peer1, silenceId);
    const extended = {
      ...input,
      id: silenceId,
      startsAt: stored.startsAt,
      endsAt: iso(Date.now() + 7_200_000),
    };
    expect(await postSilence(peer1, extended)).toBe(silenceId);

    const changed = await postSilence(peer1, {
      ...extended,
      matchers: [...input.matchers, equal('severity', 'info')],
    });
    expect(changed).not.toBe(silenceId);
    expect((await getSilence(peer1, silenceId)).state).toBe('expired');
    expect(await getSilence(peer1, changed)).toMatchObject({
      state: 'active',
      matchers: [...input.matchers, equal('severity', 'info')],
    });
    silenceId = changed;
  });

  it('silences: expire answers an empty 200, again for an expired one, and NotFoundError for an unknown id', async () => {
    await expect(expireSilence(peer1, silenceId)).resolves.toBeUndefined();
    expect((await getSilence(peer1, silenceId)).state).toBe('expired');
    await expect(expireSilence(peer1, silenceId)).resolves.toBeUndefined();

    const unknown = '00000000-0000-0000-0000-000000000000';
    await expect(expireSilence(peer1, unknown)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getSilence(peer1, unknown)).rejects.toBeInstanceOf(NotFoundError);
    await expect(postSilence(peer1, { ...input, id: unknown })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("errors: a bad matcher's bare-string 400 surfaces verbatim, and matchers: [] is a 422", async () => {
    const badMatcher = (await getAlerts(peer1, { matchers: ['alertname~Watchdog'] }).catch(
      (e: unknown) => e,
    )) as UpstreamError;
    expect(badMatcher).toBeInstanceOf(UpstreamError);
    expect(badMatcher.upstreamStatus).toBe(400);
    expect(badMatcher.message).toBe(
      'Alertmanager test peer 1 answered 400: bad matcher format: alertname~Watchdog',
    );

    const noMatchers = (await postSilence(peer1, { ...input, matchers: [] }).catch(
      (e: unknown) => e,
    )) as UpstreamError;
    expect(noMatchers).toBeInstanceOf(UpstreamError);
    expect(noMatchers.upstreamStatus).toBe(422);
    expect(noMatchers.message).toBe(
      'Alertmanager test peer 1 answered 422: matchers in body should have at least 1 items',
    );
  });

  // Last: it leaves the cluster with one peer.
  it('a dead peer: reads keep the live peer’s alerts and mark it down; a write fails over to the live peer', async () => {
    const victim = stack.processes.find((p) => p.name === 'alertmanager-1');
    if (!victim) throw new Error(`no alertmanager-1 in ${stack.processes.map((p) => p.name).join(', ')}`);
    process.kill(victim.pid, 'SIGKILL');
    await waitFor(
      () =>
        getStatus(peer1).then(
          () => false,
          () => true,
        ),
      {
        timeoutMs: 10_000,
        what: 'peer 1 to stop answering',
      },
    );

    const { alerts, peers } = await readClusterAlerts(cluster);
    expect(peers[0]).toMatchObject({ name: 'test peer 1', ok: false });
    // A new connection is refused; a keep-alive socket pooled before the kill fails as UND_ERR_SOCKET.
    expect(peers[0]?.error).toMatch(
      / at 127\.0\.0\.1:\d+ could not be reached \((ECONNREFUSED|UND_ERR_SOCKET)\)/,
    );
    expect(peers[1]).toEqual({ name: 'test peer 2', address: new URL(peer2.baseUrl).host, ok: true });
    const mine = alerts.filter((a) => ours(a.labels));
    expect(mine.map((a) => [a.labels.alertname, a.peers])).toEqual([[ON_BOTH, ['test peer 2']]]);

    const started = performance.now();
    const { result: id, peer } = await writeWithFailover([peer1, peer2], (p) =>
      postSilence(p, { ...input, comment: 'Written while peer 1 is down' }),
    );
    console.info(`[measured] failover write took ${Math.round(performance.now() - started)} ms`);
    expect(peer).toBe('test peer 2');
    expect(await getSilence(peer2, id)).toMatchObject({
      state: 'active',
      comment: 'Written while peer 1 is down',
    });
  });
});

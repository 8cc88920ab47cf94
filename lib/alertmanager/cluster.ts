import 'server-only';
import type { AlertmanagerCluster } from '@/lib/config/load';
import { UpstreamError } from '@/lib/errors';
import type { UpstreamTarget } from '@/lib/upstreams/http';
import { ClusterAlertsReader } from './alerts-reader';
import type { ClusterAlerts } from './merge';

export type { ClusterAlert, ClusterAlerts, PeerState } from './merge';

/**
 * A whole HA cluster. Reads go to every peer, because alerts are not gossiped (a peer only knows what
 * Prometheus managed to send it); writes go to one peer, because silences are gossiped to the others
 * within about a second.
 */

// One reader (and worker thread) per cluster name, on globalThis like the snapshot sources: start-up
// and the routes may be separate module graphs.
const READERS = Symbol.for('vigil.cluster-alert-readers');
const store = globalThis as unknown as Record<symbol, Map<string, ClusterAlertsReader> | undefined>;

/**
 * Every peer's alerts, read in parallel (each bounded by a deadline sized from the peer's last answer,
 * read-deadline.ts) and merged by fingerprint (rules in merge.ts), all on the cluster's poll worker
 * thread (poll-worker.ts). A failed peer is marked down while the others' alerts are still returned;
 * when every peer fails this throws, and the caller keeps its last good snapshot.
 */
export function readClusterAlerts(cluster: AlertmanagerCluster): Promise<ClusterAlerts> {
  store[READERS] ??= new Map();
  let reader = store[READERS].get(cluster.name);
  if (!reader) {
    reader = new ClusterAlertsReader();
    store[READERS].set(cluster.name, reader);
  }
  return reader.read(cluster);
}

/**
 * Runs a write on the first peer that takes it, in the configured order, and says which one did.
 * - Moves on when a peer is down or broken: no answer, a timeout, or a 5xx.
 * - Throws at once on anything else: a 4xx (bad input fails on every peer alike), a NotFoundError
 *   (silences are gossiped, so the other peers do not know the id either; only a silence created on
 *   another peer in the last ~0.1–0.3 s may not have arrived yet), a 2xx with an unreadable body
 *   (the write probably happened; repeating it elsewhere would duplicate it), or a non-upstream error.
 * - When every peer fails, throws the last error with a hint naming every peer tried.
 *
 * A timed-out POST may still have been applied by the slow peer, so a failover can leave two silences
 * for the same matchers; during an incident a duplicate silence is harmless, a missing one is not.
 *
 * @example await writeWithFailover(alertmanagerPeerTargets(cluster), (peer) => postSilence(peer, input))
 *   → {result: "<silence id>", peer: "default peer 2"}   // peer 1 refused the connection
 */
export async function writeWithFailover<T>(
  peers: UpstreamTarget[],
  op: (peer: UpstreamTarget) => Promise<T>,
): Promise<{ result: T; peer: string }> {
  let last: UpstreamError | undefined;
  for (const peer of peers) {
    try {
      return { result: await op(peer), peer: peer.name };
    } catch (error) {
      if (!(error instanceof UpstreamError) || !peerIsDown(error)) throw error;
      last = error;
    }
  }
  if (!last) throw new Error('writeWithFailover needs at least one peer');
  const tried = peers.map((p) => `${p.name} (${new URL(p.baseUrl).host})`).join(', ');
  throw new UpstreamError(
    last.source,
    last.url,
    last.upstreamStatus,
    last.message,
    `Every peer failed, tried in this order: ${tried}. ${last.hint}`,
  );
}

/** No answer at all (refused, reset, timeout) or a server error. */
const peerIsDown = (error: UpstreamError) =>
  error.upstreamStatus === undefined || error.upstreamStatus >= 500;

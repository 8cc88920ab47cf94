import { sentence, UpstreamError } from '@/lib/errors';
import type { AmAlert } from './schemas';

/**
 * Merges the alerts of one HA cluster's peers. Pure: cluster.ts does the reading.
 *
 * Alertmanager does not gossip alerts between HA peers (only silences and the notification log), and
 * Prometheus posts each alert to every peer on its own, so the peers' lists differ: a peer that was down
 * or unreachable when Prometheus sent misses the alert, and the same alert can carry different times.
 */

/** An alert as the cluster knows it, with the names of the peers that report it. */
export type ClusterAlert = AmAlert & { cluster: string; peers: string[] };

/** One peer's answer: its alerts or why it failed. `address` is host:port only (no credentials). */
export type PeerAlerts = { peer: string; address: string } & (
  | { alerts: AmAlert[]; error?: undefined }
  | { alerts?: undefined; error: UpstreamError }
);

export type PeerState = { name: string; address: string; ok: boolean; error?: string };

export type ClusterAlerts = { alerts: ClusterAlert[]; peers: PeerState[] };

/**
 * One entry per fingerprint, sorted by fingerprint (Alertmanager's order is not stable; a fixed order keeps
 * successive snapshots comparable). When several peers report an alert:
 * - `startsAt` is the earliest (the first peer that heard of it knows when it began), `endsAt` and
 *   `updatedAt` the latest, and labels, annotations and generatorURL come from the most recently updated
 *   copy (annotations are templated again on every evaluation);
 * - `receivers`, `silencedBy`, `inhibitedBy` and `mutedBy` are unions;
 * - `state` is the loudest: active > unprocessed > suppressed. Every peer runs its own notification
 *   pipeline, so a peer that does not suppress the alert will notify for it: an alert is "suppressed"
 *   only when every peer that reports it suppresses it. (Right after a silence is created, the peer that
 *   has not received it by gossip yet still says active; within a second or so both agree.)
 *
 * Peers that failed are marked down. Throws an UpstreamError when every peer failed: the caller keeps
 * its last good snapshot rather than showing an empty list.
 *
 * @example mergePeerAlerts('eu', [
 *   {peer:'eu peer 1', address:'am-1:9093', alerts:[{fingerprint:'a', startsAt:'…T08:05Z', state:'active', …}]},
 *   {peer:'eu peer 2', address:'am-2:9093', alerts:[{fingerprint:'a', startsAt:'…T08:04Z', state:'suppressed', …}]},
 * ]) → {alerts:[{fingerprint:'a', startsAt:'…T08:04Z', state:'active', cluster:'eu', peers:['eu peer 1','eu peer 2'], …}],
 *       peers:[{name:'eu peer 1', address:'am-1:9093', ok:true}, {name:'eu peer 2', address:'am-2:9093', ok:true}]}
 */
export function mergePeerAlerts(clusterName: string, results: PeerAlerts[]): ClusterAlerts {
  if (results.every((r) => r.error)) throw allPeersFailed(clusterName, results);
  const byFingerprint = new Map<string, ClusterAlert>();
  for (const result of results)
    for (const alert of result.alerts ?? []) {
      const known = byFingerprint.get(alert.fingerprint);
      byFingerprint.set(
        alert.fingerprint,
        known
          ? mergeAlert(known, alert, result.peer)
          : { ...alert, cluster: clusterName, peers: [result.peer] },
      );
    }
  return {
    alerts: [...byFingerprint.values()].sort((a, b) => (a.fingerprint < b.fingerprint ? -1 : 1)),
    peers: results.map(({ peer, address, error }) =>
      error ? { name: peer, address, ok: false, error: peerError(error) } : { name: peer, address, ok: true },
    ),
  };
}

const LOUDNESS: Record<AmAlert['state'], number> = { suppressed: 0, unprocessed: 1, active: 2 };

function mergeAlert(known: ClusterAlert, other: AmAlert, peer: string): ClusterAlert {
  const newer = time(other.updatedAt) > time(known.updatedAt) ? other : known;
  const mutedBy = known.mutedBy || other.mutedBy ? union(known.mutedBy, other.mutedBy) : undefined;
  return {
    ...known,
    labels: newer.labels,
    annotations: newer.annotations,
    generatorURL: newer.generatorURL,
    startsAt: time(other.startsAt) < time(known.startsAt) ? other.startsAt : known.startsAt,
    endsAt: time(other.endsAt) > time(known.endsAt) ? other.endsAt : known.endsAt,
    updatedAt: newer.updatedAt,
    receivers: union(known.receivers, other.receivers),
    state: LOUDNESS[other.state] > LOUDNESS[known.state] ? other.state : known.state,
    silencedBy: union(known.silencedBy, other.silencedBy),
    inhibitedBy: union(known.inhibitedBy, other.inhibitedBy),
    ...(mutedBy ? { mutedBy } : {}),
    peers: [...known.peers, peer],
  };
}

const time = (iso: string) => Date.parse(iso);

/** Keeps first-seen order. @example union(['a','b'], ['b','c']) → ['a','b','c'] */
function union(a: string[] = [], b: string[] = []): string[] {
  return [...new Set([...a, ...b])];
}

/** What the health indicator shows for a down peer: what failed, then what to check. */
const peerError = (error: UpstreamError) => `${sentence(error.message)} ${error.hint}`;

/** One error naming every peer's failure; the config guarantees at least one peer. */
function allPeersFailed(clusterName: string, results: PeerAlerts[]): UpstreamError {
  const errors = results.flatMap((r) => (r.error ? [r.error] : []));
  return new UpstreamError(
    'alertmanager',
    errors[0]?.url ?? '',
    errors[0]?.upstreamStatus,
    `No peer of Alertmanager cluster "${clusterName}" answered: ${errors.map((e) => e.message).join('; ')}`,
    [...new Set(errors.map((e) => e.hint))].join(' '),
  );
}

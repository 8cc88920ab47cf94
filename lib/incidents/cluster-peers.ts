import 'server-only';
import { expireSilence } from '@/lib/alertmanager/client';
import { writeWithFailover } from '@/lib/alertmanager/cluster';
import { config } from '@/lib/config/current';
import type { AlertmanagerCluster } from '@/lib/config/load';
import { NotFoundError, ValidationError } from '@/lib/errors';
import type { UpstreamTarget } from '@/lib/upstreams/http';
import { alertmanagerPeerTargets } from '@/lib/upstreams/targets';

/** Which Alertmanager cluster a silence or acknowledgement goes to, and writes every caller shares. */

/**
 * The cluster named `name`, or the only one when none is named. With several clusters a write must
 * say which one: guessing would silence alerts in the wrong place.
 */
export function clusterNamed(name: string | undefined): {
  cluster: AlertmanagerCluster;
  peers: UpstreamTarget[];
} {
  const clusters = config().alertmanagers;
  const cluster =
    name === undefined
      ? clusters.length === 1
        ? clusters[0]
        : undefined
      : clusters.find((c) => c.name === name);
  if (!cluster)
    throw new ValidationError('Name the Alertmanager cluster.', {
      cluster:
        name === undefined
          ? `several clusters are configured; use one of ${clusters.map((c) => c.name).join(', ')}`
          : `no cluster "${name}"; use one of ${clusters.map((c) => c.name).join(', ')}`,
    });
  return { cluster, peers: alertmanagerPeerTargets(cluster) };
}

/** Expires a silence; one Alertmanager no longer knows (deleted after its retention) is expired enough. */
export async function expireKnownSilence(peers: UpstreamTarget[], silenceId: string): Promise<void> {
  try {
    await writeWithFailover(peers, (p) => expireSilence(p, silenceId));
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
  }
}

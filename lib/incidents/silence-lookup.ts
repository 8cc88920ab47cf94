import 'server-only';
import { getSilence } from '@/lib/alertmanager/client';
import { writeWithFailover } from '@/lib/alertmanager/cluster';
import type { Silence } from '@/lib/alertmanager/schemas';
import { config } from '@/lib/config/current';
import type { AlertmanagerCluster } from '@/lib/config/load';
import { NotFoundError } from '@/lib/errors';
import { sources } from '@/lib/snapshots/sources';
import type { UpstreamTarget } from '@/lib/upstreams/http';
import { clusterNamed } from './cluster-peers';

/** Where a silence is: the cluster whose snapshot lists it, else the first whose peers know the id. */
export async function locateSilence(
  id: string,
  clusterName?: string,
): Promise<{ cluster: AlertmanagerCluster; peers: UpstreamTarget[]; silence: Silence }> {
  const names =
    clusterName === undefined
      ? config().alertmanagers.map((c) => c.name)
      : [clusterNamed(clusterName).cluster.name];
  for (const name of names) {
    const snapshot = (await sources().clusters.get(name)?.get())?.data;
    const silence = snapshot?.silences.find((s) => s.id === id);
    if (silence) return { ...clusterNamed(name), silence };
  }
  // Not polled yet (created in the last seconds, e.g. by amtool): ask the peers.
  for (const name of names) {
    const { cluster, peers } = clusterNamed(name);
    try {
      return { cluster, peers, silence: (await writeWithFailover(peers, (p) => getSilence(p, id))).result };
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
    }
  }
  throw new NotFoundError(
    `No Alertmanager knows a silence with id ${id}. Expired silences are deleted after their retention (120 h by default).`,
  );
}

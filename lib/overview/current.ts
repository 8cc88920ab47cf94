import 'server-only';
import { sources } from '@/lib/alerts/sources';
import { buildOverview, type Overview } from './build-overview';

/** The snapshots as they are now (only the very first call of a process waits for the first polls). */
export async function currentViews() {
  const s = sources();
  const [clusters, prometheus, loki] = await Promise.all([
    Promise.all([...s.clusters.values()].map((c) => c.get())),
    Promise.all([...s.prometheus.values()].map((p) => p.get())),
    s.loki?.get(),
  ]);
  return { clusters, prometheus, loki };
}

export async function currentOverview(): Promise<Overview> {
  return buildOverview(await currentViews());
}

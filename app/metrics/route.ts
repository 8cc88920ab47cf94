import { route } from '@/lib/http/route';
import { metrics, onCollect, renderMetrics } from '@/lib/metrics/registry';
import { metricsOp } from '@/lib/server/api';
import { databaseHealthy } from '@/lib/server/health';
import { sources } from '@/lib/snapshots/sources';

export const dynamic = 'force-dynamic';

onCollect(async () => {
  const m = metrics();
  m.databaseUp.set((await databaseHealthy()) ? 1 : 0);
  const s = sources();
  const views = [
    ...[...s.clusters.values()].map((c) => ['alertmanager', c.view()] as const),
    ...[...s.prometheus.values()].map((p) => ['prometheus', p.view()] as const),
    ...(s.loki ? [['loki', s.loki.view()] as const] : []),
  ];
  for (const [source, view] of views) m.snapshotAge.set({ source, name: view.name }, view.ageSeconds ?? -1);
});

/** Public, like every exporter: only Vigil's own state, no secrets. */
export const GET = route(metricsOp, async () => {
  const { body, contentType } = await renderMetrics();
  return new Response(body, { headers: { 'content-type': contentType } });
});

import 'server-only';
import { currentViews } from './sources';
import type { HealthReport, UpstreamHealth } from './upstream-health-schema';

/**
 * Which upstreams answer, for the always-visible health indicator. Read from the snapshots the server
 * polls anyway (sources.ts): showing it costs no upstream request. Its shape is healthReportSchema
 * (./upstream-health-schema.ts), the answer of `GET /api/v1/upstreams`.
 */

const age = (seconds: number | undefined) =>
  seconds === undefined ? '' : ` (data ${Math.round(seconds)} s old)`;

export async function upstreamHealth(): Promise<HealthReport> {
  const views = await currentViews();
  const upstreams: UpstreamHealth[] = [];
  for (const p of views.prometheus)
    upstreams.push({
      kind: 'prometheus',
      name: p.name,
      ok: !p.error && p.data !== undefined,
      detail: p.error ? `${p.error.message}${age(p.ageSeconds)}` : `up, v${p.data?.version ?? '?'}`,
    });
  for (const c of views.clusters) {
    const peers = c.data?.peers ?? [];
    if (peers.length === 0)
      upstreams.push({
        kind: 'alertmanager',
        name: c.name,
        ok: false,
        detail: c.error?.message ?? 'not polled yet',
      });
    for (const peer of peers) {
      const status = c.data?.statuses.find((s) => s.peer === peer.name);
      const ok = peer.ok && !c.error;
      upstreams.push({
        kind: 'alertmanager',
        name: peer.name,
        ok,
        detail: ok
          ? `v${status?.version ?? '?'}, ${status?.clusterPeers ?? '?'} cluster peer(s), ${status?.clusterStatus ?? '?'}`
          : `${peer.error ?? c.error?.message ?? 'down'}${age(c.ageSeconds)}`,
      });
    }
  }
  if (views.loki)
    upstreams.push({
      kind: 'loki',
      name: views.loki.name,
      ok: Boolean(views.loki.data?.ready) && !views.loki.error,
      detail: views.loki.error?.message ?? views.loki.data?.detail ?? 'not polled yet',
    });
  return { checkedAt: new Date().toISOString(), upstreams };
}

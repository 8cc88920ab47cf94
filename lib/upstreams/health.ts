import 'server-only';
import { config as currentConfig } from '@/lib/config/current';
import type { VigilConfig } from '@/lib/config/load';
import { authHeaders, probe } from './probe';

/**
 * Which upstreams answer, for the always-visible health indicator. Probed on the server on an interval
 * and cached, so any number of open consoles cost one probe per upstream per interval; concurrent
 * readers share the in-flight round.
 */

export type UpstreamHealth = {
  kind: 'prometheus' | 'alertmanager' | 'loki';
  /** "default", or the name given in VIGIL_CONFIG; peers are "<cluster> peer 2". */
  name: string;
  /** host:port only: credentials and paths stay on the server. */
  address: string;
  ok: boolean;
  detail: string;
};

export type HealthReport = { checkedAt: string; upstreams: UpstreamHealth[] };

const TIMEOUT_MS = 5000;

const address = (url: string) => new URL(url).host;

async function checkAll(config: VigilConfig): Promise<HealthReport> {
  const checks: Promise<UpstreamHealth>[] = [];
  for (const p of config.prometheus)
    checks.push(
      probe(`${p.url}/-/ready`, { headers: authHeaders(p.auth), timeoutMs: TIMEOUT_MS }).then((r) => ({
        kind: 'prometheus',
        name: p.name,
        address: address(p.url),
        ok: r.ok,
        detail: r.ok ? `ready (${r.latencyMs} ms)` : (r.error ?? 'not ready'),
      })),
    );
  for (const cluster of config.alertmanagers)
    for (const [i, peer] of cluster.peers.entries())
      checks.push(
        probe(`${peer}/api/v2/status`, {
          headers: authHeaders(cluster.auth),
          timeoutMs: TIMEOUT_MS,
          json: true,
        }).then((r) => {
          const body = r.body as
            | { versionInfo?: { version?: string }; cluster?: { peers?: unknown[] } }
            | undefined;
          return {
            kind: 'alertmanager',
            name: `${cluster.name} peer ${i + 1}`,
            address: address(peer),
            ok: r.ok,
            detail: r.ok
              ? `v${body?.versionInfo?.version ?? '?'}, ${body?.cluster?.peers?.length ?? 0} cluster peer(s)`
              : (r.error ?? 'no answer'),
          } satisfies UpstreamHealth;
        }),
      );
  if (config.loki) {
    const loki = config.loki;
    const headers = { ...authHeaders(loki.auth), ...(loki.tenant ? { 'X-Scope-OrgID': loki.tenant } : {}) };
    checks.push(
      probe(`${loki.url}/ready`, { headers, timeoutMs: TIMEOUT_MS }).then((r) => ({
        kind: 'loki',
        name: 'loki',
        address: address(loki.url),
        ok: r.ok,
        // Loki answers 503 for its first ~15 s while its ring settles.
        detail: r.ok ? 'ready' : r.status === 503 ? 'starting (503 not ready)' : (r.error ?? 'not ready'),
      })),
    );
  }
  return { checkedAt: new Date().toISOString(), upstreams: await Promise.all(checks) };
}

type Cache = { report?: HealthReport; at: number; inflight?: Promise<HealthReport> };
const KEY = Symbol.for('vigil.upstream-health');
const store = globalThis as unknown as Record<symbol, Cache | undefined>;

export async function upstreamHealth(): Promise<HealthReport> {
  const config = currentConfig();
  store[KEY] ??= { at: 0 };
  const cache = store[KEY];
  if (cache.report && Date.now() - cache.at < config.pollIntervalSeconds * 1000) return cache.report;
  cache.inflight ??= checkAll(config)
    .then((report) => {
      cache.report = report;
      cache.at = Date.now();
      return report;
    })
    .finally(() => {
      cache.inflight = undefined;
    });
  return cache.inflight;
}

import 'server-only';
import { config } from '@/lib/config/current';
import type { PrometheusServer } from '@/lib/config/load';
import { NotFoundError } from '@/lib/errors';
import { instantQuery, rangeQuery } from '@/lib/prometheus/client';
import type { InstantResult, Series } from '@/lib/prometheus/schemas';
import { SharedCache } from '@/lib/upstreams/shared-cache';
import { prometheusTarget } from '@/lib/upstreams/targets';

/**
 * Chart and pass-through queries, cached on the server: range queries are keyed by their
 * step-aligned start/end, so every console showing the same chart shares one upstream query per step
 * (at most one per poll interval). Instant queries are cached for the poll interval.
 */

const KEY = Symbol.for('vigil.query-caches');
type Caches = { range: SharedCache<Series[]>; instant: SharedCache<InstantResult> };
const store = globalThis as unknown as Record<symbol, Caches | undefined>;

function caches(): Caches {
  store[KEY] ??= {
    range: new SharedCache({ maxEntries: 500 }),
    instant: new SharedCache({ maxEntries: 500 }),
  };
  return store[KEY];
}

/** A configured Prometheus by name; the first configured one when no name is given. */
export function prometheusServer(name?: string): PrometheusServer {
  const servers = config().prometheus;
  const server = name ? servers.find((s) => s.name === name) : servers[0];
  if (!server)
    throw new NotFoundError(
      `No Prometheus named "${name}"; configured: ${servers.map((s) => s.name).join(', ') || 'none'}.`,
    );
  return server;
}

const ttlMs = (stepSeconds: number) => Math.min(stepSeconds, config().pollIntervalSeconds) * 1000;

export function cachedRangeQuery(
  server: PrometheusServer,
  query: string,
  range: { start: number; end: number; stepSeconds: number },
): Promise<Series[]> {
  const key = `${server.name}|${range.start}|${range.end}|${range.stepSeconds}|${query}`;
  return caches().range.get(key, ttlMs(range.stepSeconds), () =>
    rangeQuery(prometheusTarget(server), query, {
      start: new Date(range.start * 1000),
      end: new Date(range.end * 1000),
      stepSeconds: range.stepSeconds,
    }),
  );
}

/** `time` in unix seconds; without it "now", rounded to the poll interval so consoles share it. */
export function cachedInstantQuery(
  server: PrometheusServer,
  query: string,
  time?: number,
): Promise<InstantResult> {
  const interval = config().pollIntervalSeconds;
  const at = time ?? Math.floor(Date.now() / 1000 / interval) * interval;
  return caches().instant.get(`${server.name}|${at}|${query}`, interval * 1000, () =>
    instantQuery(prometheusTarget(server), query, new Date(at * 1000)),
  );
}

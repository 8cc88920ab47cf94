import 'server-only';
import { config } from '@/lib/config/current';
import type { PrometheusServer } from '@/lib/config/load';
import { NotFoundError, ValidationError } from '@/lib/errors';
import { instantQuery, rangeQuery } from '@/lib/prometheus/client';
import type { InstantResult, Series } from '@/lib/prometheus/schemas';
import { alignToStep, normaliseQuery } from '@/lib/upstreams/query-text';
import type { SharedCache } from '@/lib/upstreams/shared-cache';
import { prometheusTarget } from '@/lib/upstreams/targets';
import { admitUserQuery, boundedTarget, queryCache } from '@/lib/upstreams/user-queries';

/**
 * Chart and pass-through queries, cached on the server: keyed by the normalised expression (layout
 * removed; the text sent is the first caller's own) and, for range queries, the step-aligned
 * start/end, so every console showing the same chart shares one upstream query per step (at most one
 * per poll interval). Instant queries are cached for the poll interval. A query a user typed (`user` given) also takes one of that user's query slots
 * while it runs, may span at most `queries.maxRangeDays` and bring back at most `queries.maxAnswerBytes`
 * (VIGIL_CONFIG); panels' own queries are fixed by the config, so they need no cap.
 */

const KEY = Symbol.for('vigil.query-caches');
type Caches = { range: SharedCache<Series[]>; instant: SharedCache<InstantResult> };
const store = globalThis as unknown as Record<symbol, Caches | undefined>;

function caches(): Caches {
  store[KEY] ??= {
    range: queryCache(500),
    instant: queryCache(500),
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

/** Prometheus refuses a range query of more points than this per series. */
const MAX_POINTS = 11_000;

/** The target of a query: a typed one (`user` given) reads a bounded answer. */
const targetOf = (server: PrometheusServer, user?: string) =>
  user ? boundedTarget(prometheusTarget(server)) : prometheusTarget(server);

const admit = (user?: string) => (user ? () => admitUserQuery(user) : undefined);

export function cachedRangeQuery(
  server: PrometheusServer,
  query: string,
  asked: { start: number; end: number; stepSeconds: number },
  user?: string,
): Promise<Series[]> {
  const range = alignToStep(asked);
  const maxRange = config().queries.maxRangeSeconds;
  if (user && range.end - range.start > maxRange)
    throw new ValidationError(
      `The range is longer than ${maxRange / 86_400} days, the most a query may span here (queries.maxRangeDays in VIGIL_CONFIG).`,
      { start: `must be at most ${maxRange / 86_400} days before end` },
    );
  if ((range.end - range.start) / range.stepSeconds > MAX_POINTS)
    throw new ValidationError(
      'Too many points: Prometheus allows at most 11,000 per series; use a larger step.',
      { step: 'too small for the range' },
    );
  const key = `${server.name}|${range.start}|${range.end}|${range.stepSeconds}|${normaliseQuery(query)}`;
  return caches().range.get(
    key,
    ttlMs(range.stepSeconds),
    () =>
      rangeQuery(targetOf(server, user), query, {
        start: new Date(range.start * 1000),
        end: new Date(range.end * 1000),
        stepSeconds: range.stepSeconds,
      }),
    admit(user),
  );
}

/**
 * `time` in unix seconds (whole seconds: finer ones would only defeat the cache); without it "now",
 * rounded to the poll interval so consoles share it.
 */
export function cachedInstantQuery(
  server: PrometheusServer,
  query: string,
  time?: number,
  user?: string,
): Promise<InstantResult> {
  const interval = config().pollIntervalSeconds;
  const at = time === undefined ? Math.floor(Date.now() / 1000 / interval) * interval : Math.floor(time);
  return caches().instant.get(
    `${server.name}|${at}|${normaliseQuery(query)}`,
    interval * 1000,
    () => instantQuery(targetOf(server, user), query, new Date(at * 1000)),
    admit(user),
  );
}

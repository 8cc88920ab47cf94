import 'server-only';
import { config } from '@/lib/config/current';
import { ConcurrencyLimit } from './concurrency-limit';
import type { UpstreamTarget } from './http';
import { SharedCache } from './shared-cache';

/**
 * The limits of the queries people type (`/api/v1/query`, `/api/v1/logs`; `queries` in VIGIL_CONFIG):
 * one user may have `perUserConcurrency` of them running against the upstreams at once, shared by
 * Prometheus and Loki, so twenty tabs of one viewer cannot make Prometheus time out for everyone.
 * Kept on globalThis, as the caches are, so that every route module of this process counts the same.
 */

const KEY = Symbol.for('vigil.user-query-limit');
const store = globalThis as unknown as Record<symbol, ConcurrencyLimit | undefined>;

/** Takes one of the user's query slots (429 when they are all taken); call the result when done. */
export function admitUserQuery(userId: string): () => void {
  store[KEY] ??= new ConcurrencyLimit(() => config().queries.perUserConcurrency);
  return store[KEY].admit(userId);
}

/** A cache of query answers within the configured byte budget (`queries.cacheBytes`). */
export function queryCache<T>(maxEntries: number): SharedCache<T> {
  // Beyond this many different loads at once the upstream is busy enough: more would only queue there.
  return new SharedCache<T>({ maxEntries, maxBytes: config().queries.cacheBytes, maxInflight: 64 });
}

/** The target with the largest answer a typed query may bring back (`queries.maxAnswerBytes`). */
export function boundedTarget(target: UpstreamTarget): UpstreamTarget {
  return { ...target, maxAnswerBytes: config().queries.maxAnswerBytes };
}

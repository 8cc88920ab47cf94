import { RateLimitedError } from '@/lib/errors';

/**
 * A small TTL cache that also shares in-flight loads: concurrent requests for the same key cost one
 * upstream call, and repeated ones within the TTL cost none. Used for chart and log queries, whose keys
 * are normalised (lib/upstreams/query-text.ts) so that every open console asks for the same key.
 * Bounded three ways, so no caller can grow it without end: the oldest entries go first beyond
 * `maxEntries` or `maxBytes` (an answer larger than `maxBytes` is returned but not kept), and at most
 * `maxInflight` different loads run at once (beyond, a 429: the upstream is busy enough). Failed loads
 * are not cached.
 *
 *   const cache = new SharedCache<Series[]>({ maxEntries: 500, maxBytes: 64 * 1024 * 1024 });
 *   await cache.get('up|1700000000|1700003600|15', 15_000, () => rangeQuery(…));
 */
export class SharedCache<T> {
  private readonly entries = new Map<string, { value: T; expires: number; bytes: number }>();
  private readonly inflight = new Map<string, Promise<T>>();
  private bytes = 0;

  constructor(
    private readonly options: {
      maxEntries: number;
      /** Budget of the kept answers, measured by `sizeOf`. */
      maxBytes?: number;
      maxInflight?: number;
      /** An answer's size: by default the length of its JSON, a proxy for the memory it holds. */
      sizeOf?: (value: T) => number;
      now?: () => number;
    },
  ) {}

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }

  /**
   * The cached or shared answer, or a new load. `admit` runs only when a new load starts (a hit or a
   * shared load costs the upstream nothing): it may refuse by throwing, and returns what to call when
   * the load ends (the per-user query cap, lib/upstreams/user-queries.ts).
   */
  async get(key: string, ttlMs: number, load: () => Promise<T>, admit?: () => () => void): Promise<T> {
    const hit = this.entries.get(key);
    if (hit && hit.expires > this.now()) return hit.value;
    const pending = this.inflight.get(key);
    if (pending) return pending;
    if (this.inflight.size >= (this.options.maxInflight ?? Number.POSITIVE_INFINITY))
      throw new RateLimitedError(
        `Vigil is already waiting on ${this.inflight.size} upstream queries; try again in a moment.`,
        1,
      );
    const release = admit?.();
    const promise = load()
      .then((value) => {
        this.keep(key, value, ttlMs);
        return value;
      })
      .finally(() => {
        this.inflight.delete(key);
        release?.();
      });
    this.inflight.set(key, promise);
    return promise;
  }

  private keep(key: string, value: T, ttlMs: number): void {
    this.drop(key);
    const maxBytes = this.options.maxBytes ?? Number.POSITIVE_INFINITY;
    const bytes = Number.isFinite(maxBytes) ? (this.options.sizeOf ?? jsonLength)(value) : 0;
    if (bytes > maxBytes) return;
    this.entries.set(key, { value, expires: this.now() + ttlMs, bytes });
    this.bytes += bytes;
    while (this.entries.size > this.options.maxEntries || this.bytes > maxBytes) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.drop(oldest);
    }
  }

  private drop(key: string): void {
    this.bytes -= this.entries.get(key)?.bytes ?? 0;
    this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }

  /** What the kept answers weigh, by `sizeOf`. */
  get byteSize(): number {
    return this.bytes;
  }
}

const jsonLength = (value: unknown) => JSON.stringify(value)?.length ?? 0;

/**
 * A small TTL cache that also shares in-flight loads: concurrent requests for the same key cost one
 * upstream call, and repeated ones within the TTL cost none. Used for chart queries, whose keys are
 * aligned to the step so that every open console asks for the same key. Bounded: the oldest entries
 * go first when `maxEntries` is reached. Failed loads are not cached.
 *
 *   const cache = new SharedCache<Series[]>({ maxEntries: 500 });
 *   await cache.get('up|1700000000|1700003600|15', 15_000, () => rangeQuery(…));
 */
export class SharedCache<T> {
  private readonly entries = new Map<string, { value: T; expires: number }>();
  private readonly inflight = new Map<string, Promise<T>>();

  constructor(private readonly options: { maxEntries: number; now?: () => number }) {}

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }

  async get(key: string, ttlMs: number, load: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit && hit.expires > this.now()) return hit.value;
    const pending = this.inflight.get(key);
    if (pending) return pending;
    const promise = load()
      .then((value) => {
        this.entries.delete(key);
        this.entries.set(key, { value, expires: this.now() + ttlMs });
        while (this.entries.size > this.options.maxEntries) {
          const oldest = this.entries.keys().next().value;
          if (oldest === undefined) break;
          this.entries.delete(oldest);
        }
        return value;
      })
      .finally(() => this.inflight.delete(key));
    this.inflight.set(key, promise);
    return promise;
  }

  get size(): number {
    return this.entries.size;
  }
}

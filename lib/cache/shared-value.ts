/**
 * A value read from PostgreSQL that every request shares (the open acknowledgements, the alerts'
 * incident links, the flapping alerts): any number of consoles cost one read per `maxAgeMs`.
 *
 * Why readers never wait for an age-based refresh: when 50 consoles' requests all waited on the one
 * re-read each second, they all resumed in the same microtask checkpoint when it answered, and the
 * event loop was blocked for their whole combined work (1.3 s measured at 10,000 alerts, 50 clients).
 * So a value older than `maxAgeMs` is served as it is while one re-read runs in the background
 * (stale-while-revalidate); only a value this process invalidated (its own write) or never read makes
 * readers wait, so whoever acknowledges sees the acknowledgement on the next read.
 *
 * An invalidation during a read in flight is not lost: that read may have run before the write
 * committed, so it does not count as fresh and the next reader reads again. When the database fails,
 * the last value is served (the console keeps working during an outage) and the failure logged once.
 *
 * The state lives on `globalThis` under `key`, so every route bundle of the production build that
 * includes this module shares one value and one invalidation.
 */

export type SharedValue<T> = {
  /** The value: at once unless invalidated or never read; see above. */
  get(): Promise<T>;
  /** After this process changed what the value is read from: the next `get` reads again and waits. */
  invalidate(): void;
};

export type SharedValueOptions<T> = {
  /** Names the global slot; one per value. */
  key: string;
  maxAgeMs: number;
  /** Before the first read, and when the first read fails. */
  initial: T;
  /** Reads the value; `current` lets a read skip work when nothing changed. */
  load: (current: T) => Promise<T>;
  /** Whether a new value equals the current one: then the current object is kept, so caches keyed on it stay warm. */
  same?: (current: T, next: T) => boolean;
  /** For the log line when a read fails: "the open acknowledgements". */
  what: string;
  /** Milliseconds since the epoch (tests). */
  now?: () => number;
};

type State<T> = {
  value: T;
  loadedAt: number;
  /** Incremented by every invalidation. */
  generation: number;
  /** The generation the value was read at (-1: never read). */
  loadedGeneration: number;
  loading?: Promise<void>;
  failing: boolean;
};

export function sharedValue<T>(options: SharedValueOptions<T>): SharedValue<T> {
  const now = options.now ?? Date.now;
  const slot = Symbol.for(`vigil.shared-value.${options.key}`);
  const store = globalThis as unknown as Record<symbol, State<T> | undefined>;
  const state = (): State<T> => {
    store[slot] ??= {
      value: options.initial,
      loadedAt: 0,
      generation: 0,
      loadedGeneration: -1,
      failing: false,
    };
    return store[slot];
  };

  const read = (s: State<T>): Promise<void> => {
    s.loading ??= (async () => {
      const generation = s.generation;
      try {
        const next = await options.load(s.value);
        s.value = options.same?.(s.value, next) ? s.value : next;
        s.failing = false;
      } catch (error) {
        if (!s.failing)
          console.warn(`[vigil] reading ${options.what} failed; serving the last known:`, error);
        s.failing = true;
      } finally {
        s.loadedAt = now();
        s.loadedGeneration = generation;
        s.loading = undefined;
      }
    })();
    return s.loading;
  };

  return {
    async get() {
      const s = state();
      // Invalidated (or never read): wait for a read that started after the invalidation.
      while (s.loadedGeneration !== s.generation) await read(s);
      if (now() - s.loadedAt >= options.maxAgeMs) void read(s);
      return s.value;
    },
    invalidate() {
      state().generation += 1;
    },
  };
}

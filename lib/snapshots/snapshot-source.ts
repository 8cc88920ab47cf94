/**
 * A value read from an upstream on an interval and kept in memory. Readers get the latest snapshot and
 * never call the upstream themselves, so any number of readers cost one fetch per interval; readers
 * arriving before the first fetch finished share that one in-flight fetch. When a fetch fails, the last
 * good data stays, marked with its age and the error.
 *
 *   const targets = new SnapshotSource({ name: 'prometheus default', intervalMs: 10_000, fetch: () => getTargets(t) });
 *   targets.start();
 *   const view = await targets.get(); // { data, ageSeconds: 3.2, stale: false, error: undefined, … }
 */

export type SnapshotError = { message: string; hint?: string; at: number };

export type SnapshotView<T> = {
  name: string;
  /** The last good data, or undefined when no fetch has succeeded yet. */
  data: T | undefined;
  /** When `data` was fetched (ms since epoch). */
  updatedAt: number | undefined;
  ageSeconds: number | undefined;
  /** The last fetch failed (data, if any, is older). */
  error: SnapshotError | undefined;
  /** No successful fetch for more than two intervals. */
  stale: boolean;
  intervalSeconds: number;
};

export type SnapshotOptions<T> = {
  name: string;
  intervalMs: number;
  fetch: () => Promise<T>;
  /**
   * Called after each successful fetch with the previous data (undefined the first time) and the new;
   * e.g. to record alert transitions. Its errors are logged, never break polling.
   */
  onUpdate?: (previous: T | undefined, next: T) => Promise<void> | void;
  /** Injected in tests. */
  now?: () => number;
};

function describeError(error: unknown, at: number): SnapshotError {
  const e = error as Error & { hint?: string };
  return { message: e?.message ?? String(error), hint: e?.hint, at };
}

export class SnapshotSource<T> {
  private data: T | undefined;
  private updatedAt: number | undefined;
  private error: SnapshotError | undefined;
  private inflight: Promise<void> | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running = false;
  private readonly now: () => number;

  constructor(private readonly options: SnapshotOptions<T>) {
    this.now = options.now ?? Date.now;
  }

  /** Fetches now unless a fetch is already under way, in which case it joins that one. Never throws. */
  refresh(): Promise<void> {
    this.inflight ??= this.options
      .fetch()
      .then(
        async (data) => {
          const previous = this.data;
          this.data = data;
          this.updatedAt = this.now();
          this.error = undefined;
          try {
            await this.options.onUpdate?.(previous, data);
          } catch (error) {
            console.error(`[vigil] after polling ${this.options.name}:`, error);
          }
        },
        (error: unknown) => {
          this.error = describeError(error, this.now());
        },
      )
      .finally(() => {
        this.inflight = undefined;
      });
    return this.inflight;
  }

  /**
   * Replaces part of the current data between polls, e.g. the silences right after Vigil wrote one, so
   * readers see a write at once instead of at the next poll. Ignored before the first fetch. A poll
   * already in flight may still land afterwards with older data; the next one corrects it.
   */
  patch(update: (data: T) => T): void {
    if (this.data !== undefined) this.data = update(this.data);
  }

  /** The current snapshot; only the very first read waits (for the shared first fetch). */
  async get(): Promise<SnapshotView<T>> {
    if (this.updatedAt === undefined && this.error === undefined) await this.refresh();
    return this.view();
  }

  view(): SnapshotView<T> {
    const now = this.now();
    const ageSeconds = this.updatedAt === undefined ? undefined : (now - this.updatedAt) / 1000;
    return {
      name: this.options.name,
      data: this.data,
      updatedAt: this.updatedAt,
      ageSeconds,
      error: this.error,
      stale: ageSeconds === undefined || ageSeconds > (2 * this.options.intervalMs) / 1000,
      intervalSeconds: this.options.intervalMs / 1000,
    };
  }

  /**
   * Polls every interval until stop(). The next poll is scheduled when the previous one ends, so a
   * slow upstream is never asked twice at once. The timer does not keep the process alive.
   */
  start(): void {
    if (this.running) return;
    this.running = true;
    const loop = () => {
      void this.refresh().then(() => {
        if (!this.running) return;
        this.timer = setTimeout(loop, this.options.intervalMs);
        this.timer.unref?.();
      });
    };
    loop();
  }

  stop(): void {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
  }
}

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
  /**
   * How far apart successful fetches are expected now: the configured interval, or longer while the
   * upstream is slow (`restFactor`), plus the last fetch's own duration.
   */
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
  /**
   * After a fetch that took d ms, wait at least `restFactor` × d (and never less than `intervalMs`)
   * before the next, so polling keeps the upstream busy at most 1 / (restFactor + 1) of the time. An
   * Alertmanager that needs seconds to list 10,000 alerts would otherwise spend most of its CPU on
   * Vigil's polls. The wait is capped at a minute (unless `intervalMs` is longer), so a fetch that ran
   * into a long timeout does not hide the upstream's recovery for minutes. Absent: always `intervalMs`.
   */
  restFactor?: number;
  /** Injected in tests. */
  now?: () => number;
};

/** The longest wait `restFactor` may add after a slow fetch. */
const MAX_REST_MS = 60_000;

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
  private lastDurationMs = 0;
  private readonly now: () => number;

  constructor(private readonly options: SnapshotOptions<T>) {
    this.now = options.now ?? Date.now;
  }

  /** Fetches now unless a fetch is already under way, in which case it joins that one. Never throws. */
  refresh(): Promise<void> {
    const startedAt = this.now();
    this.inflight ??= this.options
      .fetch()
      .finally(() => {
        this.lastDurationMs = this.now() - startedAt;
      })
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
      stale: ageSeconds === undefined || ageSeconds > (2 * this.periodMs()) / 1000,
      intervalSeconds: this.periodMs() / 1000,
    };
  }

  /** The wait after a fetch ends: `intervalMs`, or longer after a slow fetch (see `restFactor`). */
  private restMs(): number {
    const rest = Math.min((this.options.restFactor ?? 0) * this.lastDurationMs, MAX_REST_MS);
    return Math.max(this.options.intervalMs, rest);
  }

  /** From one successful fetch to the next when every fetch succeeds: the rest and the fetch itself. */
  private periodMs(): number {
    return this.restMs() + this.lastDurationMs;
  }

  /**
   * Polls until stop(). The next poll is scheduled when the previous one ends, an interval later (or
   * longer after a slow one: `restFactor`), so a slow upstream is never asked twice at once. The timer
   * does not keep the process alive.
   */
  start(): void {
    if (this.running) return;
    this.running = true;
    const loop = () => {
      void this.refresh().then(() => {
        if (!this.running) return;
        this.timer = setTimeout(loop, this.restMs());
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

import { setTimeout as delay } from 'node:timers/promises';
import { StackError } from './errors.js';

export interface WaitOptions {
  /** Give up after this long. */
  timeoutMs: number;
  /** Pause between two probes; the probe's own duration comes on top. */
  intervalMs?: number;
  /** What we are waiting for, in words: it becomes the error message. */
  what: string;
}

/** The condition did not hold before the deadline; `lastError` is the probe's last failure. */
export class WaitTimeoutError extends StackError {
  readonly what: string;
  readonly lastError: unknown;

  constructor(what: string, timeoutMs: number, lastError: unknown) {
    const last = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
    super(
      `Timed out after ${timeoutMs} ms waiting for ${what}${last}`,
      'the deadline may be too short for a cold start on a busy machine, or the thing never comes up',
      { cause: lastError },
    );
    this.what = what;
    this.lastError = lastError;
  }
}

/**
 * Thrown by a probe to stop polling at once, e.g. when the process it waits for
 * has exited: waiting out the deadline would only hide the real failure.
 */
export class StopWaitingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StopWaitingError';
  }
}

/**
 * Polls `probe` until it returns a value other than `undefined`, `null` or `false`,
 * and resolves with that value. A probe that throws is retried (its error is kept
 * for the timeout message), except for a `StopWaitingError`, which is rethrown.
 *
 * @example
 *   const peers = await waitFor(async () => {
 *     const status = await getStatus();
 *     return status.cluster.peers.length === 2 && status.cluster.peers;
 *   }, { timeoutMs: 30_000, what: 'two Alertmanager peers' });
 */
export async function waitFor<T>(
  probe: () => Promise<T | undefined | null | false> | T | undefined | null | false,
  { timeoutMs, intervalMs = 250, what }: WaitOptions,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const result = await probe();
      if (result !== undefined && result !== null && result !== false) return result;
    } catch (error) {
      if (error instanceof StopWaitingError) throw error;
      lastError = error;
    }
    const remaining = deadline - Date.now();
    if (remaining <= 0) throw new WaitTimeoutError(what, timeoutMs, lastError);
    await delay(Math.min(intervalMs, remaining));
  }
}

/** Settles like `promise`, or rejects with a `WaitTimeoutError` once `timeoutMs` has passed. */
export async function withDeadline<T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  const timer = new AbortController();
  try {
    return await Promise.race([
      promise,
      delay(timeoutMs, undefined, { signal: timer.signal }).then(() => {
        throw new WaitTimeoutError(what, timeoutMs, undefined);
      }),
    ]);
  } finally {
    timer.abort();
  }
}

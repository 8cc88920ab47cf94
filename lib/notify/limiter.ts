/**
 * How many sends may be in flight per channel, pure bookkeeping for the outbox worker (outbox.ts): a
 * receiver that stalls holds at most `perKey` slots of its own channel until their deadlines, and every
 * other channel keeps its own slots.
 *
 *   const limiter = createLimiter(2)
 *   limiter.acquire('chat') → true; limiter.acquire('chat') → true; limiter.acquire('chat') → false
 *   limiter.free('chat') → 0; limiter.free('mail') → 2
 *   limiter.release('chat'); limiter.free('chat') → 1
 */

export type Limiter = {
  /** Slots still free for `key`. */
  free(key: string): number;
  /** Takes a slot; false (and nothing taken) when the key has none free. */
  acquire(key: string): boolean;
  release(key: string): void;
  /** Slots taken over every key. */
  inFlight(): number;
};

export function createLimiter(perKey: number): Limiter {
  const taken = new Map<string, number>();
  const count = (key: string) => taken.get(key) ?? 0;
  return {
    free: (key) => perKey - count(key),
    acquire(key) {
      if (count(key) >= perKey) return false;
      taken.set(key, count(key) + 1);
      return true;
    },
    release(key) {
      const n = count(key) - 1;
      if (n > 0) taken.set(key, n);
      else taken.delete(key);
    },
    inFlight: () => [...taken.values()].reduce((a, b) => a + b, 0),
  };
}

import { RateLimitedError } from '@/lib/errors';

/**
 * At most `limit()` things running at once per key (a user): `admit(key)` takes a slot or refuses with
 * a 429, and returns the function that gives the slot back. Refusing rather than queueing keeps a
 * flood from one user from waiting in Vigil's memory. Keys with nothing running are forgotten, so the
 * map holds only users with queries in flight.
 *
 *   const limit = new ConcurrencyLimit(() => 4);
 *   const release = limit.admit('u1'); try { await query() } finally { release() }
 */
export class ConcurrencyLimit {
  private readonly running = new Map<string, number>();

  constructor(private readonly limit: () => number) {}

  admit(key: string): () => void {
    const count = this.running.get(key) ?? 0;
    const limit = this.limit();
    if (count >= limit)
      throw new RateLimitedError(
        `You already have ${count} queries running (at most ${limit} at once); wait for them, then try again.`,
        1,
      );
    this.running.set(key, count + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.running.get(key) ?? 1) - 1;
      if (left > 0) this.running.set(key, left);
      else this.running.delete(key);
    };
  }
}

/**
 * Failed sign-ins slow the attacker, not the owner. Within 15 minutes:
 * - 5 failures on one e-mail from one address stop that address guessing that account's password;
 * - 20 failures from one address stop it trying many accounts;
 * - 10 failures on one e-mail from anywhere stop guessing spread over many addresses, but only for
 *   addresses that have never signed in to that account. An address the account signed in from before
 *   (a known address) passes, so a stranger who fails on purpose cannot lock the owner out.
 * Pure: the caller reads the newest failures (at most SIGN_IN_FAILURES_CONSIDERED of each kind, which is
 * enough to decide every limit) and whether the address is known; `now` is passed in.
 *
 *   signInBlocked(now, { knownAddress: false, failures: { emailAtAddress: [], address: [], email: ten } }) → true
 *   signInBlocked(now, { knownAddress: true,  failures: { emailAtAddress: [], address: [], email: ten } }) → false
 */
const WINDOW_MS = 15 * 60_000;
const LIMITS = { emailAtAddress: 5, address: 20, email: 10 } as const;

export const SIGN_IN_FAILURES_CONSIDERED = Math.max(...Object.values(LIMITS));

export type SignInHistory = {
  /** The address has signed in to this account successfully before. */
  knownAddress: boolean;
  /** When the newest failures happened: this e-mail from this address, this address with any e-mail, this e-mail from anywhere. */
  failures: { emailAtAddress: readonly Date[]; address: readonly Date[]; email: readonly Date[] };
};

export function signInBlocked(now: Date, { knownAddress, failures }: SignInHistory): boolean {
  const full = (times: readonly Date[], max: number) =>
    waitForRoom(
      now.getTime(),
      times.map((t) => t.getTime()),
      { max, windowMs: WINDOW_MS },
    ) > 0;
  return (
    full(failures.emailAtAddress, LIMITS.emailAtAddress) ||
    full(failures.address, LIMITS.address) ||
    (!knownAddress && full(failures.email, LIMITS.email))
  );
}

/** At most `max` attempts within any `windowMs` (a sliding window). */
export type WindowLimit = { max: number; windowMs: number };

/**
 * How many milliseconds until one more attempt fits under `limit`, given the earlier attempts' times (in
 * any order): 0 when it fits now. An attempt counts while less than `windowMs` old. Pure.
 *
 *   waitForRoom(60_000, [1_000, 50_000], { max: 2, windowMs: 60_000 }) → 1_000 (the 1 s one leaves at 61 s)
 *   waitForRoom(60_000, [1_000], { max: 2, windowMs: 60_000 })         → 0
 */
export function waitForRoom(now: number, times: readonly number[], { max, windowMs }: WindowLimit): number {
  const recent = times.filter((t) => now - t < windowMs).sort((a, b) => a - b);
  if (recent.length < max) return 0;
  // Room opens when all but max - 1 of the recent attempts have left the window.
  return (recent[recent.length - max] as number) + windowMs - now;
}

/**
 * Attempts per key, in this process's memory (a restart forgets them, and each Vigil instance counts
 * its own: fine for limits that only keep one person from flooding a service, not for security limits,
 * which are kept in the database as sign-in failures are). Keys idle longer than every window are
 * dropped as it grows, so memory stays bounded by the people active in the last window.
 */
export class AttemptLog {
  private readonly entries = new Map<string, { times: number[]; windowMs: number }>();

  /**
   * Records one attempt under every key when each has room; otherwise records nothing and returns the
   * first full check and how long until it has room.
   */
  take<C extends { key: string; limit: WindowLimit }>(
    now: number,
    checks: readonly C[],
  ): { check: C; waitMs: number } | null {
    for (const check of checks) {
      const waitMs = waitForRoom(now, this.entries.get(check.key)?.times ?? [], check.limit);
      if (waitMs > 0) return { check, waitMs };
    }
    for (const { key, limit } of checks) {
      const kept = (this.entries.get(key)?.times ?? []).filter((t) => now - t < limit.windowMs);
      this.entries.set(key, { times: [...kept, now], windowMs: limit.windowMs });
    }
    if (this.entries.size > SWEEP_ABOVE) this.sweep(now);
    return null;
  }

  /** How many keys are remembered (the sweep's test reads it). */
  get size(): number {
    return this.entries.size;
  }

  private sweep(now: number): void {
    for (const [key, { times, windowMs }] of this.entries)
      if (times.every((t) => now - t >= windowMs)) this.entries.delete(key);
  }
}

/** Beyond this many keys, a take first drops the idle ones (a scan of at most a few thousand). */
const SWEEP_ABOVE = 1000;

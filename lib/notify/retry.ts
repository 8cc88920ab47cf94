/**
 * When a failed notification is tried again, pure. The schedule is the wait after the 1st, 2nd, …
 * failed attempt; past its end the last wait repeats until `maxAttempts` attempts were made, after
 * which the notification is dead (kept, with its last error, on the timeline and in the outbox).
 *
 *   retryDecision(1, {schedule: [10, 30, 120, 600], maxAttempts: 6}) → {kind: 'retry', afterSeconds: 10}
 *   retryDecision(5, …)                                              → {kind: 'retry', afterSeconds: 600}
 *   retryDecision(6, …)                                              → {kind: 'dead'}
 */

export type RetryPolicy = { schedule: readonly number[]; maxAttempts: number };

/** 10 s, 30 s, 2 min, 10 min, 10 min: six attempts over about 23 minutes. */
const DEFAULT_RETRY: RetryPolicy = { schedule: [10, 30, 120, 600], maxAttempts: 6 };

export type RetryDecision = { kind: 'retry'; afterSeconds: number } | { kind: 'dead' };

/** `attempts`: how many attempts have been made, the failed one included. */
export function retryDecision(attempts: number, policy: RetryPolicy = DEFAULT_RETRY): RetryDecision {
  if (attempts >= policy.maxAttempts) return { kind: 'dead' };
  const afterSeconds = policy.schedule[Math.min(attempts, policy.schedule.length) - 1] ?? 0;
  return { kind: 'retry', afterSeconds };
}

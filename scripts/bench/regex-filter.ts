import { sleep } from './stats';

/**
 * The filter of issue 13: on a backtracking regex engine `(.*.*.*)*X` takes exponential time in the
 * value (0.7 s on 10 characters, hours on the 14 of `host-9999:9100`), and the whole process waits.
 */
export const CATASTROPHIC_FILTER = 'instance=~"(.*.*.*)*X"';

export type RegexFilterResult = {
  /** Each filtered alerts API answer, read to its last byte, one after another. */
  filterMs: number[];
  /** Alerts the filter matched (none should: no instance ends in X), of all the alerts it ran over. */
  matching: number;
  total: number;
  /** The liveness probe's answers while the filtered requests ran. */
  liveMs: number[];
  /** When the slowest probe was sent: during which filtered request (1-based; 0: none) and how far into it. */
  slowestLive?: { duringRequest: number; intoRequestMs: number };
  /** Liveness probes that failed or answered other than 2xx. */
  liveFailures: number;
};

/**
 * Times `samples` alerts API requests with CATASTROPHIC_FILTER, one after another, while the liveness
 * probe is asked back to back (5 ms apart) from before the first until after the last: what a
 * load balancer's health check meets while someone types that filter.
 */
export async function measureRegexFilter(options: {
  vigilUrl: string;
  apiToken: string;
  samples: number;
}): Promise<RegexFilterResult> {
  const auth = { authorization: `Bearer ${options.apiToken}` };
  // The alerts the pattern runs over: every alert, whatever it matches. An unfiltered answer's total
  // (the filtered one counts only what its filter finds), read before the probes start.
  const all = await fetch(`${options.vigilUrl}/api/v1/alerts?limit=1`, {
    headers: auth,
    signal: AbortSignal.timeout(60_000),
  });
  if (!all.ok)
    throw new Error(`GET /api/v1/alerts answered ${all.status}: ${(await all.text()).slice(0, 300)}`);
  const { total } = ((await all.json()) as { counts: { total: number } }).counts;
  const liveMs: number[] = [];
  let slowest = { ms: -1, sentAt: 0 };
  // When each filtered request was sent, to place the slowest probe.
  const sentAt: number[] = [];
  let liveFailures = 0;
  let filtering = true;
  // Never rejects (failures are counted), so nothing is left unhandled while the filter runs.
  const probing = (async () => {
    while (filtering) {
      const started = performance.now();
      try {
        const res = await fetch(`${options.vigilUrl}/api/health?probe=live`, {
          signal: AbortSignal.timeout(60_000),
        });
        await res.arrayBuffer();
        const ms = performance.now() - started;
        if (!res.ok) liveFailures++;
        else {
          liveMs.push(ms);
          if (ms > slowest.ms) slowest = { ms, sentAt: started };
        }
      } catch {
        liveFailures++;
      }
      await sleep(5);
    }
  })();
  const filterMs: number[] = [];
  let matching = 0;
  try {
    await sleep(20);
    for (let i = 0; i < options.samples; i++) {
      // A different page size each time: answers are cached by query until the next poll, and the
      // figure wanted is the pass of the pattern over every alert.
      const params = new URLSearchParams({ filter: CATASTROPHIC_FILTER, limit: String(100 - i) });
      const started = performance.now();
      sentAt.push(started);
      const res = await fetch(`${options.vigilUrl}/api/v1/alerts?${params}`, {
        headers: auth,
        signal: AbortSignal.timeout(60_000),
      });
      const text = await res.text();
      filterMs.push(performance.now() - started);
      if (!res.ok)
        throw new Error(`GET /api/v1/alerts?filter=… answered ${res.status}: ${text.slice(0, 300)}`);
      ({ matching } = (JSON.parse(text) as { counts: { matching: number } }).counts);
    }
  } finally {
    filtering = false;
    await probing;
  }
  return {
    filterMs,
    matching,
    total,
    liveMs,
    liveFailures,
    ...(slowest.ms < 0 ? {} : { slowestLive: placeIn(sentAt, slowest.sentAt) }),
  };
}

/**
 * Which of the requests sent at `sentAt` (ascending) was the last sent by `at`, and how long before.
 *
 *   placeIn([100, 250], 260) → {duringRequest: 2, intoRequestMs: 10}
 *   placeIn([100, 250], 40) → {duringRequest: 0, intoRequestMs: 0}
 */
export function placeIn(sentAt: readonly number[], at: number) {
  const index = sentAt.findLastIndex((t) => t <= at);
  return index < 0
    ? { duringRequest: 0, intoRequestMs: 0 }
    : { duringRequest: index + 1, intoRequestMs: Math.round(at - (sentAt[index] as number)) };
}

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
  const liveMs: number[] = [];
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
        if (res.ok) liveMs.push(performance.now() - started);
        else liveFailures++;
      } catch {
        liveFailures++;
      }
      await sleep(5);
    }
  })();
  const filterMs: number[] = [];
  let counts = { matching: 0, total: 0 };
  try {
    await sleep(20);
    for (let i = 0; i < options.samples; i++) {
      // A different page size each time: answers are cached by query until the next poll, and the
      // figure wanted is the pass of the pattern over every alert.
      const params = new URLSearchParams({ filter: CATASTROPHIC_FILTER, limit: String(100 - i) });
      const started = performance.now();
      const res = await fetch(`${options.vigilUrl}/api/v1/alerts?${params}`, {
        headers: auth,
        signal: AbortSignal.timeout(60_000),
      });
      const text = await res.text();
      filterMs.push(performance.now() - started);
      if (!res.ok)
        throw new Error(`GET /api/v1/alerts?filter=… answered ${res.status}: ${text.slice(0, 300)}`);
      ({ counts } = JSON.parse(text) as { counts: { matching: number; total: number } });
    }
  } finally {
    filtering = false;
    await probing;
  }
  return { filterMs, matching: counts.matching, total: counts.total, liveMs, liveFailures };
}

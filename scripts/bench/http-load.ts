import autocannon from 'autocannon';
import { quantile } from './stats';

export type LoadResult = {
  target: string;
  connections: number;
  durationSeconds: number;
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Answers other than 2xx, by status (Alertmanager's limiter answers 503). */
  non2xx: number;
  statuses: Record<string, number>;
  /** Connection errors and timeouts. */
  errors: number;
};

/** `connections` clients asking `url` back to back for `durationSeconds` (autocannon, keep-alive). */
export async function load(options: {
  target: string;
  url: string;
  connections: number;
  durationSeconds: number;
  headers?: Record<string, string>;
}): Promise<LoadResult> {
  const r = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.durationSeconds,
    headers: options.headers,
    timeout: 30,
  });
  return {
    target: options.target,
    connections: options.connections,
    durationSeconds: options.durationSeconds,
    requests: r.requests.total,
    requestsPerSecond: r.requests.average,
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    non2xx: r.non2xx,
    statuses: Object.fromEntries(Object.entries(r.statusCodeStats).map(([code, s]) => [code, s.count])),
    // autocannon counts a timeout as an error too.
    errors: r.errors,
  };
}

/** How long one answer may take, and how far past its duration a 1-client run may go to get its answers. */
const MAX_OVERRUN_SECONDS = 120;

/**
 * One client asking `url` back to back (fetch, keep-alive), each answer read to its last byte, for
 * `durationSeconds` and at least `minAnswers` answers. Used for one client instead of autocannon, which
 * drops the request in flight when its time is up: Alertmanager may take longer than the whole run to
 * answer one GET of 10,000 alerts, and that answer is the figure wanted.
 */
export async function sequential(options: {
  target: string;
  url: string;
  durationSeconds: number;
  minAnswers: number;
  headers?: Record<string, string>;
}): Promise<LoadResult> {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  const started = performance.now();
  const elapsed = () => (performance.now() - started) / 1000;
  // A server that stops answering ends the run (its requests count as errors) rather than the bench.
  const capSeconds = options.durationSeconds + MAX_OVERRUN_SECONDS;
  while (
    (elapsed() < options.durationSeconds || latencies.length + errors < options.minAnswers) &&
    elapsed() < capSeconds
  ) {
    const t = performance.now();
    try {
      const res = await fetch(options.url, {
        headers: options.headers,
        signal: AbortSignal.timeout(MAX_OVERRUN_SECONDS * 1000),
      });
      await res.arrayBuffer();
      latencies.push(performance.now() - t);
      statuses[res.status] = (statuses[res.status] ?? 0) + 1;
    } catch {
      errors++;
    }
  }
  const seconds = elapsed();
  const non2xx = Object.entries(statuses)
    .filter(([code]) => !code.startsWith('2'))
    .reduce((sum, [, n]) => sum + n, 0);
  return {
    target: options.target,
    connections: 1,
    durationSeconds: seconds,
    requests: latencies.length,
    requestsPerSecond: latencies.length / seconds,
    p50Ms: quantile(latencies, 0.5),
    p99Ms: quantile(latencies, 0.99),
    non2xx,
    statuses,
    errors,
  };
}

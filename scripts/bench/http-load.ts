import http from 'node:http';
import https from 'node:https';
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
 * One client asking `url` back to back (keep-alive), each answer read to its last byte, for
 * `durationSeconds` and at least `minAnswers` answers. Used for one client instead of autocannon, which
 * drops the request in flight when its time is up: Alertmanager may take longer than the whole run to
 * answer one GET of 10,000 alerts, and that answer is the figure wanted.
 *
 * On node:http, with the bytes counted and dropped, not fetch: fetch inflated and buffered every answer,
 * and on this two-core machine that client took more CPU than the server it measured (19 s against
 * Vigil's 18 s in a 31 s run at 10,000 alerts, 10 s of it its garbage collector), competing with the
 * event loop whose lag the bench reads. It still asks for gzip, as fetch and browsers do, so the server
 * does the same work.
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
  const url = new URL(options.url);
  const agent = new (url.protocol === 'https:' ? https : http).Agent({ keepAlive: true, maxSockets: 1 });
  const headers = { 'accept-encoding': 'gzip, deflate', ...options.headers };
  const started = performance.now();
  const elapsed = () => (performance.now() - started) / 1000;
  // A server that stops answering ends the run (its requests count as errors) rather than the bench.
  const capSeconds = options.durationSeconds + MAX_OVERRUN_SECONDS;
  try {
    while (
      (elapsed() < options.durationSeconds || latencies.length + errors < options.minAnswers) &&
      elapsed() < capSeconds
    ) {
      const t = performance.now();
      try {
        const status = await getToLastByte(url, headers, agent, MAX_OVERRUN_SECONDS * 1000);
        latencies.push(performance.now() - t);
        statuses[status] = (statuses[status] ?? 0) + 1;
      } catch {
        errors++;
      }
    }
  } finally {
    agent.destroy();
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

/** One GET, its answer read to the last byte and dropped: resolves to the status once it has all arrived. */
function getToLastByte(
  url: URL,
  headers: Record<string, string>,
  agent: http.Agent,
  timeoutMs: number,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = (url.protocol === 'https:' ? https : http).get(url, { headers, agent }, (response) => {
      response.on('end', () => resolve(response.statusCode ?? 0));
      response.on('error', reject);
      response.resume();
    });
    request.setTimeout(timeoutMs, () => request.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    request.on('error', reject);
  });
}

import autocannon from 'autocannon';

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

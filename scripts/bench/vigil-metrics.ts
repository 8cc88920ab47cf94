/** Reading Vigil's own Prometheus metrics (`/metrics`, public) for the benchmark. */

import { poll } from './stats';

/** Requests per `peer<TAB>endpoint` (a plain object, so results serialise to JSON). */
export type UpstreamCounts = Record<string, number>;

async function scrape(vigilUrl: string): Promise<string> {
  const res = await fetch(`${vigilUrl}/metrics`, { signal: AbortSignal.timeout(30_000) });
  if (!res.ok) throw new Error(`GET ${vigilUrl}/metrics answered ${res.status}`);
  return res.text();
}

/**
 * Alertmanager requests made so far, keyed `peer<TAB>endpoint` (outcomes summed), from
 * `vigil_upstream_requests_total{source="alertmanager",name,endpoint,outcome}`.
 *
 * @example 'vigil_upstream_requests_total{source="alertmanager",name="127.0.0.1:9093",endpoint="/api/v2/alerts",outcome="ok"} 7'
 *   → {'127.0.0.1:9093\t/api/v2/alerts': 7}
 */
function alertmanagerRequestCounts(text: string): UpstreamCounts {
  const counts: UpstreamCounts = {};
  const line =
    /^vigil_upstream_requests_total\{source="alertmanager",name="([^"]+)",endpoint="([^"]+)",outcome="\w+"\} (\d+(?:\.\d+)?)/gm;
  for (const [, name, endpoint, value] of text.matchAll(line)) {
    const key = `${name}\t${endpoint}`;
    counts[key] = (counts[key] ?? 0) + Number(value);
  }
  return counts;
}

export async function upstreamCounts(vigilUrl: string): Promise<UpstreamCounts> {
  return alertmanagerRequestCounts(await scrape(vigilUrl));
}

/** after − before, per key. */
export function countsBetween(before: UpstreamCounts, after: UpstreamCounts): UpstreamCounts {
  return Object.fromEntries(Object.entries(after).map(([key, n]) => [key, n - (before[key] ?? 0)]));
}

/**
 * How many times Vigil has read the alerts of its least-read peer between two counts: the whole polls
 * a window holds. No peer in `after`: 0.
 *
 * @example fewestAlertReads({'am1\t/api/v2/alerts': 4, 'am2\t/api/v2/alerts': 5}, {'am1\t/api/v2/alerts': 7, 'am2\t/api/v2/alerts': 9, 'am1\t/api/v2/silences': 20}) → 3
 */
export function fewestAlertReads(before: UpstreamCounts, after: UpstreamCounts): number {
  const reads = Object.entries(countsBetween(before, after))
    .filter(([key]) => key.endsWith('\t/api/v2/alerts'))
    .map(([, n]) => n);
  return reads.length === 0 ? 0 : Math.min(...reads);
}

/**
 * Waits until Vigil has polled every peer's alerts `polls` times since `before` (or gives up after ten
 * minutes, saying so). Without a `before` count (its scrape failed), waits nothing.
 */
export async function waitForPolls(
  vigilUrl: string,
  before: UpstreamCounts | undefined,
  polls: number,
  log: (line: string) => void,
): Promise<void> {
  if (!before) return log('polls since posting not counted: /metrics did not answer before');
  await poll(
    `${polls} polls of every peer`,
    async () => {
      const after = await upstreamCounts(vigilUrl).catch(() => undefined);
      return after && fewestAlertReads(before, after) >= polls ? true : undefined;
    },
    { timeoutMs: 600_000, intervalMs: 1000 },
  ).catch((error: Error) => log(error.message));
}

/** Resident memory of the process serving Vigil (prom-client's `process_resident_memory_bytes`). */
export async function residentMemoryBytes(vigilUrl: string): Promise<number> {
  const { rssBytes } = processGauges(await scrape(vigilUrl));
  if (rssBytes === undefined) throw new Error('process_resident_memory_bytes is missing from /metrics');
  return rssBytes;
}

/** prom-client's default process metrics the bench follows; absent ones are undefined. */
export type ProcessGauges = { lagMaxSeconds?: number; rssBytes?: number };

/**
 * The event-loop lag max and resident memory from a `/metrics` text.
 *
 * @example 'process_resident_memory_bytes 412000000\nnodejs_eventloop_lag_max_seconds 0.0312' → {rssBytes: 412000000, lagMaxSeconds: 0.0312}
 */
export function processGauges(text: string): ProcessGauges {
  const value = (name: string) => {
    const match = new RegExp(`^${name} ([0-9.e+-]+)`, 'm').exec(text);
    return match ? Number(match[1]) : undefined;
  };
  return {
    lagMaxSeconds: value('nodejs_eventloop_lag_max_seconds'),
    rssBytes: value('process_resident_memory_bytes'),
  };
}

/**
 * Webhook notifications received so far by outcome (accepted, unavailable, …), from
 * `vigil_webhook_notifications_total{outcome}`.
 */
export async function webhookOutcomes(vigilUrl: string): Promise<Record<string, number>> {
  const text = await scrape(vigilUrl);
  const outcomes: Record<string, number> = {};
  for (const [, outcome, value] of text.matchAll(
    /^vigil_webhook_notifications_total\{outcome="(\w+)"\} (\d+)/gm,
  ))
    outcomes[outcome as string] = Number(value);
  return outcomes;
}

import 'server-only';
import { config } from '@/lib/config/current';
import { UpstreamError } from '@/lib/errors';
import { contextEntries } from '@/lib/loki/alert-context';
import { queryRange } from '@/lib/loki/client';
import type { LokiQueryResult } from '@/lib/loki/schemas';
import type { UpstreamTarget } from '@/lib/upstreams/http';
import { SharedCache } from '@/lib/upstreams/shared-cache';
import { lokiTarget } from '@/lib/upstreams/targets';
import { LOG_SINCE_MINUTES, type LogsParams, type LogsResponse } from './api-schema';

/**
 * `GET /api/v1/logs`: the newest lines of a LogQL query over the last few minutes, for the `<LogQL>`
 * runbook component. The browser asks Vigil, never Loki. Answers are cached for 10 s with "now"
 * rounded up to 10 s, so every console showing the same runbook costs one Loki query per 10 s.
 * A missing or failing Loki is an answer to show, not a 500.
 */

const TTL_MS = 10_000;
const KEY = Symbol.for('vigil.runbook-logs');
const store = globalThis as unknown as Record<symbol, SharedCache<LokiQueryResult> | undefined>;

function cache(): SharedCache<LokiQueryResult> {
  store[KEY] ??= new SharedCache({ maxEntries: 200 });
  return store[KEY];
}

/** The lines, given this server's Loki (tests pass their own target and clock). */
export async function readRecentLogs(
  loki: UpstreamTarget | undefined,
  input: LogsParams,
  now: number = Date.now(),
): Promise<LogsResponse> {
  if (!loki)
    return {
      status: 'not-configured',
      hint: 'Loki is not configured: set LOKI_URL (or loki: in VIGIL_CONFIG) to see log lines here.',
    };
  const end = new Date(Math.ceil(now / TTL_MS) * TTL_MS);
  const start = new Date(end.getTime() - (LOG_SINCE_MINUTES[input.since] ?? 60) * 60_000);
  const key = `${loki.baseUrl}|${loki.headers?.['X-Scope-OrgID'] ?? ''}|${end.getTime()}|${input.since}|${input.limit}|${input.query}`;
  try {
    const result = await cache().get(key, TTL_MS, () =>
      queryRange(loki, { query: input.query, start, end, limit: input.limit, direction: 'backward' }),
    );
    if (result.type !== 'streams')
      return {
        status: 'error',
        message: `The query returned a ${result.type}, not log lines.`,
        hint: 'Write a log query: a stream selector with optional filters, e.g. {job="api"} |= "error".',
      };
    const entries = contextEntries(result.streams);
    return { status: 'ok', query: input.query, entries, truncated: entries.length >= input.limit };
  } catch (error) {
    if (!(error instanceof UpstreamError)) throw error;
    return {
      status: 'error',
      message: error.message.replace(/^Loki answered 400: /, ''),
      hint: error.upstreamStatus === 400 ? 'Loki refused the query as written in the runbook.' : error.hint,
    };
  }
}

/** The recent lines of a query from this server's Loki. */
export function recentLogs(params: LogsParams): Promise<LogsResponse> {
  const loki = config().loki;
  return readRecentLogs(loki && lokiTarget(loki), params);
}

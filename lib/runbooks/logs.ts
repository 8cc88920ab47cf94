import 'server-only';
import { config } from '@/lib/config/current';
import { UpstreamError } from '@/lib/errors';
import { contextEntries } from '@/lib/loki/alert-context';
import { queryRange } from '@/lib/loki/client';
import type { LokiQueryResult } from '@/lib/loki/schemas';
import type { UpstreamTarget } from '@/lib/upstreams/http';
import { normaliseQuery } from '@/lib/upstreams/query-text';
import type { SharedCache } from '@/lib/upstreams/shared-cache';
import { lokiTarget } from '@/lib/upstreams/targets';
import { admitUserQuery, boundedTarget, queryCache } from '@/lib/upstreams/user-queries';
import { LOG_SINCE_MINUTES, type LogsParams, type LogsResponse } from './api-schema';

/**
 * `GET /api/v1/logs`: the newest lines of a LogQL query over the last few minutes, for the `<LogQL>`
 * runbook component. The browser asks Vigil, never Loki. Answers are cached for 10 s with "now"
 * rounded up to 10 s, so every console showing the same runbook costs one Loki query per 10 s.
 * The query is keyed without comments and extra whitespace; a user's query takes one of their
 * query slots while it runs (lib/upstreams/user-queries.ts, 429 beyond). A missing or failing Loki is an
 * answer to show, not a 500.
 */

const TTL_MS = 10_000;
const KEY = Symbol.for('vigil.runbook-logs');
const store = globalThis as unknown as Record<symbol, SharedCache<LokiQueryResult> | undefined>;

function cache(): SharedCache<LokiQueryResult> {
  store[KEY] ??= queryCache(200);
  return store[KEY];
}

/** The lines, given this server's Loki (tests pass their own target and clock) for `user`'s query. */
export async function readRecentLogs(
  loki: UpstreamTarget | undefined,
  input: LogsParams,
  now: number = Date.now(),
  user?: string,
): Promise<LogsResponse> {
  if (!loki)
    return {
      status: 'not-configured',
      hint: 'Loki is not configured: set LOKI_URL (or loki: in VIGIL_CONFIG) to see log lines here.',
    };
  const end = new Date(Math.ceil(now / TTL_MS) * TTL_MS);
  const start = new Date(end.getTime() - (LOG_SINCE_MINUTES[input.since] ?? 60) * 60_000);
  const key = `${loki.baseUrl}|${loki.headers?.['X-Scope-OrgID'] ?? ''}|${end.getTime()}|${input.since}|${input.limit}|${normaliseQuery(input.query)}`;
  try {
    const result = await cache().get(
      key,
      TTL_MS,
      () => queryRange(loki, { query: input.query, start, end, limit: input.limit, direction: 'backward' }),
      user ? () => admitUserQuery(user) : undefined,
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

/** The recent lines of a user's query from this server's Loki, read up to `queries.maxAnswerBytes`. */
export function recentLogs(params: LogsParams, user: string): Promise<LogsResponse> {
  const loki = config().loki;
  return readRecentLogs(loki && boundedTarget(lokiTarget(loki)), params, Date.now(), user);
}

import 'server-only';
import { z } from 'zod';
import { UpstreamError } from '@/lib/errors';
import { displayUrl, requestUpstream, type UpstreamTarget } from '@/lib/upstreams/http';
import { toNs } from './nanoseconds';
import {
  buildInfoSchema,
  type LokiBuildInfo,
  type LokiQueryResult,
  type LokiSeries,
  labelsResponseSchema,
  queryResponseSchema,
  seriesResponseSchema,
} from './schemas';

/**
 * Loki's read API. Every request goes through requestUpstream (deadline, auth, typed errors); the
 * tenant header comes with the target (lokiTarget sets X-Scope-OrgID). Times are sent as Unix
 * nanosecond strings, the one format every Loki version reads without guessing the unit.
 */

export type TimeRange = { start?: Date; end?: Date };

export type QueryRangeParams = {
  /** LogQL, e.g. `{job="node"} |= "error"` or `sum by (level) (count_over_time({job="node"}[1m]))`. */
  query: string;
  start: Date;
  end: Date;
  /** Most log lines returned (over all streams); Loki's own default, sent explicitly. */
  limit?: number;
  /** Loki's default is backward: newest lines first. */
  direction?: 'backward' | 'forward';
  /** Metric queries only: seconds between points. Loki picks one from the range when omitted. */
  stepSeconds?: number;
};

export type LokiReadiness = { ready: boolean; detail: string };

/** Longest upstream text put into an error message: a proxy's HTML error page is not a message. */
const MAX_MESSAGE = 300;

/**
 * Loki's error bodies are plain text, even though the Content-Type says application/json
 * (fixtures/error-bad-logql.txt: 400, `application/json; charset=UTF-8`; grafana/loki#4844), so the
 * body is the message and is never JSON-parsed.
 * @example errorMessage(400, 'parse error at line 1, col 17: syntax error: unexpected $end, expecting STRING or ip')
 *   → 'parse error at line 1, col 17: syntax error: unexpected $end, expecting STRING or ip'
 * @example errorMessage(502, '') → 'empty body'
 */
export function errorMessage(_status: number, body: string): string {
  const text = body.trim();
  if (text === '') return 'empty body';
  return text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE)}…` : text;
}

function rangeQuery({ start, end }: TimeRange) {
  return { start: start && toNs(start), end: end && toNs(end) };
}

/** GET /loki/api/v1/query_range: log lines (streams) or a metric query over time (matrix). */
export function queryRange(target: UpstreamTarget, params: QueryRangeParams): Promise<LokiQueryResult> {
  return requestUpstream(target, {
    path: '/loki/api/v1/query_range',
    query: {
      query: params.query,
      ...rangeQuery(params),
      limit: params.limit ?? 100,
      direction: params.direction,
      step: params.stepSeconds,
    },
    schema: queryResponseSchema,
    errorMessage,
  });
}

/** GET /loki/api/v1/query at `time` (Loki: now when omitted); metric queries answer a vector. */
export function instantQuery(target: UpstreamTarget, query: string, time?: Date): Promise<LokiQueryResult> {
  return requestUpstream(target, {
    path: '/loki/api/v1/query',
    query: { query, time: time && toNs(time) },
    schema: queryResponseSchema,
    errorMessage,
  });
}

/** GET /loki/api/v1/labels: label names seen in the range (Loki: the last 6 h when omitted). */
export function getLabels(target: UpstreamTarget, range: TimeRange = {}): Promise<string[]> {
  return requestUpstream(target, {
    path: '/loki/api/v1/labels',
    query: rangeQuery(range),
    schema: labelsResponseSchema,
    errorMessage,
  });
}

/** GET /loki/api/v1/label/<name>/values, e.g. getLabelValues(t, 'job') → ["api", "node", …]. */
export function getLabelValues(
  target: UpstreamTarget,
  name: string,
  range: TimeRange = {},
): Promise<string[]> {
  return requestUpstream(target, {
    path: `/loki/api/v1/label/${encodeURIComponent(name)}/values`,
    query: rangeQuery(range),
    schema: labelsResponseSchema,
    errorMessage,
  });
}

/** GET /loki/api/v1/series?match[]=…: the label set of every stream matching any selector. */
export function getSeries(
  target: UpstreamTarget,
  matchers: string[],
  range: TimeRange = {},
): Promise<LokiSeries[]> {
  return requestUpstream(target, {
    path: '/loki/api/v1/series',
    query: { 'match[]': matchers, ...rangeQuery(range) },
    schema: seriesResponseSchema,
    errorMessage,
  });
}

/** GET /loki/api/v1/status/buildinfo, e.g. → {version: "2.8.0", revision: "90888a0cc7", …}. */
export function getBuildInfo(target: UpstreamTarget): Promise<LokiBuildInfo> {
  return requestUpstream(target, {
    path: '/loki/api/v1/status/buildinfo',
    schema: buildInfoSchema,
    errorMessage,
  });
}

/**
 * GET /ready. Loki answers 200 "ready", or 503 with the reason while it starts (for ~15 s after its
 * ingester joins: "Ingester not ready: waiting for 15s after being ready", fixtures/ready-not-ready.txt).
 * That 503 is a state to show, not a failure; anything else (refused, timeout, 404) still throws.
 * @example → {ready: true, detail: "ready"} | {ready: false, detail: "Ingester not ready: waiting for 15s after being ready"}
 */
export async function getReady(target: UpstreamTarget): Promise<LokiReadiness> {
  let notReadyDetail = '';
  try {
    const body = await requestUpstream(target, {
      path: '/ready',
      text: true,
      schema: z.string(),
      errorMessage: (status, text) => {
        notReadyDetail = errorMessage(status, text);
        return notReadyDetail;
      },
    });
    // Loki answers exactly "ready"; any other 200 is something else at that address (a proxy's page,
    // a different service), which must not count as a healthy Loki.
    if (body.trim() !== 'ready')
      throw new UpstreamError(
        'loki',
        displayUrl(new URL(`${target.baseUrl}/ready`)),
        200,
        `Loki's /ready answered 200 without "ready" (${body.trim().slice(0, 60) || 'an empty body'})`,
        `Check that ${target.configHint} points at Loki itself.`,
      );
    return { ready: true, detail: 'ready' };
  } catch (error) {
    if (error instanceof UpstreamError && error.upstreamStatus === 503)
      return { ready: false, detail: notReadyDetail };
    throw error;
  }
}

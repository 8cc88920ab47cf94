import 'server-only';
import type { z } from 'zod';
import { UpstreamError } from '@/lib/errors';
import { buildUrl, displayUrl, label, requestUpstream, type UpstreamTarget } from '@/lib/upstreams/http';
import { describeError, errorMessage } from './error-message';
import {
  alertsResponseSchema,
  type BuildInfo,
  buildInfoResponseSchema,
  type InstantResult,
  instantQueryResponseSchema,
  labelValuesResponseSchema,
  type PrometheusAlert,
  type RuleGroup,
  rangeQueryResponseSchema,
  rulesResponseSchema,
  type ScrapeTarget,
  type Series,
  targetsResponseSchema,
} from './schemas';

/**
 * The Prometheus HTTP API v1 (also served by Thanos Query, Mimir, Cortex and VictoriaMetrics). Every
 * call goes through requestUpstream: deadline, auth, zod parsing, UpstreamError with a hint.
 */

type Envelope<T> =
  | { status: 'success'; data: T; warnings: string[] }
  | { status: 'error'; errorType?: string; error: string };

type ApiCall<T> = {
  path: string;
  query?: Record<string, string>;
  form?: Record<string, string | number | undefined>;
  schema: z.ZodType<Envelope<T>>;
};

/** One call: its data and warnings, or an UpstreamError, also for a 200 whose envelope says "error". */
async function call<T>(
  target: UpstreamTarget,
  request: ApiCall<T>,
): Promise<{ data: T; warnings: string[] }> {
  const envelope = await requestUpstream(target, { ...request, errorMessage });
  if (envelope.status === 'success') return envelope;
  // Prometheus itself always pairs an error with a 4xx/5xx; a proxy or a compatible store may not.
  throw new UpstreamError(
    target.source,
    displayUrl(buildUrl(target.baseUrl, request.path)),
    200,
    `${label(target)} answered 200 with an error: ${describeError(envelope)}`,
    'The request was refused as shown; fix the input and try again.',
  );
}

/** Unix seconds with milliseconds, as the API takes times: 2026-11-21T08:15:02.500Z → 1795248902.5. */
const unixSeconds = (date: Date) => date.getTime() / 1000;

/**
 * Prometheus's own deadline for evaluating the query: the same as ours, so it stops working on a
 * query nobody waits for any more. The API takes float seconds.
 */
const evaluationTimeout = (target: UpstreamTarget) => target.timeoutMs / 1000;

/**
 * Evaluates `query` at `time` (default: Prometheus's now). POST with a form body, so long expressions
 * fit (a GET URL has a length limit).
 *
 *   instantQuery(t, 'up{job="node"}') → { type: 'vector', samples: [{ labels: {…}, timeMs, value: 1 }] }
 *   instantQuery(t, '1/0') → { type: 'scalar', timeMs, value: Infinity }
 */
export async function instantQuery(
  target: UpstreamTarget,
  query: string,
  time?: Date,
): Promise<InstantResult> {
  const { data } = await call(target, {
    path: '/api/v1/query',
    form: { query, time: time && unixSeconds(time), timeout: evaluationTimeout(target) },
    schema: instantQueryResponseSchema,
  });
  return data;
}

export type RangeOptions = {
  start: Date;
  end: Date;
  /** See stepForRange. */
  stepSeconds: number;
  /**
   * Called with Prometheus's warnings when there are any, e.g. Thanos or Mimir answering with
   * partial data, so a chart can say it may be incomplete.
   */
  onWarnings?: (warnings: string[]) => void;
};

/**
 * Evaluates `query` from start to end, one point per step (POST form body, like instantQuery).
 *
 *   rangeQuery(t, 'up{job="node"}', { start, end, stepSeconds: 15 })
 *     → [{ labels: { job: 'node', … }, points: [[1795248315000, 1], [1795248330000, 1], …] }]
 */
export async function rangeQuery(
  target: UpstreamTarget,
  query: string,
  { start, end, stepSeconds, onWarnings }: RangeOptions,
): Promise<Series[]> {
  const { data, warnings } = await call(target, {
    path: '/api/v1/query_range',
    form: {
      query,
      start: unixSeconds(start),
      end: unixSeconds(end),
      step: stepSeconds,
      timeout: evaluationTimeout(target),
    },
    schema: rangeQueryResponseSchema,
  });
  if (warnings.length > 0) onWarnings?.(warnings);
  return data;
}

/** The active scrape targets with their health (dropped targets can be thousands; not asked for). */
export async function getTargets(target: UpstreamTarget): Promise<ScrapeTarget[]> {
  const { data } = await call(target, {
    path: '/api/v1/targets',
    query: { state: 'active' },
    schema: targetsResponseSchema,
  });
  return data;
}

/** Rule groups with their alerting and recording rules: where an alert's expression comes from. */
export async function getRules(target: UpstreamTarget): Promise<RuleGroup[]> {
  const { data } = await call(target, { path: '/api/v1/rules', schema: rulesResponseSchema });
  return data;
}

/** Pending and firing alerts as Prometheus sees them (before Alertmanager: no external labels). */
export async function getAlerts(target: UpstreamTarget): Promise<PrometheusAlert[]> {
  const { data } = await call(target, { path: '/api/v1/alerts', schema: alertsResponseSchema });
  return data;
}

export async function getBuildInfo(target: UpstreamTarget): Promise<BuildInfo> {
  const { data } = await call(target, { path: '/api/v1/status/buildinfo', schema: buildInfoResponseSchema });
  return data;
}

/**
 * Every value a label has in the stored data.
 *
 *   getLabelValues(t, 'job') → ['alertmanager', 'api', 'node', …]
 */
export async function getLabelValues(target: UpstreamTarget, name: string): Promise<string[]> {
  const { data } = await call(target, {
    path: `/api/v1/label/${encodeURIComponent(name)}/values`,
    schema: labelValuesResponseSchema,
  });
  return data;
}

import { z } from 'zod';
import { parseSampleValue } from './sample-value';

/**
 * The Prometheus HTTP API (tested against 2.42), parsed into our shapes: camelCase, numbers for sample
 * values, milliseconds for sample times, Dates for RFC 3339 times. Wire shapes never leave this file.
 */

const labelsSchema = z.record(z.string(), z.string());

/** Sample times are float seconds: 1795248874.091 → 1795248874091 (rounded: 0.091 × 1000 is not exact). */
const timeMsSchema = z.number().transform((seconds) => Math.round(seconds * 1000));

/** "1.5" → 1.5, "+Inf" → Infinity, "NaN" → NaN (see parseSampleValue). */
const sampleValueSchema = z.string().transform((text, ctx) => {
  const value = parseSampleValue(text);
  if (value !== undefined) return value;
  ctx.addIssue({ code: 'custom', message: `not a sample value: ${JSON.stringify(text)}` });
  return z.NEVER;
});

/**
 * Go's RFC 3339 with nanoseconds: "2026-11-21T08:15:03.575709805Z", with an offset when the server
 * does not run in UTC. Date keeps milliseconds.
 */
const dateSchema = z.iso.datetime({ offset: true }).transform((text) => new Date(text));

/** Like dateSchema, but Go's zero time ("0001-01-01T00:00:00Z", a target not scraped yet) → null. */
const optionalDateSchema = z.iso
  .datetime({ offset: true })
  .transform((text) => (text.startsWith('0001-01-01') ? null : new Date(text)));

/** `[1795248902, "1"]` → `[1795248902000, 1]`. */
const pointSchema = z.tuple([timeMsSchema, sampleValueSchema]);

const sampleSchema = z
  .object({ metric: labelsSchema, value: pointSchema })
  .transform(({ metric, value: [timeMs, value] }) => ({ labels: metric, timeMs, value }));

const seriesSchema = z
  .object({ metric: labelsSchema, values: z.array(pointSchema) })
  .transform(({ metric, values }) => ({ labels: metric, points: values }));
export type Series = z.output<typeof seriesSchema>;

const matrixDataSchema = z.object({ resultType: z.literal('matrix'), result: z.array(seriesSchema) });

/** `/api/v1/query` data: `{resultType, result}` → `{type, samples | series | timeMs + value}`. */
const instantQueryDataSchema = z.discriminatedUnion('resultType', [
  z
    .object({ resultType: z.literal('vector'), result: z.array(sampleSchema) })
    .transform(({ result }) => ({ type: 'vector' as const, samples: result })),
  z
    .object({ resultType: z.literal('scalar'), result: pointSchema })
    .transform(({ result: [timeMs, value] }) => ({ type: 'scalar' as const, timeMs, value })),
  matrixDataSchema.transform(({ result }) => ({ type: 'matrix' as const, series: result })),
  z
    .object({ resultType: z.literal('string'), result: z.tuple([timeMsSchema, z.string()]) })
    .transform(({ result: [timeMs, value] }) => ({ type: 'string' as const, timeMs, value })),
]);
export type InstantResult = z.output<typeof instantQueryDataSchema>;

const targetHealthSchema = z.enum(['up', 'down', 'unknown']);

const scrapeTargetSchema = z
  .object({
    labels: labelsSchema,
    scrapePool: z.string(),
    scrapeUrl: z.string(),
    health: targetHealthSchema,
    lastError: z.string(),
    lastScrape: optionalDateSchema,
    lastScrapeDuration: z.number(),
  })
  .transform((t) => ({
    // Relabelling can drop `job`; the scrape pool is the job_name it came from. `instance` always
    // exists: Prometheus sets it to the target's address when relabelling leaves it out.
    job: t.labels.job ?? t.scrapePool,
    instance: t.labels.instance ?? '',
    labels: t.labels,
    scrapePool: t.scrapePool,
    scrapeUrl: t.scrapeUrl,
    health: t.health,
    lastError: t.lastError,
    lastScrape: t.lastScrape,
    lastScrapeDurationSeconds: t.lastScrapeDuration,
  }));
export type ScrapeTarget = z.output<typeof scrapeTargetSchema>;

/**
 * An alert as `/api/v1/alerts` and each alerting rule list it. Its labels lack the external labels
 * that Alertmanager's copy carries. Resolved alerts are not listed, hence only pending and firing.
 */
const prometheusAlertSchema = z.object({
  labels: labelsSchema,
  annotations: labelsSchema,
  state: z.enum(['pending', 'firing']),
  activeAt: dateSchema,
  // Formatted like "1e+00" here, unlike query results.
  value: sampleValueSchema,
});
export type PrometheusAlert = z.output<typeof prometheusAlertSchema>;

const ruleHealthSchema = z.enum(['ok', 'err', 'unknown']);

// An empty lastError, and a recording rule's empty labels, are left out of the JSON (omitempty).
const alertingRuleSchema = z
  .object({
    type: z.literal('alerting'),
    name: z.string(),
    query: z.string(),
    duration: z.number(),
    labels: labelsSchema,
    annotations: labelsSchema,
    state: z.enum(['inactive', 'pending', 'firing']),
    health: ruleHealthSchema,
    lastError: z.string().default(''),
    alerts: z.array(prometheusAlertSchema),
  })
  .transform(({ duration, ...rule }) => ({ ...rule, durationSeconds: duration }));
export type AlertingRule = z.output<typeof alertingRuleSchema>;

const recordingRuleSchema = z.object({
  type: z.literal('recording'),
  name: z.string(),
  query: z.string(),
  labels: labelsSchema.default({}),
  health: ruleHealthSchema,
  lastError: z.string().default(''),
});
export type RecordingRule = z.output<typeof recordingRuleSchema>;

const ruleGroupSchema = z.object({
  name: z.string(),
  file: z.string(),
  rules: z.array(z.discriminatedUnion('type', [alertingRuleSchema, recordingRuleSchema])),
});
export type RuleGroup = z.output<typeof ruleGroupSchema>;

const buildInfoSchema = z.object({ version: z.string(), revision: z.string(), goVersion: z.string() });
export type BuildInfo = z.output<typeof buildInfoSchema>;

/** What Prometheus says when it refuses: `{status: "error", errorType: "bad_data", error: "…"}`. */
export const errorEnvelopeSchema = z.object({
  status: z.literal('error'),
  errorType: z.string().optional(),
  error: z.string(),
});

/**
 * The envelope around every answer. A success carries `data` and perhaps `warnings` (e.g. a
 * Prometheus-compatible store answering with partial data); an error is kept, not rejected, so the
 * client can report it even when it came with status 200.
 */
function envelopeSchema<D extends z.ZodType>(data: D) {
  return z.discriminatedUnion('status', [
    z.object({ status: z.literal('success'), data, warnings: z.array(z.string()).default([]) }),
    errorEnvelopeSchema,
  ]);
}

export const instantQueryResponseSchema = envelopeSchema(instantQueryDataSchema);
export const rangeQueryResponseSchema = envelopeSchema(matrixDataSchema.transform(({ result }) => result));
export const targetsResponseSchema = envelopeSchema(
  z.object({ activeTargets: z.array(scrapeTargetSchema) }).transform((d) => d.activeTargets),
);
export const rulesResponseSchema = envelopeSchema(
  z.object({ groups: z.array(ruleGroupSchema) }).transform((d) => d.groups),
);
export const alertsResponseSchema = envelopeSchema(
  z.object({ alerts: z.array(prometheusAlertSchema) }).transform((d) => d.alerts),
);
export const buildInfoResponseSchema = envelopeSchema(buildInfoSchema);
export const labelValuesResponseSchema = envelopeSchema(z.array(z.string()));

import { z } from 'zod';
import { nsToMs, secondsToMs } from './nanoseconds';

/**
 * Loki's HTTP API (2.8, same shapes in 3.x) → our shapes. The wire format stays in this file: callers
 * get camelCase objects with millisecond times and numbers, never `values: [["<ns>", "<line>"]]`.
 * Recordings of every shape are in fixtures/ (index.json says which request produced which file).
 */

const labelsSchema = z.record(z.string(), z.string());

/**
 * A list that Loki may leave out or send as null when empty: `"result": null` (grafana/grafana#40246),
 * or no `data` at all for the values of an unknown label (grafana/loki#4927).
 */
const list = <T extends z.ZodType>(item: T) =>
  z
    .array(item)
    .nullish()
    .transform((items) => items ?? []);

/**
 * Loki wraps most answers in `{status: "success", data}`, unwrapped below; it reports failures as
 * plain text, never in this envelope.
 */
const success = z.literal('success');

/** Unix nanoseconds as a decimal string, e.g. "1795248400761163376". */
const nsTimestampSchema = z.string().regex(/^\d+$/, { error: 'expected Unix nanoseconds as a string' });

/**
 * Sample values are strings so that NaN and ±Inf survive JSON, as in Prometheus (which writes
 * "+Inf"/"-Inf", not JavaScript's "Infinity"): "2" → 2, "+Inf" → Infinity, "NaN" → NaN.
 */
const sampleValueSchema = z.string().transform((value, ctx) => {
  if (value === '+Inf') return Number.POSITIVE_INFINITY;
  if (value === '-Inf') return Number.NEGATIVE_INFINITY;
  const n = Number(value);
  if (value.trim() === '' || (Number.isNaN(n) && value !== 'NaN')) {
    ctx.addIssue({ code: 'custom', message: `expected a number as a string, got "${value}"` });
    return z.NEVER;
  }
  return n;
});

/**
 * ["1795248400761163376", "level=warn msg=…"] → {timeNs, timeMs: 1795248400761, line}.
 * A third element (structured metadata, Loki 3.x with the categorize-labels encoding flag) is ignored.
 */
const logEntrySchema = z
  .tuple([nsTimestampSchema, z.string()], z.unknown())
  .transform(([timeNs, line]) => ({ timeNs, timeMs: nsToMs(timeNs), line }));

/** {stream: {job: "node"}, values: [[ns, line], …]} → {labels: {job: "node"}, entries: [LogEntry, …]}. */
const logStreamSchema = z
  .object({ stream: labelsSchema, values: list(logEntrySchema) })
  .transform((s) => ({ labels: s.stream, entries: s.values }));

/** [1795247865, "2"] → [1795247865000, 2]. */
const pointSchema = z
  .tuple([z.number(), sampleValueSchema])
  .transform(([seconds, value]): [number, number] => [secondsToMs(seconds), value]);

/** {metric: {level: "error"}, values: [[s, "2"], …]} → {labels: {level: "error"}, points: [[ms, 2], …]}. */
const matrixSeriesSchema = z
  .object({ metric: labelsSchema, values: list(pointSchema) })
  .transform((s) => ({ labels: s.metric, points: s.values }));

/** {metric: {job: "api"}, value: [1795248474, "20"]} → {labels: {job: "api"}, timeMs: 1795248474000, value: 20}. */
const vectorSampleSchema = z
  .object({ metric: labelsSchema, value: pointSchema })
  .transform((s) => ({ labels: s.metric, timeMs: s.value[0], value: s.value[1] }));

/** `data` of /query_range and /query; the large `stats` object is dropped. */
const queryDataSchema = z.discriminatedUnion('resultType', [
  z
    .object({ resultType: z.literal('streams'), result: list(logStreamSchema) })
    .transform((d) => ({ type: 'streams' as const, streams: d.result })),
  z
    .object({ resultType: z.literal('matrix'), result: list(matrixSeriesSchema) })
    .transform((d) => ({ type: 'matrix' as const, series: d.result })),
  z
    .object({ resultType: z.literal('vector'), result: list(vectorSampleSchema) })
    .transform((d) => ({ type: 'vector' as const, samples: d.result })),
]);

/** GET /loki/api/v1/query_range and /loki/api/v1/query. */
export const queryResponseSchema = z
  .object({ status: success, data: queryDataSchema })
  .transform((body) => body.data);

/** GET /loki/api/v1/labels and /loki/api/v1/label/<name>/values: ["env", "instance", …]. */
export const labelsResponseSchema = z
  .object({ status: success, data: list(z.string()) })
  .transform((body) => body.data);

/** GET /loki/api/v1/series: one label set per stream (Loki does not keep key order stable). */
export const seriesResponseSchema = z
  .object({ status: success, data: list(labelsSchema) })
  .transform((body) => body.data);

/**
 * GET /loki/api/v1/status/buildinfo, NOT wrapped in {status, data} (unlike Prometheus). Loki 2.8 sends
 * `"goVersion": ""`: empty fields become undefined.
 * {"version": "2.8.0", "revision": "90888a0cc7", "goVersion": "", …} → {version: "2.8.0", revision: "90888a0cc7", goVersion: undefined, …}
 */
export const buildInfoSchema = z
  .object({
    version: z.string().min(1),
    revision: z.string().optional(),
    branch: z.string().optional(),
    buildDate: z.string().optional(),
    goVersion: z.string().optional(),
  })
  .transform((b) => ({
    version: b.version,
    revision: b.revision || undefined,
    branch: b.branch || undefined,
    buildDate: b.buildDate || undefined,
    goVersion: b.goVersion || undefined,
  }));

export type LogStream = z.infer<typeof logStreamSchema>;
export type LokiQueryResult = z.infer<typeof queryResponseSchema>;
export type LokiSeries = z.infer<typeof seriesResponseSchema>[number];
export type LokiBuildInfo = z.infer<typeof buildInfoSchema>;

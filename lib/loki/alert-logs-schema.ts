import { z } from 'zod';
import { streamSelectorOf } from './alert-context';

/**
 * The shapes of `GET /api/v1/alerts/{fingerprint}/logs`: its parameters (validated by the data layer,
 * lib/alerts/alert-logs.ts) and its answer, as zod schemas so the OpenAPI document comes from the same source.
 */

/** Loki's default `max_entries_limit_per_query`: a larger limit is refused by Loki anyway. */
const MAX_LOG_LIMIT = 5000;
const DEFAULT_LOG_LIMIT = 100;
/** Longest explicit window: the logs view reads context, not archives (Loki's own cap is 30 days). */
const MAX_WINDOW_MS = 24 * 3600_000;

const isoTime = z.iso.datetime({
  offset: true,
  error: 'expected an RFC 3339 time, e.g. 2026-11-21T08:00:00Z',
});

export const alertLogsParamsSchema = z
  .object({
    /** A user-edited LogQL log query; absent: the errors-and-warnings query built from the alert's labels. */
    // Sent to Loki as written (whitespace and all), so its error positions match what the user sees.
    query: z
      .string()
      .refine((q) => q.trim() !== '', { error: 'Write a LogQL query, e.g. {job="node"} |= "error".' })
      .refine((q) => q.length <= 5000, { error: 'The query is longer than 5,000 characters.' })
      .refine((q) => q.trimStart().startsWith('{'), {
        error:
          'Start with a stream selector in braces, e.g. {job="node"} |= "error"; only log queries are shown here.',
      })
      // An unclosed "{" is no selector either: refused here rather than sent to Loki.
      .refine((q) => !q.trimStart().startsWith('{') || streamSelectorOf(q) !== undefined, {
        error: 'Close the stream selector with "}", e.g. {job="node"} |= "error".',
      })
      .optional(),
    limit: z.coerce.number().int().min(1).max(MAX_LOG_LIMIT).default(DEFAULT_LOG_LIMIT),
    /** errors-first (default): errors, then warnings, then the rest; newest-first: by time only. */
    order: z.enum(['errors-first', 'newest-first']).default('errors-first'),
    /** An explicit window (both or neither); absent: 15 min before the alert's start to 5 min after. */
    start: isoTime.optional(),
    end: isoTime.optional(),
  })
  .refine((p) => (p.start === undefined) === (p.end === undefined), {
    error: 'Give both start and end, or neither.',
    path: ['start'],
  })
  .refine((p) => !p.start || !p.end || Date.parse(p.start) < Date.parse(p.end), {
    error: 'start must be before end.',
    path: ['end'],
  })
  .refine((p) => !p.start || !p.end || Date.parse(p.end) - Date.parse(p.start) <= MAX_WINDOW_MS, {
    error: 'The window may span at most 24 hours.',
    path: ['end'],
  });

export type AlertLogsParams = z.input<typeof alertLogsParamsSchema>;

const windowSchema = z.object({ start: z.string(), end: z.string() });

const labelCheckSchema = z.object({
  name: z.string(),
  value: z.string(),
  outcome: z.enum(['used', 'unknown-name', 'unknown-value']),
});

const logEntrySchema = z.object({
  timeMs: z.number(),
  /** Loki's exact timestamp (Unix nanoseconds as a string). */
  timeNs: z.string(),
  line: z.string(),
  level: z.enum(['error', 'warn', 'info', 'debug']).nullable(),
  /** The labels of the line's stream. */
  labels: z.record(z.string(), z.string()),
});

export const alertLogsSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('not-configured'), hint: z.string() }),
  z.object({
    status: z.literal('no-streams'),
    /** Which alert labels were tried and why each did not match, e.g. `job="x" (Loki has no stream with this value)`. */
    tried: z.string(),
    window: windowSchema,
  }),
  z.object({
    status: z.literal('ok'),
    /** The LogQL that ran. */
    query: z.string(),
    /** Its stream selector: every line of the same streams (the "all lines" query). */
    selector: z.string().nullable(),
    /** The query came from the user rather than from the alert's labels. */
    edited: z.boolean(),
    /** For a built query: each alert label considered and whether Loki knew it. */
    labelChecks: z.array(labelCheckSchema),
    window: windowSchema,
    entries: z.array(logEntrySchema),
    /** Loki stopped at `limit`: older lines exist in the window. */
    truncated: z.boolean(),
    /** Vigil's link to the same query with a larger limit (see exploreUrl). */
    fullQueryUrl: z.string(),
    /** Loki is the built-in replay of recorded answers (VIGIL_LOKI_REPLAY), not a live Loki. */
    replay: z.boolean().optional(),
  }),
  z.object({
    status: z.literal('error'),
    /** Loki's own message for a refused query (verbatim), or what went wrong reaching it. */
    message: z.string(),
    hint: z.string(),
    query: z.string().nullable(),
  }),
]);

export type AlertLogs = z.infer<typeof alertLogsSchema>;

import { z } from 'zod';

/**
 * The shapes of the runbooks API (`/api/v1/runbooks…`, `/api/v1/logs`), as zod schemas so the OpenAPI
 * document comes from the same source.
 */

const runbookSummarySchema = z.object({
  slug: z.string(),
  file: z.string().describe('Path in the repository, e.g. runbooks/instance-down.mdx'),
  title: z.string(),
  alerts: z.array(z.string()).describe('Alert names the runbook covers'),
  severity: z.enum(['critical', 'warning', 'info', 'none']),
  owner: z.string(),
  services: z.array(z.string()),
  lastReviewed: z.string().describe('YYYY-MM-DD'),
  reviewOverdue: z.boolean().describe('Not reviewed for 90 days'),
  url: z.string().describe('The runbook in the console'),
});
export type RunbookSummary = z.infer<typeof runbookSummarySchema>;

export const runbookListSchema = z.object({
  runbooks: z.array(runbookSummarySchema),
  /** Files left out because their frontmatter or name is wrong; each message names the file and field. */
  problems: z.array(z.object({ file: z.string(), message: z.string() })),
  /** Alert names firing now that no runbook covers: the to-do list. */
  uncoveredAlerts: z.array(
    z.object({ alertname: z.string(), count: z.number().int(), fingerprint: z.string() }),
  ),
});

export const runbookListQuerySchema = z.object({
  q: z.string().max(200).default('').describe('Words to find in titles, alert names, owners and text'),
});

const stepSchema = z.object({ id: z.string(), title: z.string() });

export const runbookDetailSchema = runbookSummarySchema.extend({
  steps: z.array(stepSchema),
  source: z.string().describe('The MDX file, frontmatter included'),
  /** Alerts firing now that this runbook covers. */
  firing: z.array(
    z.object({
      fingerprint: z.string(),
      cluster: z.string(),
      alertname: z.string(),
      labels: z.record(z.string(), z.string()),
      startsAt: z.string(),
    }),
  ),
});
export type RunbookDetail = z.infer<typeof runbookDetailSchema>;

export const slugParamsSchema = z.object({
  slug: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'must be a runbook slug such as instance-down' }),
});

export const stepProgressBodySchema = z.strictObject({
  incidentId: z.string().trim().min(1).max(100).describe('Incident id, or INC-<number>'),
  stepId: z.string().min(1).max(100),
  checked: z.boolean(),
});

const stepStateSchema = z.object({
  stepId: z.string(),
  checked: z.boolean(),
  /** Who checked it (name, else e-mail); null when unchecked. */
  by: z.string().nullable(),
  /** When it was last checked or unchecked. */
  at: z.string(),
});
export type StepState = z.infer<typeof stepStateSchema>;

export const stepProgressResponseSchema = stepStateSchema.extend({
  runbook: z.string(),
  incidentId: z.string(),
  incident: z.string().describe('INC-<number>'),
});
export type StepProgressResponse = z.infer<typeof stepProgressResponseSchema>;

// ------------------------------------------------------------- GET /api/v1/logs (the <LogQL> component)

const SINCE = { '5m': 5, '15m': 15, '1h': 60, '6h': 360, '24h': 1440 } as const;
export const LOG_SINCE_MINUTES: Readonly<Record<string, number>> = SINCE;
export type LogSince = keyof typeof SINCE;
/** `'15m'` → true, `'3d'` → false: a window the logs API accepts. */
export const isLogSince = (since: string): since is LogSince => Object.hasOwn(SINCE, since);

export const logsParamsSchema = z.object({
  query: z
    .string()
    .max(5000)
    .refine((q) => q.trimStart().startsWith('{'), {
      error: 'Start with a stream selector in braces, e.g. {job="api"} |= "error".',
    })
    .describe('A LogQL log query'),
  limit: z.coerce.number().int().min(1).max(500).default(20),
  since: z.enum(Object.keys(SINCE) as [LogSince]).default('1h'),
});
export type LogsParams = z.infer<typeof logsParamsSchema>;

export const logsResponseSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('not-configured'), hint: z.string() }),
  z.object({
    status: z.literal('ok'),
    query: z.string(),
    entries: z.array(
      z.object({
        timeMs: z.number(),
        timeNs: z.string(),
        line: z.string(),
        level: z.enum(['error', 'warn', 'info', 'debug']).nullable(),
        labels: z.record(z.string(), z.string()),
      }),
    ),
    truncated: z.boolean(),
  }),
  z.object({ status: z.literal('error'), message: z.string(), hint: z.string() }),
]);
export type LogsResponse = z.infer<typeof logsResponseSchema>;

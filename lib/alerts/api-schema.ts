import { z } from 'zod';

/**
 * The shapes of the alerts API (`GET /api/v1/alerts`, `GET /api/v1/alerts/{fingerprint}`), as zod
 * schemas so the OpenAPI document is generated from the same source. The browser only ever sees these
 * shapes, never Alertmanager's wire format.
 */

export const ALERT_STATES = ['active', 'silenced', 'inhibited', 'acknowledged'] as const;
export type AlertStateFilter = (typeof ALERT_STATES)[number];

const labels = z.record(z.string(), z.string());

const alertItemSchema = z.object({
  fingerprint: z.string(),
  cluster: z.string(),
  alertname: z.string(),
  /** `labels.severity`, or "none". */
  severity: z.string(),
  /** `annotations.summary`, else `annotations.description`, else null. */
  summary: z.string().nullable(),
  labels,
  annotations: labels,
  /** firing: active and not muted; silenced/inhibited: muted by Alertmanager; unprocessed: just arrived. */
  state: z.enum(['firing', 'silenced', 'inhibited', 'unprocessed']),
  startsAt: z.string(),
  updatedAt: z.string(),
  generatorURL: z.string(),
  receivers: z.array(z.string()),
  /** Peers of the HA cluster that report it. */
  peers: z.array(z.string()),
  silencedBy: z.array(z.string()),
  inhibitedBy: z.array(z.string()),
  /** Filled by acknowledgements (null until that feature records one). */
  ack: z.object({ by: z.string(), at: z.string(), comment: z.string().nullable() }).nullable(),
  /** The unresolved incident the alert belongs to (at most one; null when none). */
  incident: z
    .object({
      id: z.string(),
      ref: z.string().describe('How the console names it: INC-<number>'),
      title: z.string(),
    })
    .nullable(),
  /** Set when the alert keeps firing and resolving: its changes of state within the window. */
  flapping: z.object({ changes: z.number().int(), windowSeconds: z.number().int() }).nullable(),
  /** Filled by runbook linking (null when no runbook covers the alert). */
  runbook: z.object({ slug: z.string(), title: z.string(), url: z.string() }).nullable(),
  /** The group (see `groups`) this alert is listed in. */
  groupKey: z.string(),
});
export type AlertItem = z.infer<typeof alertItemSchema>;

const severityCounts = z.record(z.string(), z.number().int());

const alertGroupSummarySchema = z.object({
  key: z.string(),
  /** The group_by label values (or the route's group labels), e.g. {alertname: "InstanceDown"}. */
  labels,
  /** For route groups: the receiver. */
  receiver: z.string().optional(),
  count: z.number().int(),
  bySeverity: severityCounts,
  /** Position of the group's first alert in the ordered, filtered list (for paging to it). */
  offset: z.number().int(),
});
export type AlertGroupSummary = z.infer<typeof alertGroupSummarySchema>;

const upstreamStateSchema = z.object({
  cluster: z.string(),
  fetchedAt: z.string().nullable(),
  ageSeconds: z.number().nullable(),
  stale: z.boolean(),
  error: z.object({ message: z.string(), hint: z.string().optional() }).nullable(),
  peers: z.array(
    z.object({ name: z.string(), address: z.string(), ok: z.boolean(), error: z.string().optional() }),
  ),
});

export const alertsResponseSchema = z.object({
  /** The requested page of the filtered, grouped and ordered alerts. */
  alerts: z.array(alertItemSchema),
  /**
   * The groups the page's alerts fall in, in order, each with its whole count and its offset in the
   * filtered list; `counts.groups` says how many there are in all.
   */
  groups: z.array(alertGroupSummarySchema),
  counts: z.object({
    /** Alerts the filter's matchers and text find, in any state: the sum of `byState`. */
    total: z.number().int(),
    /** Alerts that match the filter and state toggles: the sum of `byState` over the states asked for. */
    matching: z.number().int(),
    /** Groups of the matching alerts. */
    groups: z.number().int(),
    bySeverity: severityCounts,
    /**
     * The alerts the filter's matchers and text find, by state, whatever states are asked for: each is
     * what `matching` would be with that state alone.
     */
    byState: z.object({
      active: z.number().int(),
      silenced: z.number().int(),
      inhibited: z.number().int(),
      acknowledged: z.number().int(),
    }),
  }),
  page: z.object({ offset: z.number().int(), limit: z.number().int() }),
  /** When the oldest snapshot behind this answer was fetched. */
  fetchedAt: z.string().nullable(),
  upstreams: z.array(upstreamStateSchema),
});
export type AlertsResponse = z.infer<typeof alertsResponseSchema>;

export const alertsQuerySchema = z.object({
  /** Prometheus matchers and free text, e.g. `severity="critical" instance=~"db.*" disk`. */
  filter: z.string().max(2000).default(''),
  /** A label name, "@route" for Alertmanager's route groups, or "" for no grouping. */
  group_by: z.string().max(200).default('alertname'),
  /** Comma-separated states to include; default: active and acknowledged alerts. */
  state: z.string().default('active,acknowledged'),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** `{fingerprint}` of the alert routes: Alertmanager's fingerprint of the alert, a hash of its labels. */
export const alertParamsSchema = z.object({
  fingerprint: z
    .string()
    .regex(/^[0-9a-f]{1,64}$/i, { error: 'must be an alert fingerprint (hex)' })
    .describe('Alertmanager fingerprint (hex)'),
});

/** `?cluster=`: only needed when several Alertmanager clusters hold the same alert. */
export const alertClusterQuerySchema = z.object({ cluster: z.string().max(200).optional() });

const alertHistoryEntrySchema = z.object({
  startsAt: z.string(),
  endsAt: z.string().nullable(),
  durationSeconds: z.number().nullable(),
  status: z.enum(['firing', 'resolved']),
});

export const alertDetailSchema = z.object({
  alert: alertItemSchema,
  /** The alerting rule's expression, from Prometheus' rules or the alert's generatorURL. */
  expr: z.string().nullable(),
  /**
   * The comparison at the end of the expression (`… > 80` → {op: ">", value: 80}), when there is one;
   * `operand` is the expression without it, which is what to graph (the full expression only returns
   * the points where the condition holds).
   */
  threshold: z.object({ op: z.string(), value: z.number(), operand: z.string() }).nullable(),
  /** Which Prometheus evaluates it (for graphing). */
  prometheus: z.string().nullable(),
  /**
   * Where to explore the expression further, as browsers reach them: that Prometheus (its configured
   * externalUrl, else the alert's generatorURL) and Grafana when `grafanaUrl` is configured.
   */
  links: z.object({
    prometheus: z.string().nullable(),
    grafana: z.object({ url: z.string(), datasourceUid: z.string().nullable() }).nullable(),
  }),
  /** Silences muting it and the alerts inhibiting it, resolved from their ids. */
  silences: z.array(
    z.object({ id: z.string(), createdBy: z.string(), comment: z.string(), endsAt: z.string() }),
  ),
  inhibitors: z.array(z.object({ fingerprint: z.string(), alertname: z.string(), labels })),
  history: z.array(alertHistoryEntrySchema),
});
export type AlertDetail = z.infer<typeof alertDetailSchema>;

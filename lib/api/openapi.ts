import 'server-only';
import { z } from 'zod';
import { auditExportQuerySchema, auditPageSchema, auditQuerySchema } from '@/lib/admin/audit-log';
import { createTokenSchema, setRoleSchema } from '@/lib/admin/users';
import { alertDetailSchema, alertsQuerySchema, alertsResponseSchema } from '@/lib/alerts/api-schema';
import { alertDetailParamsSchema } from '@/lib/alerts/detail';
import { alertLabelsQuerySchema, alertLabelsResponseSchema } from '@/lib/alerts/label-index';
import { webhookPayloadSchema } from '@/lib/alerts/webhook-schema';
import { ROLES, type Role } from '@/lib/auth/roles';
import { escalationOperations } from '@/lib/escalation/openapi-operations';
import { ackOutcomeSchema, groupAckResultSchema } from '@/lib/incidents/ack-schemas';
import { incidentOperations } from '@/lib/incidents/openapi-operations';
import {
  ackBodySchema,
  groupAckBodySchema,
  silenceBodySchema,
  silenceUpdateSchema,
} from '@/lib/incidents/silence-input';
import { silencePreviewSchema } from '@/lib/incidents/silence-preview';
import {
  silenceIdParamsSchema,
  silenceSavedSchema,
  silencesAnswerSchema,
  silencesQuerySchema,
} from '@/lib/incidents/silence-schemas';
import { alertLogsParamsSchema, alertLogsSchema } from '@/lib/loki/alert-logs-schema';
import { RANGES } from '@/lib/overview/chart-range';
import { PANEL_UNITS } from '@/lib/overview/panel-types';
import { promQueryParamsSchema } from '@/lib/overview/query-params';
import { postmortemOperations } from '@/lib/postmortems/openapi-operations';
import { runbookOperations } from '@/lib/runbooks/openapi-operations';

/**
 * The OpenAPI 3.1 description of Vigil's HTTP API (`GET /api/v1/openapi.json`), generated from the zod
 * schemas that validate each route. A new route adds one entry to `operations`; a unit test walks
 * app/**\/route.ts and fails for any exported handler without an entry, and for entries without a route.
 *
 * Schemas marked LOOSE below describe routes whose answer has a TypeScript type but no zod schema yet
 * (health, overview, targets, upstreams, query results, panels, users, tokens): they are written here by hand
 * from those types and should move next to their routes when those routes get schemas.
 */

/**
 * Who may call: a minimum role (viewer < responder < admin; a session cookie or an API token),
 * 'public' (no credentials), or 'webhook' (VIGIL_WEBHOOK_TOKEN as a bearer token).
 */
export type Access = Role | 'public' | 'webhook';

type JsonResponse = { schema: z.ZodType; status?: number; description?: string };
type TextResponse = { contentType: string; description: string };

export type ApiOperation = {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI form: `/api/v1/alerts/{fingerprint}` for app/api/v1/alerts/[fingerprint]/route.ts. */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  role: Access;
  /** Path parameters (every one required). */
  params?: z.ZodObject;
  query?: z.ZodObject;
  /** Descriptions of query parameters whose schema carries none. */
  queryDescriptions?: Record<string, string>;
  body?: z.ZodType;
  /**
   * The status of a request whose params, query or body fail validation: 422 (route() with
   * parseInput, the default), 400 (the webhook, which Alertmanager must not retry), or null when the
   * route validates nothing.
   */
  invalidStatus?: 400 | 422 | null;
  response: JsonResponse | TextResponse;
  /** Statuses besides the success, 401/403 (from `role`) and invalidStatus; may redescribe those. */
  errors?: Partial<Record<400 | 404 | 409 | 413 | 502 | 503, string>>;
};

/** Routes deliberately left out of the document, with why. */
export const UNDOCUMENTED_ROUTES: Record<string, string> = {
  '/api/auth/{nextauth}': "Auth.js's own sign-in, callback and session endpoints, used by the browser only",
};

const iso = z.string().describe('ISO 8601 time');

// LOOSE: lib/server/health.ts HealthStatus.
const healthSchema = z.object({
  status: z.enum(['healthy', 'unhealthy']),
  database: z.enum(['up', 'down']),
  prometheus: z.enum(['up', 'down', 'degraded']),
  alertmanager: z.enum(['up', 'down', 'degraded']),
  loki: z.enum(['up', 'down', 'not configured']),
  timestamp: iso,
  errors: z.array(z.string()),
});

// LOOSE: lib/upstreams/health.ts HealthReport.
const upstreamsSchema = z.object({
  checkedAt: iso,
  upstreams: z.array(
    z.object({
      kind: z.enum(['prometheus', 'alertmanager', 'loki']),
      name: z.string(),
      ok: z.boolean(),
      detail: z.string(),
    }),
  ),
});

// LOOSE: lib/overview/build-overview.ts JobGroup.
const jobGroupSchema = z.object({
  job: z.string(),
  up: z.number().int(),
  down: z.number().int(),
  targets: z.array(
    z.object({
      server: z.string(),
      instance: z.string(),
      health: z.enum(['up', 'down', 'unknown']),
      lastError: z.string(),
      lastScrape: iso.nullable(),
      scrapeUrl: z.string(),
    }),
  ),
});

// LOOSE: lib/overview/build-overview.ts Overview, top level only.
const overviewSchema = z
  .object({
    alerts: z.object({
      firing: z.number().int(),
      bySeverity: z.record(z.string(), z.number().int()),
      silenced: z.number().int(),
      inhibited: z.number().int(),
    }),
    targets: z.object({ total: z.number().int(), down: z.number().int(), byJob: z.array(jobGroupSchema) }),
    rules: z.object({}).loose(),
    alertmanagers: z.array(z.object({}).loose()),
    prometheus: z.array(z.object({ name: z.string(), ok: z.boolean(), version: z.string().optional() })),
    loki: z.object({ configured: z.boolean() }).loose(),
    banners: z.array(
      z.object({
        level: z.enum(['error', 'warning']),
        upstream: z.string(),
        message: z.string(),
        hint: z.string().optional(),
        ageSeconds: z.number().optional(),
      }),
    ),
  })
  .loose();

// LOOSE: lib/prometheus/schemas.ts InstantResult, or {type:'matrix', series} for a range query.
const promQueryResultSchema = z
  .object({ type: z.enum(['vector', 'matrix', 'scalar', 'string']) })
  .loose()
  .describe(
    'vector: {samples:[{labels, timeMs, value}]}; matrix: {series:[{labels, points:[[ms, value]]}]}; scalar/string: {timeMs, value}',
  );

// LOOSE: lib/overview/panel-data.ts PanelData.
const panelDataSchema = z.object({
  title: z.string(),
  unit: z.enum(PANEL_UNITS),
  thresholds: z.object({ warn: z.number().optional(), crit: z.number().optional() }).optional(),
  range: z.object({ start: z.number(), end: z.number(), stepSeconds: z.number() }),
  series: z.array(z.object({ name: z.string(), points: z.array(z.tuple([z.number(), z.number()])) })),
  missing: z.string().optional(),
});

// LOOSE: lib/admin/users.ts UserRow and TokenRow (Dates are sent as ISO strings).
const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string().nullable(),
  role: z.enum(ROLES),
  lastLoginAt: iso.nullable(),
  disabled: z.boolean(),
});
const tokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  userEmail: z.string(),
  createdAt: iso,
  lastUsedAt: iso.nullable(),
  expiresAt: iso.nullable(),
  revokedAt: iso.nullable(),
});

const AUDIT_FILTER_DESCRIPTIONS: Record<string, string> = {
  actor: "A substring of the actor's e-mail, any case",
  action: 'An exact action (`user.role_changed`), or a family when it ends with a dot (`api_token.`)',
  target: 'A substring of the target, any case',
  from: 'Entries at or after this ISO 8601 time (UTC when it has no offset)',
  to: 'Entries at or before this ISO 8601 time (UTC when it has no offset)',
  success: '`true` for mutations that succeeded, `false` for refused or failed ones',
  cursor: '`nextCursor` of the previous page',
  limit: 'Page size (at most 500)',
};

const id = z.object({ id: z.string() });
const fingerprint = z.object({ fingerprint: z.string().describe('Alertmanager fingerprint (hex)') });

export const operations: ApiOperation[] = [
  {
    method: 'get',
    path: '/api/health',
    tag: 'operations',
    summary: 'Health of Vigil, its database and upstreams (200 healthy, 503 unhealthy)',
    description:
      '`?probe=live` answers `{status: "alive", timestamp}` without touching the database or upstreams.',
    role: 'public',
    query: z.object({ probe: z.enum(['live']).optional() }),
    invalidStatus: null,
    response: { schema: z.union([healthSchema, z.object({ status: z.literal('alive'), timestamp: iso })]) },
    errors: { 503: 'Unhealthy: the same body, with `errors` saying what is down' },
  },
  {
    method: 'get',
    path: '/metrics',
    tag: 'operations',
    summary: "Vigil's own Prometheus metrics (request durations, upstream errors, snapshot ages)",
    role: 'public',
    response: { contentType: 'text/plain; version=0.0.4', description: 'Prometheus text exposition format' },
  },
  {
    method: 'get',
    path: '/api/v1/openapi.json',
    tag: 'operations',
    summary: 'This document',
    role: 'viewer',
    response: { schema: z.object({ openapi: z.string() }).loose() },
  },
  {
    method: 'get',
    path: '/api/v1/me',
    tag: 'account',
    summary: 'The caller',
    role: 'viewer',
    response: {
      schema: z.object({
        id: z.string(),
        email: z.string(),
        name: z.string().nullable(),
        role: z.enum(ROLES),
        via: z.enum(['session', 'token']),
      }),
    },
  },
  {
    method: 'get',
    path: '/api/v1/upstreams',
    tag: 'overview',
    summary: 'Which Prometheus, Alertmanager peers and Loki answer (from the snapshots)',
    role: 'viewer',
    response: { schema: upstreamsSchema },
  },
  {
    method: 'get',
    path: '/api/v1/overview',
    tag: 'overview',
    summary: 'Status tiles, targets, rule health and banners (from the snapshots)',
    role: 'viewer',
    response: { schema: overviewSchema },
  },
  {
    method: 'get',
    path: '/api/v1/targets',
    tag: 'overview',
    summary: 'Scrape targets of every Prometheus by job, jobs with down targets first',
    role: 'viewer',
    response: { schema: z.array(jobGroupSchema) },
  },
  {
    method: 'get',
    path: '/api/v1/query',
    tag: 'overview',
    summary: 'Cached PromQL query for charts: instant, or range with start, end and step',
    role: 'viewer',
    query: promQueryParamsSchema,
    response: { schema: promQueryResultSchema },
    errors: { 502: 'Prometheus refused the query or did not answer; the message is its own' },
  },
  {
    method: 'get',
    path: '/api/v1/panels/{group}/{panel}',
    tag: 'overview',
    summary: 'One overview chart: its series over the range',
    role: 'viewer',
    params: z.object({ group: z.string(), panel: z.string() }),
    query: z.object({ range: z.enum(Object.keys(RANGES) as [keyof typeof RANGES]).default('1h') }),
    response: { schema: panelDataSchema },
    errors: { 404: 'No such panel', 502: 'Prometheus did not answer' },
  },
  {
    method: 'get',
    path: '/api/v1/alerts',
    tag: 'alerts',
    summary: 'Alerts of every Alertmanager cluster, filtered, grouped, ordered and paged on the server',
    description:
      'Read from the snapshots the server polls, never from Alertmanager. Alerts are ordered by severity, then age (older first), then fingerprint: the order is stable between refreshes. `counts.bySeverity` covers the matching alerts, `counts.byState` every alert.',
    role: 'viewer',
    query: alertsQuerySchema,
    queryDescriptions: {
      filter:
        'Prometheus matchers and free text, e.g. `severity="critical" instance=~"db.*" disk` (regexes fully anchored; words match alertname, label values, summary and description, case-insensitively)',
      group_by: 'A label name, `@route` for Alertmanager route groups, or empty for one group',
      state: 'Comma-separated: active, silenced, inhibited, acknowledged',
      offset: 'Position of the first alert of the page in the ordered list',
      limit: 'Page size',
    },
    response: { schema: alertsResponseSchema },
  },
  {
    method: 'get',
    path: '/api/v1/alerts/labels',
    tag: 'alerts',
    summary: 'Label names, or the values of one label, across the current alerts (filter autocomplete)',
    role: 'viewer',
    query: alertLabelsQuerySchema,
    response: { schema: alertLabelsResponseSchema },
  },
  {
    method: 'get',
    path: '/api/v1/alerts/{fingerprint}',
    tag: 'alerts',
    summary: "One alert with its rule's expression and threshold, silences, inhibitors and history",
    role: 'viewer',
    params: fingerprint,
    query: alertDetailParamsSchema.pick({ cluster: true }),
    response: { schema: alertDetailSchema },
    errors: { 404: 'No Alertmanager holds an alert with this fingerprint' },
  },
  {
    method: 'get',
    path: '/api/v1/alerts/{fingerprint}/logs',
    tag: 'alerts',
    summary: "The alert's log context from Loki, errors and warnings first",
    role: 'viewer',
    params: fingerprint,
    query: alertLogsParamsSchema,
    response: { schema: alertLogsSchema },
    errors: { 404: 'No Alertmanager holds an alert with this fingerprint' },
  },
  {
    method: 'post',
    path: '/api/v1/alertmanager/webhook',
    tag: 'alerts',
    summary: "Alertmanager's webhook receiver (payload version 4); 200 once the events are stored",
    description:
      'Idempotent: the same notification from both HA peers, or sent again, is stored once. `?cluster=<name>` names the sending cluster when its externalURL matches no configured peer.',
    role: 'webhook',
    query: z.object({ cluster: z.string().optional() }),
    invalidStatus: 400,
    body: webhookPayloadSchema,
    response: {
      schema: z.object({
        status: z.literal('stored'),
        cluster: z.string(),
        received: z.number().int(),
        stored: z.number().int(),
        duplicates: z.number().int(),
      }),
    },
    errors: {
      400: 'The payload is not a version 4 notification; `fields` says what is wrong (not retried)',
      413: 'The body is larger than 10 MB: set max_alerts in the webhook_config',
      503: 'The database did not take the events; Alertmanager retries (Retry-After)',
    },
  },
  {
    method: 'get',
    path: '/api/v1/tokens',
    tag: 'admin',
    summary: "API tokens: an admin's lists all, anyone else's their own",
    role: 'viewer',
    response: { schema: z.object({ tokens: z.array(tokenSchema) }) },
  },
  {
    method: 'post',
    path: '/api/v1/tokens',
    tag: 'admin',
    summary: 'Create an API token; its secret is in this answer only',
    role: 'responder',
    body: createTokenSchema,
    response: { status: 201, schema: z.object({ id: z.string(), token: z.string() }) },
    errors: { 404: 'No such user' },
  },
  {
    method: 'delete',
    path: '/api/v1/tokens/{id}',
    tag: 'admin',
    summary: 'Revoke an API token (your own; an admin any)',
    role: 'viewer',
    params: id,
    response: { schema: z.object({ revoked: z.literal(true) }) },
    errors: { 404: 'No such token' },
  },
  {
    method: 'get',
    path: '/api/v1/users',
    tag: 'admin',
    summary: 'Users and their roles',
    role: 'admin',
    response: { schema: z.object({ users: z.array(userSchema) }) },
  },
  {
    method: 'patch',
    path: '/api/v1/users/{id}',
    tag: 'admin',
    summary: "Change a user's role",
    role: 'admin',
    params: id,
    body: setRoleSchema.pick({ role: true }),
    response: { schema: z.object({ updated: z.literal(true) }) },
    errors: { 404: 'No such user' },
  },
  {
    method: 'get',
    path: '/api/v1/audit',
    tag: 'admin',
    summary: 'The audit log: every mutation, who made it, when and from which address; newest first',
    description:
      'Paged by keyset: pass `nextCursor` as `cursor` for the next, older page (null on the last). Empty parameters mean "any".',
    role: 'admin',
    query: auditQuerySchema,
    queryDescriptions: AUDIT_FILTER_DESCRIPTIONS,
    response: { schema: auditPageSchema },
  },
  {
    method: 'get',
    path: '/api/v1/audit/export',
    tag: 'admin',
    summary: 'Every audit entry matching the filters, as a CSV download (streamed)',
    description:
      "Columns: id, at, actor_email, via, action, target, details (compact JSON), ip, success. RFC 4180 with a UTF-8 byte-order mark; cells a spreadsheet would run as a formula start with `'`.",
    role: 'admin',
    query: auditExportQuerySchema,
    queryDescriptions: AUDIT_FILTER_DESCRIPTIONS,
    response: {
      contentType: 'text/csv; charset=utf-8',
      description: 'An attachment named vigil-audit-<date>.csv, newest entry first',
    },
  },
  {
    method: 'post',
    path: '/api/v1/alerts/{fingerprint}/ack',
    tag: 'acknowledgements',
    summary: 'Acknowledge an alert; by default also silence exactly it until it resolves',
    description:
      'The silence (equality matchers on every label, for `duration`, default from VIGIL_CONFIG, 1h) is extended while the alert fires and expired when it resolves. The body may be empty.',
    role: 'responder',
    params: fingerprint,
    query: alertDetailParamsSchema.pick({ cluster: true }),
    body: ackBodySchema,
    response: { status: 201, schema: ackOutcomeSchema },
    errors: {
      404: 'No Alertmanager holds an alert with this fingerprint (it resolved?)',
      409: 'The alert is acknowledged already (the message says by whom)',
      502: 'Alertmanager refused or is down: nothing was recorded',
      503: 'PostgreSQL failed: nothing was recorded and the silence was taken back',
    },
  },
  {
    method: 'delete',
    path: '/api/v1/alerts/{fingerprint}/ack',
    tag: 'acknowledgements',
    summary: 'End the acknowledgement and expire its silence at once',
    role: 'responder',
    params: fingerprint,
    query: alertDetailParamsSchema.pick({ cluster: true }),
    response: { schema: z.object({ ackId: z.string() }) },
    errors: {
      404: 'The alert is not acknowledged',
      502: 'Alertmanager refused or is down: the acknowledgement stands',
      503: 'PostgreSQL failed',
    },
  },
  {
    method: 'post',
    path: '/api/v1/acks',
    tag: 'acknowledgements',
    summary: 'Acknowledge a group of alerts in one action; the outcome of each is in `results`',
    role: 'responder',
    body: groupAckBodySchema,
    response: { schema: z.object({ results: z.array(groupAckResultSchema) }) },
  },
  {
    method: 'get',
    path: '/api/v1/silences',
    tag: 'silences',
    summary: 'Every silence Alertmanager holds (made in Vigil or elsewhere), with the alerts each mutes now',
    role: 'viewer',
    query: silencesQuerySchema,
    response: { schema: silencesAnswerSchema },
  },
  {
    method: 'post',
    path: '/api/v1/silences',
    tag: 'silences',
    summary: 'Create a silence',
    description:
      '`matchers` as amtool writes them (`alertname="X", instance=~"db.*"`) or as Alertmanager\'s list; `duration` ("90m", "4h", "1d", "1w") or `endsAt`.',
    role: 'responder',
    body: silenceBodySchema,
    response: { status: 201, schema: silenceSavedSchema },
    errors: {
      502: 'Alertmanager refused or is down: no silence was created',
      503: 'PostgreSQL failed: the silence was expired again',
    },
  },
  {
    method: 'post',
    path: '/api/v1/silences/preview',
    tag: 'silences',
    summary: 'The alerts firing now that these matchers would silence, with a warning for none or very many',
    role: 'viewer',
    body: z.object({ matchers: silenceBodySchema.shape.matchers, cluster: z.string().optional() }),
    response: { schema: silencePreviewSchema },
  },
  {
    method: 'put',
    path: '/api/v1/silences/{id}',
    tag: 'silences',
    summary: 'Edit or extend a silence; the answer carries the id Alertmanager kept or issued',
    role: 'responder',
    params: silenceIdParamsSchema,
    body: silenceUpdateSchema,
    response: { schema: silenceSavedSchema },
    errors: { 404: 'No Alertmanager knows this silence', 409: 'The silence has expired: re-create it' },
  },
  {
    method: 'delete',
    path: '/api/v1/silences/{id}',
    tag: 'silences',
    summary: 'Expire a silence (and end the acknowledgement it belongs to, if any)',
    role: 'responder',
    params: silenceIdParamsSchema,
    query: z.object({ cluster: z.string().optional() }),
    response: { schema: silenceSavedSchema },
    errors: { 404: 'No Alertmanager knows this silence' },
  },
  ...runbookOperations,
  ...incidentOperations,
  ...escalationOperations,
  ...postmortemOperations,
];

/** The error body of every route (lib/errors.ts errorBody). */
const errorSchema = z.object({
  error: z.object({
    code: z.string().describe('unauthorized, forbidden, notfound, validation, upstream, internal…'),
    message: z.string().describe('What went wrong and what to do next'),
    fields: z.record(z.string(), z.string()).optional().describe('For validation errors: field → problem'),
    source: z.string().optional(),
    hint: z.string().optional(),
  }),
});

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io }) as JsonSchema;
  return rest;
}

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});

function parameters(op: ApiOperation): JsonSchema[] {
  const list: JsonSchema[] = [];
  for (const [where, schema] of [
    ['path', op.params],
    ['query', op.query],
  ] as const) {
    if (!schema) continue;
    const json = jsonSchema(schema, 'input') as {
      properties?: Record<string, JsonSchema>;
      required?: string[];
    };
    for (const [name, property] of Object.entries(json.properties ?? {})) {
      const { description, ...rest } = property;
      list.push({
        name,
        in: where,
        required: where === 'path' || (json.required ?? []).includes(name),
        ...((op.queryDescriptions?.[name] ?? description)
          ? { description: op.queryDescriptions?.[name] ?? description }
          : {}),
        schema: rest,
      });
    }
  }
  return list;
}

function security(role: Access) {
  if (role === 'public') return [];
  if (role === 'webhook') return [{ webhookToken: [] }];
  return [{ session: [] }, { apiToken: [] }];
}

function operationObject(op: ApiOperation): JsonSchema {
  const success =
    'schema' in op.response
      ? {
          description: op.response.description ?? 'OK',
          content: { 'application/json': { schema: jsonSchema(op.response.schema, 'output') } },
        }
      : {
          description: op.response.description,
          content: { [op.response.contentType]: { schema: { type: 'string' } } },
        };
  const responses: Record<string, unknown> = {
    [String(('status' in op.response && op.response.status) || 200)]: success,
  };
  if (op.role !== 'public')
    responses['401'] = errorResponse(
      op.role === 'webhook' ? 'Missing or wrong webhook token' : 'No session or API token, or a revoked one',
    );
  if (op.role === 'responder' || op.role === 'admin')
    responses['403'] = errorResponse(`The caller lacks the ${op.role} role`);
  const invalidStatus = op.invalidStatus === undefined ? 422 : op.invalidStatus;
  if ((op.params || op.query || op.body) && invalidStatus !== null)
    responses[String(invalidStatus)] = errorResponse(
      'Invalid parameters or body; `error.fields` names each problem',
    );
  // route.ts jsonBody's limit; the webhook has its own (its errors say so).
  if (op.body && op.role !== 'webhook') responses['413'] = errorResponse('The body is larger than 4 MB');
  for (const [status, description] of Object.entries(op.errors ?? {}))
    responses[status] = errorResponse(description);
  const segments = op.path
    .split('/')
    .filter((s) => s && s !== 'api' && s !== 'v1')
    .map((s) => (s.startsWith('{') ? `By-${s.slice(1, -1)}` : s));
  return {
    operationId: [op.method, ...segments]
      .join('-')
      .replace(/[^a-zA-Z0-9]+(.)/g, (_, c: string) => c.toUpperCase())
      .replace(/[^a-zA-Z0-9]/g, ''),
    tags: [op.tag],
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    ...(op.role === 'public' || op.role === 'webhook' ? {} : { 'x-vigil-role': op.role }),
    security: security(op.role),
    ...(op.params || op.query ? { parameters: parameters(op) } : {}),
    ...(op.body
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: jsonSchema(op.body, 'input') } },
          },
        }
      : {}),
    responses,
  };
}

/** Builds the document from `operations` (pure; the route caches it). */
export function buildOpenApiDocument(ops: readonly ApiOperation[] = operations, version = '0.1.0') {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const op of ops) {
    paths[op.path] ??= {};
    (paths[op.path] as Record<string, JsonSchema>)[op.method] = operationObject(op);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Vigil API',
      version,
      description:
        'The JSON API of Vigil, the on-call console for Prometheus, Alertmanager and Loki. Calls need a session cookie or an API token (`Authorization: Bearer vgl_…`) with the role each operation names in `x-vigil-role`, except where `security` is empty (public) or names the webhook token.',
    },
    servers: [{ url: '/' }],
    security: [{ session: [] }, { apiToken: [] }],
    tags: [...new Set(ops.map((o) => o.tag))].map((name) => ({ name })),
    paths,
    components: {
      schemas: { Error: jsonSchema(errorSchema, 'output') },
      securitySchemes: {
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: 'authjs.session-token',
          description:
            'The Auth.js session cookie set by signing in (`__Secure-authjs.session-token` over HTTPS)',
        },
        apiToken: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'vgl_…',
          description: 'An API token, created on /admin or with POST /api/v1/tokens',
        },
        webhookToken: {
          type: 'http',
          scheme: 'bearer',
          description:
            "VIGIL_WEBHOOK_TOKEN, set as http_config.authorization.credentials in Alertmanager's webhook_config",
        },
      },
    },
  };
}

export type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>;

let built: OpenApiDocument | undefined;

/** The document, built once per process: the schemas do not change while it runs. */
export function openApiDocument(): OpenApiDocument {
  built ??= buildOpenApiDocument();
  return built;
}

import { z } from 'zod';
import { defineOperation } from '@/lib/api/operation';
import { alertLogsParamsSchema, alertLogsSchema } from '@/lib/loki/alert-logs-schema';
import {
  alertClusterQuerySchema,
  alertDetailSchema,
  alertParamsSchema,
  alertsQuerySchema,
  alertsResponseSchema,
} from './api-schema';
import { alertLabelsQuerySchema, alertLabelsResponseSchema } from './label-index';
import { webhookAnswerSchema, webhookPayloadInSlices, webhookPayloadSchema } from './webhook-schema';

// Operations of the alerts API (see lib/api/operation.ts); this module exports operations only.

export const listAlertsOp = defineOperation({
  method: 'GET',
  path: '/api/v1/alerts',
  tag: 'alerts',
  summary: 'Alerts of every Alertmanager cluster, filtered, grouped, ordered and paged on the server',
  description:
    'Read from the snapshots the server polls, never from Alertmanager. Alerts are ordered by severity, then age (older first), then fingerprint: the order is stable between refreshes. `counts.bySeverity` covers the matching alerts (those without a severity label under `no severity`), `counts.byState` every alert found by the matchers and text of `filter`, whatever `state` asks for, each under exactly one state as lib/alerts/alert-counts.ts defines them (an acknowledged alert is `acknowledged`, never `silenced`), and `counts.total` their sum.',
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
});

export const alertLabelsOp = defineOperation({
  method: 'GET',
  path: '/api/v1/alerts/labels',
  tag: 'alerts',
  summary: 'Label names, or the values of one label, across the current alerts (filter autocomplete)',
  role: 'viewer',
  query: alertLabelsQuerySchema,
  response: { schema: alertLabelsResponseSchema },
});

export const alertDetailOp = defineOperation({
  method: 'GET',
  path: '/api/v1/alerts/{fingerprint}',
  tag: 'alerts',
  summary: "One alert with its rule's expression and threshold, silences, inhibitors and history",
  role: 'viewer',
  params: alertParamsSchema,
  query: alertClusterQuerySchema,
  response: { schema: alertDetailSchema },
  errors: { 404: 'No Alertmanager holds an alert with this fingerprint' },
});

export const alertLogsOp = defineOperation({
  method: 'GET',
  path: '/api/v1/alerts/{fingerprint}/logs',
  tag: 'alerts',
  summary: "The alert's log context from Loki, errors and warnings first",
  role: 'viewer',
  params: alertParamsSchema,
  query: alertLogsParamsSchema,
  response: { schema: alertLogsSchema },
  errors: { 404: 'No Alertmanager holds an alert with this fingerprint' },
});

export const alertmanagerWebhookOp = defineOperation({
  method: 'POST',
  path: '/api/v1/alertmanager/webhook',
  tag: 'alerts',
  summary: "Alertmanager's webhook receiver (payload version 4); 200 once the events are stored",
  description:
    'Idempotent: the same notification from both HA peers, or sent again, is stored once. `?cluster=<name>` names the sending cluster when its externalURL matches no configured peer.',
  role: 'webhook',
  query: z.object({ cluster: z.string().optional() }),
  body: webhookPayloadSchema,
  bodyInSlices: webhookPayloadInSlices,
  // ≈15,000 alerts of the demo's size in one notification. Larger groups: `max_alerts` in the
  // webhook_config (the alerts left out still reach history through the poller).
  maxBodyBytes: 10 * 1024 * 1024,
  // Alertmanager retries on 5xx and gives up on 4xx: a payload it cannot fix by retrying is a 400.
  invalidStatus: 400,
  response: { schema: webhookAnswerSchema },
  errors: {
    400: 'The payload is not a version 4 notification; `fields` says what is wrong (not retried)',
    413: 'The body is larger than 10 MB: set max_alerts in the webhook_config.',
    503: 'The database did not take the events; Alertmanager retries (Retry-After)',
  },
});

import { defineOperation } from '@/lib/api/operation';
import { healthReportSchema } from '@/lib/snapshots/upstream-health-schema';
import {
  overviewSchema,
  panelDataSchema,
  panelParamsSchema,
  panelQuerySchema,
  promQueryAnswerSchema,
  targetsSummarySchema,
} from './api-schema';
import { promQueryParamsSchema } from './query-params';

// Operations of the overview API (see lib/api/operation.ts); this module exports operations only.

export const promQueryOp = defineOperation({
  method: 'GET',
  path: '/api/v1/query',
  tag: 'overview',
  summary: 'Cached PromQL query for charts: instant, or range with start, end and step',
  role: 'viewer',
  query: promQueryParamsSchema,
  response: { schema: promQueryAnswerSchema },
  errors: { 502: 'Prometheus refused the query or did not answer; the message is its own' },
});

export const overviewOp = defineOperation({
  method: 'GET',
  path: '/api/v1/overview',
  tag: 'overview',
  summary: 'Status tiles, targets, rule health and banners (from the snapshots)',
  role: 'viewer',
  response: { schema: overviewSchema },
});

export const targetsOp = defineOperation({
  method: 'GET',
  path: '/api/v1/targets',
  tag: 'overview',
  summary: 'Scrape targets of every Prometheus by job, jobs with down targets first',
  role: 'viewer',
  response: { schema: targetsSummarySchema },
});

export const upstreamsOp = defineOperation({
  method: 'GET',
  path: '/api/v1/upstreams',
  tag: 'overview',
  summary: 'Which Prometheus, Alertmanager peers and Loki answer (from the snapshots)',
  role: 'viewer',
  response: { schema: healthReportSchema },
});

export const panelOp = defineOperation({
  method: 'GET',
  path: '/api/v1/panels/{group}/{panel}',
  tag: 'overview',
  summary: 'One overview chart: its series over the range',
  role: 'viewer',
  params: panelParamsSchema,
  query: panelQuerySchema,
  response: { schema: panelDataSchema },
  errors: { 404: 'No such panel', 502: 'Prometheus did not answer' },
});

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
  description:
    'Limited by `queries` in VIGIL_CONFIG: a range of at most `maxRangeDays` (32; 422 on `start`), an answer of at most `maxAnswerBytes` (10 MiB; 422 on `query`), and at most `perUserConcurrency` (4) of your queries and log queries running against the upstreams at once (429 with Retry-After). Answers are cached by the expression without comments and extra whitespace, and the range is widened to whole steps.',
  role: 'viewer',
  query: promQueryParamsSchema,
  response: { schema: promQueryAnswerSchema },
  errors: {
    429: 'You have as many queries running as you may at once (or Vigil waits on many); retry after Retry-After',
    502: 'Prometheus refused the query or did not answer; the message is its own',
  },
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

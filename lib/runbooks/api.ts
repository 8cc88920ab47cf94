import { defineOperation } from '@/lib/api/operation';
import {
  logsParamsSchema,
  logsResponseSchema,
  runbookDetailSchema,
  runbookListQuerySchema,
  runbookListSchema,
  slugParamsSchema,
  stepProgressBodySchema,
  stepProgressResponseSchema,
} from './api-schema';

/** The runbooks API (this module exports operations only; lib/openapi/operations.ts collects them). */

export const listRunbooksOp = defineOperation({
  method: 'GET',
  path: '/api/v1/runbooks',
  tag: 'runbooks',
  summary:
    'Runbooks with owners and review age, files that cannot be used, and firing alerts without a runbook',
  role: 'viewer',
  query: runbookListQuerySchema,
  response: { schema: runbookListSchema },
});

export const getRunbookOp = defineOperation({
  method: 'GET',
  path: '/api/v1/runbooks/{slug}',
  tag: 'runbooks',
  summary: 'One runbook: metadata, steps, MDX source and the alerts it covers that fire now',
  role: 'viewer',
  params: slugParamsSchema,
  response: { schema: runbookDetailSchema },
  errors: { 404: 'No such runbook, or its file cannot be used (the message says why)' },
});

export const checkRunbookStepOp = defineOperation({
  method: 'POST',
  path: '/api/v1/runbooks/{slug}/steps',
  tag: 'runbooks',
  summary: "Check or uncheck a runbook step for an incident; it appears on the incident's timeline",
  description:
    'Stored with who and when, with a timeline event (`runbook.step_checked` / `runbook.step_unchecked`) and an audit entry in one transaction. Setting a step to the state it has changes nothing.',
  role: 'responder',
  params: slugParamsSchema,
  body: stepProgressBodySchema,
  response: { schema: stepProgressResponseSchema },
  invalidates: ['runbooks', 'incidents', 'postmortems'],
  errors: { 404: 'No such runbook or incident' },
});

export const recentLogsOp = defineOperation({
  method: 'GET',
  path: '/api/v1/logs',
  tag: 'runbooks',
  summary: 'The newest Loki lines of a LogQL log query (the <LogQL> runbook component)',
  description:
    'Answers 200 with `status` not-configured | ok | error (Loki refusing the query, or unreachable); cached for 10 s. Counts against your query cap like `/api/v1/query` (429 beyond `queries.perUserConcurrency`; an answer over `queries.maxAnswerBytes` is a 422).',
  role: 'viewer',
  query: logsParamsSchema,
  response: { schema: logsResponseSchema },
  errors: {
    429: 'You have as many queries running as you may at once (or Vigil waits on many); retry after Retry-After',
  },
});

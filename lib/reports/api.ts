import { defineOperation } from '@/lib/api/operation';
import { reportParamsSchema, reportQuerySchema, reportSchema } from './report-schema';

const QUERY_DESCRIPTIONS = {
  from: 'ISO instant; default Monday 00:00 (in `zone`) three weeks before the current week',
  to: 'ISO instant; default now; at most 366 days after `from`',
  zone: 'IANA time zone the weeks are counted in (Monday 00:00 local); default the caller’s',
};

const DESCRIPTION =
  'Reports: noisiest-alerts, noisiest-label-sets (firings per week, top 20), flapping (state changes while flapping, the VIGIL_CONFIG `flapping` rule), incident-response-by-route|team|alertname (p50/p90 seconds to acknowledge and to resolve), alert-acknowledgement (firing → first acknowledgement), never-acknowledged, no-runbook. Each row carries its weekly values and a /history link.';

export const getReportOp = defineOperation({
  method: 'GET',
  path: '/api/v1/reports/{report}',
  tag: 'reports',
  summary: 'One noise report over a range, by week in a time zone',
  description: DESCRIPTION,
  role: 'viewer',
  params: reportParamsSchema,
  query: reportQuerySchema,
  queryDescriptions: QUERY_DESCRIPTIONS,
  response: { schema: reportSchema },
});

export const getReportCsvOp = defineOperation({
  method: 'GET',
  path: '/api/v1/reports/{report}/csv',
  tag: 'reports',
  summary: 'One noise report as a CSV download',
  description:
    "The columns of the JSON report, then one column per week (its Monday) of the weekly values, then the history link. RFC 4180 with a UTF-8 byte-order mark; cells a spreadsheet would run as a formula start with `'`.",
  role: 'viewer',
  params: reportParamsSchema,
  query: reportQuerySchema,
  queryDescriptions: QUERY_DESCRIPTIONS,
  response: {
    contentType: 'text/csv; charset=utf-8',
    description: 'An attachment named vigil-<report>-<from date>-<to date>.csv',
  },
});

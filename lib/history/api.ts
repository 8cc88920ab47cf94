import { defineOperation } from '@/lib/api/operation';
import { historyQuerySchema, historyResponseSchema } from './api-schema';

// Operations of the history API (see lib/api/operation.ts); this module exports operations only.

export const searchHistoryOp = defineOperation({
  method: 'GET',
  path: '/api/v1/history',
  tag: 'alerts',
  summary: 'Past and current firings of every alert, searched by Prometheus matchers and a time range',
  description:
    "One entry per firing (an alert's fingerprint and start; its firing and resolved events merged) whose interval overlaps [from, to], still-firing ones included, newest start first, with who acknowledged it and the Vigil silences and incidents it was part of. Equality matchers are answered by the database's indexes; regex and negative matchers run in Vigil with RE2 (Alertmanager's semantics), over at most a bounded number of events per request: when that bound stops a page early, `partial` is true and `nextCursor` continues the search.",
  role: 'viewer',
  query: historyQuerySchema,
  queryDescriptions: {
    filter:
      'Prometheus matchers, e.g. `{alertname="HighCPUUsage", instance=~"db-.*"}` (regexes fully anchored, RE2); empty for every alert',
    from: 'Start of the range (ISO 8601); default 7 days before `to`',
    to: 'End of the range (ISO 8601); default now. At most 400 days after `from`',
    cursor: "The previous page's `nextCursor`",
    limit: 'Firings per page',
  },
  invalidStatus: 400,
  response: { schema: historyResponseSchema },
});

import { z } from 'zod';
import { defineOperation } from '@/lib/api/operation';
import { healthQuerySchema, healthStatusSchema, livenessSchema } from './health-schema';

// Operations of Vigil's own operation (see lib/api/operation.ts); this module exports operations only.

export const healthOp = defineOperation({
  method: 'GET',
  path: '/api/health',
  tag: 'operations',
  summary: 'Health of Vigil, its database and upstreams (200 healthy, 503 unhealthy)',
  description:
    'Anyone may read up/down per upstream; `errors` (hosts and what the upstreams answered) is included only for a caller with a session or an API token. `?probe=live` answers `{status: "alive", timestamp}` without touching the database or upstreams.',
  role: 'public',
  query: healthQuerySchema,
  response: { schema: z.union([healthStatusSchema, livenessSchema]) },
  errors: { 503: 'Unhealthy: the same body (with `errors` saying what is down, for a signed-in caller)' },
});

export const metricsOp = defineOperation({
  method: 'GET',
  path: '/metrics',
  tag: 'operations',
  summary: "Vigil's own Prometheus metrics (request durations, upstream errors, snapshot ages)",
  role: 'public',
  response: { contentType: 'text/plain; version=0.0.4', description: 'Prometheus text exposition format' },
});

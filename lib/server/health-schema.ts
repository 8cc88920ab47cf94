import { z } from 'zod';

/**
 * `GET /api/health`, client-safe: Vigil's own health in the shape the seed stack's health check uses,
 * and the liveness answer of `?probe=live`. Anyone may read up/down; `errors` (upstream names, hosts and
 * what they answered) only a caller with a session or an API token, since that maps the network behind
 * Vigil for a stranger.
 */

const iso = z.string().describe('ISO 8601 time');

export const healthStatusSchema = z.object({
  status: z.enum(['healthy', 'unhealthy']),
  database: z.enum(['up', 'down']),
  prometheus: z.enum(['up', 'down', 'degraded']),
  alertmanager: z.enum(['up', 'down', 'degraded']),
  loki: z.enum(['up', 'down', 'not configured']),
  timestamp: iso,
  errors: z
    .array(z.string())
    .optional()
    .describe('What is down and why (hosts, upstream answers): only for a session or an API token'),
});
export type HealthStatus = z.infer<typeof healthStatusSchema>;

export const livenessSchema = z.object({ status: z.literal('alive'), timestamp: iso });

export const healthQuerySchema = z.object({
  // Any other value is the full check, as it always was: a probe's typo must not make Vigil look down.
  probe: z.enum(['live']).optional().catch(undefined),
});

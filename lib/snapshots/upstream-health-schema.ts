import { z } from 'zod';

/** `GET /api/v1/upstreams`, client-safe: the report the header's health indicator shows. */

const upstreamHealthSchema = z.object({
  kind: z.enum(['prometheus', 'alertmanager', 'loki']),
  /** "default", or the name given in VIGIL_CONFIG; peers are "<cluster> peer 2". */
  name: z.string(),
  ok: z.boolean(),
  detail: z.string(),
});
export type UpstreamHealth = z.infer<typeof upstreamHealthSchema>;

export const healthReportSchema = z.object({
  checkedAt: z.string().describe('ISO 8601 time'),
  upstreams: z.array(upstreamHealthSchema),
});
export type HealthReport = z.infer<typeof healthReportSchema>;

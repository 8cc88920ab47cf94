import { z } from 'zod';
import { sources } from '@/lib/alerts/sources';
import { route } from '@/lib/api/route';
import { requireActor } from '@/lib/auth';
import { parseInput } from '@/lib/validation';

const paramsSchema = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(200),
  offset: z.coerce.number().int().min(0).default(0),
});

/**
 * Alerts of every Alertmanager cluster, deduplicated across HA peers, read from the snapshots (never
 * from Alertmanager directly): any number of callers cost one request per peer per poll interval.
 * Each cluster reports the age of its data and its last error, so stale data is never mistaken for
 * fresh. Paged with `limit`/`offset`.
 */
export const GET = route('/api/v1/alerts', async (request) => {
  await requireActor();
  const { limit, offset } = parseInput(paramsSchema, Object.fromEntries(new URL(request.url).searchParams));
  const views = await Promise.all([...sources().clusters.values()].map((c) => c.get()));
  const all = views.flatMap((v) => v.data?.alerts ?? []);
  return {
    total: all.length,
    alerts: all.slice(offset, offset + limit),
    clusters: views.map((v) => ({
      name: v.name,
      ageSeconds: v.ageSeconds,
      stale: v.stale,
      error: v.error ? { message: v.error.message, hint: v.error.hint } : null,
      peers: v.data?.peers ?? [],
    })),
  };
});

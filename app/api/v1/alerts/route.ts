import { alertsQuerySchema } from '@/lib/alerts/api-schema';
import { queryAlerts } from '@/lib/alerts/query';
import { route } from '@/lib/api/route';
import { requireActor } from '@/lib/auth';
import { parseInput } from '@/lib/validation';

/**
 * The alerts of every Alertmanager cluster (HA peers merged), read from the snapshots, never from
 * Alertmanager: `?filter=<matchers and text>&group_by=<label|@route|>&state=active,acknowledged&offset&limit`.
 * Filtered, grouped, ordered and paged on the server (lib/alerts/query.ts); a bad filter is a 422 whose
 * `fields.filter` says what is wrong and where.
 */
export const GET = route('/api/v1/alerts', async (request) => {
  await requireActor();
  const query = parseInput(alertsQuerySchema, Object.fromEntries(new URL(request.url).searchParams));
  return queryAlerts(query);
});

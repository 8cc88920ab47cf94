import { listAlertsOp } from '@/lib/alerts/api';
import { queryAlertsJson } from '@/lib/alerts/query';
import { route } from '@/lib/http/route';

/**
 * The alerts of every Alertmanager cluster (HA peers merged), read from the snapshots, never from
 * Alertmanager. Filtered, grouped, ordered and paged on the server (lib/alerts/query.ts); a bad filter
 * is a 422 whose `fields.filter` says what is wrong and where.
 */
export const GET = route(listAlertsOp, async ({ query }) => queryAlertsJson(query));

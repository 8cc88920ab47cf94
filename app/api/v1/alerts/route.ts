import { listAlertsOp } from '@/lib/alerts/api';
import { queryAlertsJson } from '@/lib/alerts/query';
import { route } from '@/lib/http/route';
import { cachedReadTurns } from '@/lib/http/turn-gate';

/**
 * The alerts of every Alertmanager cluster (HA peers merged), read from the snapshots, never from
 * Alertmanager. Filtered, grouped, ordered and paged on the server (lib/alerts/query.ts); a bad filter
 * is a 422 whose `fields.filter` says what is wrong and where. Served in turns (lib/http/turn-gate.ts):
 * fifty consoles polling it must not hold the event loop the webhook and escalation run on.
 */
export const GET = route(listAlertsOp, async ({ query }) => queryAlertsJson(query), {
  turns: cachedReadTurns(),
});

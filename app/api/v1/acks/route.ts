import { jsonBody, route } from '@/lib/api/route';
import { requireActor } from '@/lib/auth';
import { acknowledgeAlerts } from '@/lib/incidents/acks';

/**
 * `POST /api/v1/acks` `{alerts: [{fingerprint, cluster?}…], comment?, silence?, duration?, incidentId?}`:
 * acknowledges a whole group; each alert's outcome is in `results`.
 */
export const POST = route('/api/v1/acks', async (request) => {
  const actor = await requireActor();
  return acknowledgeAlerts(actor, await jsonBody(request));
});

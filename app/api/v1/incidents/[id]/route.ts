import { jsonBody, route } from '@/lib/api/route';
import { requireActor } from '@/lib/auth';
import { getIncident, updateIncident } from '@/lib/incidents/incidents';

type Params = { id: string };

/** `GET /api/v1/incidents/{id}` (id or INC-<n>): the incident with alerts, notes and timeline. */
export const GET = route<Params>('/api/v1/incidents/[id]', async (_request, { params }) => {
  const actor = await requireActor();
  return getIncident(actor, (await params).id);
});

/** `PATCH /api/v1/incidents/{id}` `{status?, commander?, title?, severity?}`. */
export const PATCH = route<Params>('/api/v1/incidents/[id]', async (request, { params }) => {
  const actor = await requireActor();
  return updateIncident(actor, (await params).id, await jsonBody(request));
});

import { jsonBody, route } from '@/lib/api/route';
import { requireActor } from '@/lib/auth';
import { getPostmortem, savePostmortem } from '@/lib/postmortems/postmortems';
import { incidentParamsSchema } from '@/lib/postmortems/schemas';
import { parseInput } from '@/lib/validation';

/** `GET /api/v1/incidents/{id}/postmortem`: saved, or pre-filled from the incident. */
export const GET = route<{ id: string }>(
  '/api/v1/incidents/[id]/postmortem',
  async (_request, { params }) => {
    const actor = await requireActor();
    const { id } = parseInput(incidentParamsSchema, await params);
    return getPostmortem(actor, id);
  },
);

/** `PUT /api/v1/incidents/{id}/postmortem`: creates or updates; the data layer checks role and status. */
export const PUT = route<{ id: string }>('/api/v1/incidents/[id]/postmortem', async (request, { params }) => {
  const actor = await requireActor();
  const { id } = parseInput(incidentParamsSchema, await params);
  return savePostmortem(actor, id, await jsonBody(request));
});

import { optionalJsonBody, route } from '@/lib/api/route';
import { requireActor } from '@/lib/auth';
import { config } from '@/lib/config/current';
import { escalateParamsSchema } from '@/lib/escalation/api-schema';
import { escalateIncident } from '@/lib/escalation/manual';
import { parseInput } from '@/lib/validation';

/** `POST /api/v1/incidents/{id}/escalate` `{reason?, direction?: 'up'|'down'}`. */
export const POST = route<{ id: string }>('/api/v1/incidents/[id]/escalate', async (request, { params }) => {
  const actor = await requireActor('responder');
  const { id } = parseInput(escalateParamsSchema, await params);
  return escalateIncident(actor, id, await optionalJsonBody(request), config().escalation.levels);
});

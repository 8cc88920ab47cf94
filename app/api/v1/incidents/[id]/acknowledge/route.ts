import { optionalJsonBody, route } from '@/lib/api/route';
import { requireActor } from '@/lib/auth';
import { acknowledgeIncident } from '@/lib/incidents/incidents';

/** `POST /api/v1/incidents/{id}/acknowledge` `{reason?}` (a bare POST works too): stops escalation. */
export const POST = route<{ id: string }>(
  '/api/v1/incidents/[id]/acknowledge',
  async (request, { params }) => {
    const actor = await requireActor();
    return acknowledgeIncident(actor, (await params).id, await optionalJsonBody(request));
  },
);

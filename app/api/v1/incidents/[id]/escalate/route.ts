import { escalateIncidentOp } from '@/lib/escalation/api';
import { escalateIncident } from '@/lib/escalation/manual';
import { route } from '@/lib/http/route';

export const POST = route(escalateIncidentOp, async ({ params, body }, { actor }) =>
  escalateIncident(actor, params.id, body),
);

import { route } from '@/lib/http/route';
import { acknowledgeIncidentOp } from '@/lib/incidents/api';
import { acknowledgeIncident } from '@/lib/incidents/incidents';

export const POST = route(acknowledgeIncidentOp, async ({ params, body }, { actor }) =>
  acknowledgeIncident(actor, params.id, body),
);

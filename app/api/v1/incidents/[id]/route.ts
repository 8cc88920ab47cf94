import { route } from '@/lib/http/route';
import { getIncidentOp, updateIncidentOp } from '@/lib/incidents/api';
import { getIncident, updateIncident } from '@/lib/incidents/incidents';

export const GET = route(getIncidentOp, async ({ params }, { actor }) => getIncident(actor, params.id));

export const PATCH = route(updateIncidentOp, async ({ params, body }, { actor }) =>
  updateIncident(actor, params.id, body),
);

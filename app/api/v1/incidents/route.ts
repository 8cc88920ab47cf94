import { route } from '@/lib/http/route';
import { listIncidentsOp, openIncidentOp } from '@/lib/incidents/api';
import { createIncident, listIncidents } from '@/lib/incidents/incidents';

export const GET = route(listIncidentsOp, async ({ query }, { actor }) => listIncidents(actor, query));

export const POST = route(openIncidentOp, async ({ body }, { actor }) => createIncident(actor, body));

import { route } from '@/lib/http/route';
import { linkIncidentAlertsOp } from '@/lib/incidents/api';
import { linkAlerts } from '@/lib/incidents/link-alerts';

export const POST = route(linkIncidentAlertsOp, async ({ params, body }, { actor }) =>
  linkAlerts(actor, params.id, body),
);

import { route } from '@/lib/http/route';
import { acknowledgeAlertsOp } from '@/lib/incidents/ack-api';
import { acknowledgeAlerts } from '@/lib/incidents/acks';

/** Acknowledges a whole group; each alert's outcome is in `results`. */
export const POST = route(acknowledgeAlertsOp, async ({ body }, { actor }) => acknowledgeAlerts(actor, body));

import { route } from '@/lib/http/route';
import { acknowledgeAlertOp, unacknowledgeAlertOp } from '@/lib/incidents/ack-api';
import { acknowledgeAlert, unacknowledgeAlert } from '@/lib/incidents/acks';

/**
 * Acknowledges the alert (and silences exactly it, by default); 409 when it is acknowledged already.
 * The cluster is `?cluster=`, else the body's.
 */
export const POST = route(acknowledgeAlertOp, async ({ params, query, body }, { actor }) =>
  acknowledgeAlert(actor, { fingerprint: params.fingerprint, cluster: query.cluster }, body),
);

/** Ends the acknowledgement and expires its silence. */
export const DELETE = route(unacknowledgeAlertOp, async ({ params, query }, { actor }) =>
  unacknowledgeAlert(actor, { fingerprint: params.fingerprint, cluster: query.cluster }),
);

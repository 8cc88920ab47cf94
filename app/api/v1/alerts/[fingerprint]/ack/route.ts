import { alertDetailParamsSchema } from '@/lib/alerts/detail';
import { optionalJsonBody, route } from '@/lib/api/route';
import { requireActor } from '@/lib/auth';
import { acknowledgeAlert, unacknowledgeAlert } from '@/lib/incidents/acks';
import { parseInput } from '@/lib/validation';

/**
 * `POST /api/v1/alerts/{fingerprint}/ack` `{comment?, silence?, duration?, incidentId?, cluster?}`:
 * acknowledges the alert (and silences exactly it, by default). 409 when it is acknowledged already.
 * `DELETE …/ack[?cluster=]`: ends the acknowledgement and expires its silence.
 */

async function target(request: Request, params: Promise<{ fingerprint: string }>) {
  return parseInput(alertDetailParamsSchema, {
    ...Object.fromEntries(new URL(request.url).searchParams),
    ...(await params),
  });
}

export const POST = route<{ fingerprint: string }>(
  '/api/v1/alerts/[fingerprint]/ack',
  async (request, { params }) => {
    const actor = await requireActor('responder');
    const body = await optionalJsonBody(request);
    return Response.json(await acknowledgeAlert(actor, await target(request, params), body), { status: 201 });
  },
);

export const DELETE = route<{ fingerprint: string }>(
  '/api/v1/alerts/[fingerprint]/ack',
  async (request, { params }) => {
    const actor = await requireActor('responder');
    return unacknowledgeAlert(actor, await target(request, params));
  },
);

import { jsonBody, route } from '@/lib/api/route';
import { requireActor } from '@/lib/auth';
import { createIncident, listIncidents } from '@/lib/incidents/incidents';

/** `GET /api/v1/incidents?status=&severity=&q=&limit=` → `{incidents, averages: {mttaSeconds, mttrSeconds}}`. */
export const GET = route('/api/v1/incidents', async (request) => {
  const actor = await requireActor();
  return listIncidents(actor, Object.fromEntries(new URL(request.url).searchParams));
});

/** `POST /api/v1/incidents` `{title?, severity?, alerts: [fingerprint | {fingerprint, cluster?}]}` → 201. */
export const POST = route('/api/v1/incidents', async (request) => {
  const actor = await requireActor();
  return Response.json(await createIncident(actor, await jsonBody(request)), { status: 201 });
});

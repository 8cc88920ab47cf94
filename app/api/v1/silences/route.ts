import { jsonBody, route } from '@/lib/api/route';
import { requireActor } from '@/lib/auth';
import { createSilence, listSilences } from '@/lib/incidents/silences';

/** `GET /api/v1/silences?state=&filter=&creator=&cluster=`: every silence Alertmanager holds. */
export const GET = route('/api/v1/silences', async (request) => {
  const actor = await requireActor();
  return listSilences(actor, Object.fromEntries(new URL(request.url).searchParams));
});

/**
 * `POST /api/v1/silences` `{matchers: 'a="b", c=~"d.*"' | [{name, value, isRegex, isEqual}],
 * duration: '4h' | endsAt, startsAt?, comment, incidentId?, cluster?}` → `{id, silenceId, cluster}`.
 */
export const POST = route('/api/v1/silences', async (request) => {
  const actor = await requireActor();
  return Response.json(await createSilence(actor, await jsonBody(request)), { status: 201 });
});

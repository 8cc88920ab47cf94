import { jsonBody, route } from '@/lib/api/route';
import { requireActor } from '@/lib/auth';
import { previewSilenceMatchers } from '@/lib/incidents/silences';

/** `POST /api/v1/silences/preview` `{matchers, cluster?}`: the alerts these matchers would silence now. */
export const POST = route('/api/v1/silences/preview', async (request) => {
  const actor = await requireActor();
  return previewSilenceMatchers(actor, await jsonBody(request));
});

import { jsonBody, route } from '@/lib/api/route';
import { requireActor } from '@/lib/auth';
import { silenceIdParamsSchema } from '@/lib/incidents/silence-schemas';
import { expireSilenceById, updateSilence } from '@/lib/incidents/silences';
import { parseInput } from '@/lib/validation';

/** `PUT /api/v1/silences/{id}`: edit or extend; fields left out keep their values. */
export const PUT = route<{ id: string }>('/api/v1/silences/[id]', async (request, { params }) => {
  const actor = await requireActor();
  const { id } = parseInput(silenceIdParamsSchema, await params);
  return updateSilence(actor, id, await jsonBody(request));
});

/** `DELETE /api/v1/silences/{id}[?cluster=]`: expires the silence. */
export const DELETE = route<{ id: string }>('/api/v1/silences/[id]', async (request, { params }) => {
  const actor = await requireActor();
  const { id } = parseInput(silenceIdParamsSchema, await params);
  return expireSilenceById(actor, id, new URL(request.url).searchParams.get('cluster') ?? undefined);
});

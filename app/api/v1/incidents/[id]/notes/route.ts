import { jsonBody, route } from '@/lib/api/route';
import { requireActor } from '@/lib/auth';
import { addNote } from '@/lib/incidents/notes';

/** `POST /api/v1/incidents/{id}/notes` `{body}` (Markdown) → 201 with the note. */
export const POST = route<{ id: string }>('/api/v1/incidents/[id]/notes', async (request, { params }) => {
  const actor = await requireActor();
  return Response.json(await addNote(actor, (await params).id, await jsonBody(request)), { status: 201 });
});

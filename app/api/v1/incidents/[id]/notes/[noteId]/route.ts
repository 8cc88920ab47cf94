import { jsonBody, route } from '@/lib/api/route';
import { requireActor } from '@/lib/auth';
import { editNote } from '@/lib/incidents/notes';

/** `PATCH /api/v1/incidents/{id}/notes/{noteId}` `{body}`: the note's author only. */
export const PATCH = route<{ id: string; noteId: string }>(
  '/api/v1/incidents/[id]/notes/[noteId]',
  async (request, { params }) => {
    const actor = await requireActor();
    const { id, noteId } = await params;
    return editNote(actor, id, noteId, await jsonBody(request));
  },
);

import { route } from '@/lib/http/route';
import { editNoteOp } from '@/lib/incidents/api';
import { editNote } from '@/lib/incidents/notes';

export const PATCH = route(editNoteOp, async ({ params, body }, { actor }) =>
  editNote(actor, params.id, params.noteId, body),
);

import { route } from '@/lib/http/route';
import { addNoteOp } from '@/lib/incidents/api';
import { addNote } from '@/lib/incidents/notes';

export const POST = route(addNoteOp, async ({ params, body }, { actor }) => addNote(actor, params.id, body));

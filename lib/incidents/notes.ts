import 'server-only';
import { audit } from '@/lib/audit';
import { type Actor, assertRole } from '@/lib/auth/actor';
import { ForbiddenError, NotFoundError } from '@/lib/errors';
import { incidentLabel, parseIncidentRef } from './incident-ref';
import type { IncidentNote, NoteBody } from './incident-schemas';
import { mutate } from './mutation';
import { recordEvent } from './record-event';
import { firstLine } from './timeline';

/**
 * Notes on an incident: Markdown, stored exactly as written (rendering makes raw HTML inert, see
 * components/incidents/note-body.tsx). Responders add notes; only a note's author may edit it, and the
 * edit is shown as "edited" (editedAt). Each change has a timeline event and an audit row.
 */

const author = (actor: Actor) => ({ id: actor.id, name: actor.name || actor.email });

/** `POST /api/v1/incidents/{id}/notes` `{body}`. */
export async function addNote(actor: Actor, ref: string, { body }: NoteBody): Promise<IncidentNote> {
  assertRole(actor, 'responder');
  return mutate('the note', async (tx) => {
    const incident = await tx.incident.findUnique({
      where: parseIncidentRef(ref),
      select: { id: true, number: true },
    });
    if (!incident) throw new NotFoundError(`There is no incident ${ref}.`);
    const note = await tx.note.create({ data: { incidentId: incident.id, authorId: actor.id, body } });
    await recordEvent(tx, {
      incidentId: incident.id,
      type: 'note.added',
      at: note.createdAt,
      actorId: actor.id,
      data: { noteId: note.id, excerpt: firstLine(body, 80) },
    });
    await audit(tx, actor, 'incident.note_added', incidentLabel(incident.number), { noteId: note.id });
    return {
      id: note.id,
      body: note.body,
      author: author(actor),
      createdAt: note.createdAt.toISOString(),
      editedAt: null,
    };
  });
}

/** `PATCH /api/v1/incidents/{id}/notes/{noteId}` `{body}`: the author only (ForbiddenError otherwise). */
export async function editNote(
  actor: Actor,
  ref: string,
  noteId: string,
  { body }: NoteBody,
): Promise<IncidentNote> {
  assertRole(actor, 'responder');
  return mutate('the note', async (tx) => {
    const incident = await tx.incident.findUnique({
      where: parseIncidentRef(ref),
      select: { id: true, number: true },
    });
    const note = incident
      ? await tx.note.findFirst({ where: { id: noteId, incidentId: incident.id } })
      : null;
    if (!incident || !note) throw new NotFoundError(`Incident ${ref} has no note ${noteId}.`);
    if (note.authorId !== actor.id)
      throw new ForbiddenError('Only the author of a note can edit it; add a note of your own instead.');
    // Saving the same text again is not an edit.
    if (body === note.body) return { ...answer(note), author: author(actor) };
    const now = new Date();
    const saved = await tx.note.update({ where: { id: note.id }, data: { body, editedAt: now } });
    await recordEvent(tx, {
      incidentId: incident.id,
      type: 'note.edited',
      at: now,
      actorId: actor.id,
      data: { noteId: note.id, excerpt: firstLine(body, 80) },
    });
    await audit(tx, actor, 'incident.note_edited', incidentLabel(incident.number), { noteId: note.id });
    return { ...answer(saved), author: author(actor) };
  });
}

const answer = (note: { id: string; body: string; createdAt: Date; editedAt: Date | null }) => ({
  id: note.id,
  body: note.body,
  createdAt: note.createdAt.toISOString(),
  editedAt: note.editedAt?.toISOString() ?? null,
});

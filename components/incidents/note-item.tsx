'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { LocalTime } from '@/components/format/local-time';
import { formatUtcTitle } from '@/components/format/time';
import { Button } from '@/components/ui/button';
import { ErrorMessage } from '@/components/ui/error-message';
import { useApiMutation } from '@/lib/api/query';
import { editNoteOp } from '@/lib/incidents/api';
import type { IncidentNote } from '@/lib/incidents/incident-schemas';
import { NoteBody } from './note-body';

/** One note; its author may edit it (the note then says "edited"). */
export function NoteItem({
  incidentId,
  note,
  canEdit,
}: {
  incidentId: string;
  note: IncidentNote;
  canEdit: boolean;
}) {
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(note.body);
  const edit = useApiMutation(editNoteOp, {
    onSuccess: () => {
      setEditing(false);
      router.refresh();
    },
  });
  const busy = edit.isPending;
  const save = () => edit.mutate({ params: { id: incidentId, noteId: note.id }, body: { body: draft } });

  return (
    <article className="flex flex-col gap-1 rounded-md border border-border p-3" data-testid="incident-note">
      <header className="flex flex-wrap items-center gap-2 text-xs text-muted">
        <strong className="text-fg">{note.author.name}</strong>
        <LocalTime at={note.createdAt} />
        {note.editedAt ? (
          <span title={`edited ${formatUtcTitle(note.editedAt)}`} data-testid="note-edited">
            (edited)
          </span>
        ) : null}
        {canEdit && !editing ? (
          <Button variant="ghost" className="ml-auto !px-2 !py-0.5 text-xs" onClick={() => setEditing(true)}>
            Edit
          </Button>
        ) : null}
      </header>
      {editing ? (
        <div className="flex flex-col gap-2">
          <label htmlFor={`note-${note.id}`} className="sr-only">
            Edit note
          </label>
          <textarea
            id={`note-${note.id}`}
            className="min-h-24 rounded-md border border-border bg-surface p-2 text-sm"
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
          />
          <div className="flex gap-2">
            <Button disabled={busy || !draft.trim()} onClick={save}>
              {busy ? 'Saving…' : 'Save'}
            </Button>
            <Button
              variant="secondary"
              onClick={() => {
                setDraft(note.body);
                setEditing(false);
              }}
            >
              Cancel
            </Button>
          </div>
        </div>
      ) : (
        <NoteBody markdown={note.body} />
      )}
      <ErrorMessage error={edit.error} />
    </article>
  );
}

'use client';

import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorMessage } from '@/components/ui/error-message';
import { useApiMutation } from '@/lib/api/query';
import { addNoteOp } from '@/lib/incidents/api';

/** Adds a Markdown note to the incident. */
export function NoteForm({ incidentId }: { incidentId: string }) {
  const router = useRouter();
  const [body, setBody] = useState('');
  const add = useApiMutation(addNoteOp, {
    onSuccess: () => {
      setBody('');
      router.refresh();
    },
  });
  const busy = add.isPending;

  function submit(event: FormEvent) {
    event.preventDefault();
    add.mutate({ params: { id: incidentId }, body: { body } });
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-2">
      <label htmlFor="new-note" className="text-sm font-medium">
        Add a note (Markdown)
      </label>
      <textarea
        id="new-note"
        className="min-h-24 rounded-md border border-border bg-surface p-2 text-sm"
        value={body}
        onChange={(e) => setBody(e.target.value)}
      />
      <div>
        <Button type="submit" disabled={busy || !body.trim()}>
          {busy ? 'Adding…' : 'Add note'}
        </Button>
      </div>
      <ErrorMessage error={add.error} />
    </form>
  );
}

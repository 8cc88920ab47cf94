'use client';

import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { Button } from '@/components/ui/button';
import { addNote } from './incident-api';

/** Adds a Markdown note to the incident. */
export function NoteForm({ incidentId }: { incidentId: string }) {
  const router = useRouter();
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await addNote(incidentId, body);
      setBody('');
      router.refresh();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
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
      {error ? (
        <p role="alert" className="text-sm text-danger">
          {error}
        </p>
      ) : null}
    </form>
  );
}

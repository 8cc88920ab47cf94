'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Dialog, DialogActions, DialogTitle } from '@/components/ui/dialog';
import type { AlertItem } from '@/lib/alerts/api-schema';
import { callApi } from '@/lib/api/client';
import { invalidateAfter } from '@/lib/api/query';
import { createSilenceOp } from '@/lib/incidents/silence-api';
import { selectionSilences, silenceSummary } from './bulk-actions';

const DURATIONS = ['1h', '2h', '4h', '1d'] as const;

/**
 * Silence the alerts ticked in the list: one silence per alert on exactly its labels, so nothing else
 * is muted; a comment says why. The answer says how many silences were created and why any failed.
 */
export function BulkSilenceDialog({
  alerts,
  onClose,
  onDone,
}: {
  alerts: readonly AlertItem[];
  onClose: () => void;
  onDone: (summary: string) => void;
}) {
  const queryClient = useQueryClient();
  const [comment, setComment] = useState('');
  const [duration, setDuration] = useState<string>('2h');
  const [saving, setSaving] = useState(false);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setSaving(true);
    const bodies = selectionSilences(alerts, { duration, comment: comment.trim() });
    const settled = await Promise.allSettled(bodies.map((body) => callApi(createSilenceOp, { body })));
    await invalidateAfter(queryClient, createSilenceOp);
    setSaving(false);
    onDone(silenceSummary(settled));
  }

  return (
    <Dialog onClose={onClose} className="w-[min(32rem,calc(100vw-1.5rem))]">
      <form onSubmit={submit} className="flex flex-col gap-3">
        <DialogTitle>
          Silence {alerts.length} selected alert{alerts.length === 1 ? '' : 's'}
        </DialogTitle>
        <p className="text-sm text-muted">One silence per alert, matching exactly its labels.</p>
        <label className="flex flex-col gap-1 text-sm">
          <span>Why (required)</span>
          <textarea
            autoFocus
            required
            rows={2}
            maxLength={2000}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            placeholder="Planned maintenance"
            className="rounded-md border border-border bg-bg px-2 py-1.5"
          />
        </label>
        <label className="flex items-center gap-2 text-sm">
          <span className="text-muted">For</span>
          <select
            aria-label="Silence duration"
            value={duration}
            onChange={(e) => setDuration(e.target.value)}
            className="rounded-md border border-border bg-bg px-2 py-1"
          >
            {DURATIONS.map((d) => (
              <option key={d}>{d}</option>
            ))}
          </select>
        </label>
        <DialogActions onCancel={onClose} disabled={saving || comment.trim() === ''}>
          {saving ? 'Silencing…' : `Silence ${alerts.length}`}
        </DialogActions>
      </form>
    </Dialog>
  );
}

'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Dialog, DialogActions, DialogTitle } from '@/components/ui/dialog';
import { ErrorMessage } from '@/components/ui/error-message';
import { useToast } from '@/components/ui/toast';
import { errorText } from '@/lib/api/client';
import { invalidateAfter } from '@/lib/api/query';
import { acknowledgeAlertOp } from '@/lib/incidents/ack-api';
import { acknowledge, acknowledgeMany } from './ack-api';
import { acknowledgedBy } from './alert-cache';
import { ackSummary } from './bulk-actions';
import { useChangeCachedAlert } from './use-alert-cache';

export type AckTarget = {
  /** "InstanceDown on db-1", or "the group alertname=\"X\" (12 alerts)". */
  title: string;
  count: number;
  /** The alerts to acknowledge; a group's are fetched when the user confirms. */
  alerts: () => Promise<{ fingerprint: string; cluster: string }[]>;
};

const DURATIONS = ['30m', '1h', '4h', '1d'] as const;

/**
 * Acknowledge one alert or a group: an optional comment, and whether (and for how long at first) to
 * silence it in Alertmanager. Enter in the comment acknowledges; Escape cancels.
 */
export function AckDialog({
  target,
  onClose,
  onAcknowledged,
}: {
  target: AckTarget;
  onClose: () => void;
  /** Told what came of it ("2 acknowledged, 1 failed (…)."), for acting on a selection. */
  onAcknowledged?: (summary: string) => void;
}) {
  const queryClient = useQueryClient();
  const changeAlert = useChangeCachedAlert();
  const confirm = useToast();
  const [comment, setComment] = useState('');
  const [silence, setSilence] = useState(true);
  const [duration, setDuration] = useState<string>('1h');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [skipped, setSkipped] = useState<string[]>([]);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setSaving(true);
    setError(null);
    const body = { comment: comment.trim() || undefined, silence, ...(silence ? { duration } : {}) };
    try {
      const alerts = await target.alerts();
      // A group's alerts are fetched unacknowledged only: none left means someone was quicker.
      if (alerts.length === 0) throw new Error('Every alert here is already acknowledged: nothing to do.');
      if (alerts.length === 1 && alerts[0]) {
        const outcome = await acknowledge(alerts[0].fingerprint, alerts[0].cluster, body);
        changeAlert(outcome, acknowledgedBy(outcome));
        confirm(outcome.silenceId ? 'Acknowledged and silenced while it fires' : 'Acknowledged');
        onAcknowledged?.('1 acknowledged.');
      } else {
        const results = await acknowledgeMany(alerts, body);
        let done = 0;
        for (const r of results)
          if (r.status === 'acknowledged') {
            done++;
            changeAlert(r, acknowledgedBy(r));
          }
        onAcknowledged?.(ackSummary(results));
        const notDone = results.filter((r) => r.status !== 'acknowledged' && r.status !== 'already');
        if (notDone.length > 0) setSkipped(notDone.map((r) => ('message' in r ? r.message : r.fingerprint)));
        if (notDone.length === results.length)
          throw new Error(
            notDone[0] && 'message' in notDone[0] ? notDone[0].message : 'Nothing was acknowledged.',
          );
        confirm(`Acknowledged ${done} alert${done === 1 ? '' : 's'}`);
      }
      // The cache shows the answer already; the refetch (one alert or a group: both operations change
      // the same cached families) confirms it in the background.
      void invalidateAfter(queryClient, acknowledgeAlertOp);
      onClose();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Dialog onClose={onClose} className="w-[min(32rem,calc(100vw-1.5rem))]">
      <form onSubmit={submit} className="flex flex-col gap-3">
        <DialogTitle>Acknowledge {target.title}</DialogTitle>
        <label className="flex flex-col gap-1 text-sm">
          <span>Comment (optional)</span>
          <textarea
            autoFocus
            rows={2}
            maxLength={2000}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !e.shiftKey) {
                e.preventDefault();
                e.currentTarget.form?.requestSubmit();
              }
            }}
            placeholder="Looking into it"
            className="rounded-md border border-border bg-bg px-2 py-1.5"
          />
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={silence} onChange={(e) => setSilence(e.target.checked)} />
          Silence {target.count === 1 ? 'it' : 'each alert'} in Alertmanager until it resolves
        </label>
        {silence ? (
          <label className="flex flex-wrap items-center gap-2 text-sm">
            <span className="text-muted">Extended every</span>
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
            <span className="text-muted">while firing; expired when it resolves.</span>
          </label>
        ) : null}
        <ErrorMessage error={error} />
        {skipped.length > 0 ? (
          <p className="text-xs text-muted">
            {skipped.length} not acknowledged: {skipped.slice(0, 3).join('; ')}
          </p>
        ) : null}
        <DialogActions onCancel={onClose} disabled={saving}>
          {saving ? 'Acknowledging…' : target.count === 1 ? 'Acknowledge' : `Acknowledge ${target.count}`}
        </DialogActions>
      </form>
    </Dialog>
  );
}

'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/field';
import { escalateIncident } from './incident-api';

/**
 * Escalate or de-escalate by hand, with a reason (POST /api/v1/incidents/{id}/escalate, the escalation
 * feature's route); the current level is shown beside it by the page.
 */
export function EscalateControl({ incidentId, level }: { incidentId: string; level: number }) {
  const router = useRouter();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function send(direction: 'up' | 'down') {
    setBusy(true);
    setError(null);
    try {
      await escalateIncident(incidentId, { reason: reason.trim(), direction });
      setReason('');
      router.refresh();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="flex flex-col gap-2" data-testid="escalate-control">
      <div className="flex flex-wrap items-end gap-2">
        <div className="flex flex-col gap-1">
          <label htmlFor="escalation-reason" className="text-sm font-medium">
            Reason
          </label>
          <Input
            id="escalation-reason"
            className="w-64"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </div>
        <Button variant="secondary" disabled={busy || !reason.trim()} onClick={() => send('up')}>
          Escalate
        </Button>
        <Button
          variant="secondary"
          disabled={busy || !reason.trim() || level <= 0}
          onClick={() => send('down')}
        >
          De-escalate
        </Button>
      </div>
      {error ? (
        <p role="alert" className="text-sm text-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}

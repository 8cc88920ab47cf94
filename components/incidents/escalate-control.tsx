'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorMessage } from '@/components/ui/error-message';
import { Input } from '@/components/ui/field';
import { useApiMutation } from '@/lib/api/query';
import { escalateIncidentOp } from '@/lib/escalation/api';

/**
 * Escalate or de-escalate by hand, with a reason (POST /api/v1/incidents/{id}/escalate, the escalation
 * feature's route); the current level is shown beside it by the page.
 */
export function EscalateControl({ incidentId, level }: { incidentId: string; level: number }) {
  const router = useRouter();
  const [reason, setReason] = useState('');
  const escalate = useApiMutation(escalateIncidentOp, {
    onSuccess: () => {
      setReason('');
      router.refresh();
    },
  });
  const busy = escalate.isPending;
  const send = (direction: 'up' | 'down') =>
    escalate.mutate({ params: { id: incidentId }, body: { reason: reason.trim(), direction } });

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
      <ErrorMessage error={escalate.error} />
    </div>
  );
}

'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorMessage } from '@/components/ui/error-message';
import { Input } from '@/components/ui/field';
import type { CallInput } from '@/lib/api/operation';
import { useApiMutation } from '@/lib/api/query';
import { acknowledgeIncidentOp, updateIncidentOp } from '@/lib/incidents/api';
import type { IncidentStatus } from '@/lib/incidents/incident-schemas';

/** The next step for each status, as the primary button offers it. */
const NEXT: Record<IncidentStatus, { to: IncidentStatus; label: string } | null> = {
  open: { to: 'acknowledged', label: 'Acknowledge' },
  acknowledged: { to: 'mitigated', label: 'Mark mitigated' },
  mitigated: { to: 'resolved', label: 'Resolve' },
  resolved: null,
};

/** Responder actions on an incident: move its status on, resolve, reopen, set the commander. */
export function IncidentControls({
  incidentId,
  status,
  commander,
}: {
  incidentId: string;
  status: IncidentStatus;
  commander: string | null;
}) {
  const router = useRouter();
  const [commanderInput, setCommanderInput] = useState('');
  const refresh = { onSuccess: () => router.refresh() };
  const acknowledge = useApiMutation(acknowledgeIncidentOp, refresh);
  const update = useApiMutation(updateIncidentOp, refresh);
  const busy = acknowledge.isPending || update.isPending;
  // The refusal of the last action only: starting one clears what the other said.
  const error = acknowledge.error ?? update.error;
  const params = { id: incidentId };
  const change = (body: CallInput<typeof updateIncidentOp>['body'], onSettled?: () => void) => {
    acknowledge.reset();
    update.mutate({ params, body }, { onSettled });
  };
  const acknowledgeNow = () => {
    update.reset();
    acknowledge.mutate({ params, body: {} });
  };

  const next = NEXT[status];
  return (
    <div className="flex flex-col gap-3" data-testid="incident-controls">
      {/* Full-width halves on a phone: a thumb's reach. */}
      <div className="grid grid-cols-2 gap-2 *:w-full sm:flex sm:flex-wrap sm:*:w-auto">
        {next ? (
          <Button
            disabled={busy}
            onClick={() => (next.to === 'acknowledged' ? acknowledgeNow() : change({ status: next.to }))}
          >
            {next.label}
          </Button>
        ) : null}
        {status !== 'resolved' && next?.to !== 'resolved' ? (
          <Button variant="secondary" disabled={busy} onClick={() => change({ status: 'resolved' })}>
            Resolve
          </Button>
        ) : null}
        {status === 'resolved' ? (
          <Button variant="secondary" disabled={busy} onClick={() => change({ status: 'open' })}>
            Reopen
          </Button>
        ) : null}
      </div>
      <form
        className="flex flex-wrap items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          const value = commanderInput.trim();
          change({ commander: value || null }, () => setCommanderInput(''));
        }}
      >
        <div className="flex w-full flex-col gap-1 sm:w-auto">
          <label htmlFor="commander" className="text-sm font-medium">
            Commander (e-mail; empty to clear)
          </label>
          <Input
            id="commander"
            className="w-full sm:w-64"
            placeholder={commander ?? 'nobody yet'}
            value={commanderInput}
            onChange={(e) => setCommanderInput(e.target.value)}
          />
        </div>
        <Button type="submit" variant="secondary" disabled={busy}>
          Set commander
        </Button>
      </form>
      <ErrorMessage error={error} />
    </div>
  );
}

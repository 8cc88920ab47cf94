'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/field';
import type { IncidentStatus } from '@/lib/incidents/incident-schemas';
import { acknowledgeIncident, updateIncident } from './incident-api';

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
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [commanderInput, setCommanderInput] = useState('');

  async function run(action: () => Promise<unknown>) {
    setBusy(true);
    setError(null);
    try {
      await action();
      router.refresh();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  const next = NEXT[status];
  return (
    <div className="flex flex-col gap-3" data-testid="incident-controls">
      <div className="flex flex-wrap gap-2">
        {next ? (
          <Button
            disabled={busy}
            onClick={() =>
              run(() =>
                next.to === 'acknowledged'
                  ? acknowledgeIncident(incidentId)
                  : updateIncident(incidentId, { status: next.to }),
              )
            }
          >
            {next.label}
          </Button>
        ) : null}
        {status !== 'resolved' && next?.to !== 'resolved' ? (
          <Button
            variant="secondary"
            disabled={busy}
            onClick={() => run(() => updateIncident(incidentId, { status: 'resolved' }))}
          >
            Resolve
          </Button>
        ) : null}
        {status === 'resolved' ? (
          <Button
            variant="secondary"
            disabled={busy}
            onClick={() => run(() => updateIncident(incidentId, { status: 'open' }))}
          >
            Reopen
          </Button>
        ) : null}
      </div>
      <form
        className="flex flex-wrap items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          const value = commanderInput.trim();
          run(() => updateIncident(incidentId, { commander: value || null })).then(() =>
            setCommanderInput(''),
          );
        }}
      >
        <div className="flex flex-col gap-1">
          <label htmlFor="commander" className="text-sm font-medium">
            Commander (e-mail; empty to clear)
          </label>
          <Input
            id="commander"
            className="w-64"
            placeholder={commander ?? 'nobody yet'}
            value={commanderInput}
            onChange={(e) => setCommanderInput(e.target.value)}
          />
        </div>
        <Button type="submit" variant="secondary" disabled={busy}>
          Set commander
        </Button>
      </form>
      {error ? (
        <p role="alert" className="text-sm text-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}

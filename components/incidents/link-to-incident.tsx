'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { FormDialog } from '@/components/ui/dialog';
import { ErrorMessage } from '@/components/ui/error-message';
import { useToast } from '@/components/ui/toast';
import { useApiMutation, useApiQuery } from '@/lib/api/query';
import { linkIncidentAlertsOp, listIncidentsOp } from '@/lib/incidents/api';

/**
 * "Add to incident…": links the alert to an incident that is not resolved (one declared before the
 * alert fired, typically), chosen from the active incidents, newest first.
 */
export function LinkToIncident({ alert }: { alert: { fingerprint: string; cluster: string } }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)}>
        Add to incident…
      </Button>
      {open ? <LinkDialog alert={alert} onClose={() => setOpen(false)} /> : null}
    </>
  );
}

function LinkDialog({
  alert,
  onClose,
}: {
  alert: { fingerprint: string; cluster: string };
  onClose: () => void;
}) {
  const confirm = useToast();
  const incidents = useApiQuery(listIncidentsOp, { query: { status: 'active', limit: 50 } });
  const [chosen, setChosen] = useState<string | null>(null);
  const link = useApiMutation(linkIncidentAlertsOp, {
    onSuccess: (incident) => {
      confirm(`Added to ${incident.ref}`);
      onClose();
    },
  });
  const choices = incidents.data?.incidents ?? [];
  return (
    <FormDialog
      title="Add the alert to an incident"
      onClose={onClose}
      onSubmit={() => chosen && link.mutate({ params: { id: chosen }, body: { alerts: [alert] } })}
      submit={link.isPending ? 'Adding…' : 'Add'}
      disabled={!chosen || link.isPending}
      width="32rem"
    >
      {incidents.isPending ? <p className="text-sm text-muted">Loading the active incidents…</p> : null}
      <ErrorMessage error={incidents.error} />
      {incidents.isSuccess && choices.length === 0 ? (
        <p className="text-sm text-muted">No incident is active. Open one for this alert instead.</p>
      ) : null}
      {choices.length > 0 ? (
        <fieldset className="flex max-h-72 flex-col gap-1 overflow-y-auto">
          <legend className="sr-only">Active incidents</legend>
          {choices.map((incident) => (
            <label
              key={incident.id}
              className="flex min-h-11 items-center gap-2 rounded-md px-2 text-sm hover:bg-bg"
            >
              <input
                type="radio"
                name="incident"
                value={incident.ref}
                checked={chosen === incident.ref}
                onChange={() => setChosen(incident.ref)}
              />
              <span className="font-mono text-xs text-muted">{incident.ref}</span>
              <span className="min-w-0 break-words">{incident.title}</span>
            </label>
          ))}
        </fieldset>
      ) : null}
      <ErrorMessage error={link.error} />
    </FormDialog>
  );
}

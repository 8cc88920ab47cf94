'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { FormDialog } from '@/components/ui/dialog';
import { ErrorMessage } from '@/components/ui/error-message';
import { Field, Input, Select } from '@/components/ui/field';
import { useApiMutation } from '@/lib/api/query';
import { openIncidentOp } from '@/lib/incidents/api';

const SEVERITIES = ['critical', 'warning', 'info', 'none'] as const;

/**
 * "Declare incident": opens an incident no alert caught (a customer report, a security event) with a
 * title and a severity, then goes to it. Alerts can be added to it later from each alert.
 */
export function DeclareIncident() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)}>Declare incident</Button>
      {open ? <DeclareIncidentDialog onClose={() => setOpen(false)} /> : null}
    </>
  );
}

function DeclareIncidentDialog({ onClose }: { onClose: () => void }) {
  const router = useRouter();
  const [title, setTitle] = useState('');
  const [severity, setSeverity] = useState<string>('critical');
  const declare = useApiMutation(openIncidentOp, {
    onSuccess: (incident) => router.push(`/incidents/${incident.ref}`),
  });
  // Still busy once declared: the page is on its way to the incident.
  const busy = declare.isPending || declare.isSuccess;
  return (
    <FormDialog
      title="Declare an incident"
      onClose={onClose}
      onSubmit={() => declare.mutate({ body: { title, severity } })}
      submit={busy ? 'Declaring…' : 'Declare'}
      disabled={busy || title.trim() === ''}
      width="32rem"
    >
      <p className="text-sm text-muted">
        For what no alert caught. It escalates like any incident; link alerts to it when they fire.
      </p>
      <Field id="declare-title" label="What is happening" error={declare.error?.fields.title}>
        {(control) => (
          <Input
            {...control}
            autoFocus
            maxLength={200}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            placeholder="Customers report failed checkouts"
          />
        )}
      </Field>
      <Field id="declare-severity" label="Severity">
        <Select id="declare-severity" value={severity} onChange={(e) => setSeverity(e.target.value)}>
          {SEVERITIES.map((s) => (
            <option key={s}>{s}</option>
          ))}
        </Select>
      </Field>
      <ErrorMessage error={declare.error && !declare.error.fields.title ? declare.error : null} />
    </FormDialog>
  );
}

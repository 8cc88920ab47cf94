'use client';

import { useRouter } from 'next/navigation';
import { Button } from '@/components/ui/button';
import { useApiMutation } from '@/lib/api/query';
import { openIncidentOp } from '@/lib/incidents/api';

/** Opens an incident for the given alerts and goes to it. */
export function OpenIncidentButton({
  alerts,
  label = 'Open incident',
}: {
  alerts: { fingerprint: string; cluster: string }[];
  label?: string;
}) {
  const router = useRouter();
  const open = useApiMutation(openIncidentOp, {
    onSuccess: (incident) => router.push(`/incidents/${incident.ref}`),
  });
  // Still busy once opened: the page is on its way to the incident.
  const busy = open.isPending || open.isSuccess;

  return (
    <>
      <Button
        variant="secondary"
        disabled={busy || alerts.length === 0}
        onClick={() => open.mutate({ body: { alerts } })}
      >
        {busy ? 'Opening…' : label}
      </Button>
      {open.error ? (
        <p role="alert" className="basis-full text-sm text-danger">
          {open.error.display}
        </p>
      ) : null}
    </>
  );
}

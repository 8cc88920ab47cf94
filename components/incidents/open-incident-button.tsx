'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { openIncident } from './incident-api';

/** Opens an incident for the given alerts and goes to it. */
export function OpenIncidentButton({
  alerts,
  label = 'Open incident',
}: {
  alerts: { fingerprint: string; cluster: string }[];
  label?: string;
}) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function open() {
    setBusy(true);
    setError(null);
    try {
      const incident = await openIncident({ alerts });
      router.push(`/incidents/${incident.ref}`);
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
    }
  }

  return (
    <>
      <Button variant="secondary" disabled={busy || alerts.length === 0} onClick={open}>
        {busy ? 'Opening…' : label}
      </Button>
      {error ? (
        <p role="alert" className="basis-full text-sm text-danger">
          {error}
        </p>
      ) : null}
    </>
  );
}

'use client';

import { useRouter } from 'next/navigation';
import { Button } from '@/components/ui/button';
import { Link } from '@/components/ui/link';
import type { AlertItem } from '@/lib/alerts/api-schema';
import { useApiMutation } from '@/lib/api/query';
import { openIncidentOp } from '@/lib/incidents/api';
import { existingIncidentHref } from './existing-incident';

/**
 * Opens an incident for the given alerts and goes to it. When the alert is already part of an
 * unresolved incident (`existing`, or the API's 409 says so), it goes to that incident instead.
 */
export function OpenIncidentButton({
  alerts,
  existing,
  label = 'Open incident',
}: {
  alerts: { fingerprint: string; cluster: string }[];
  existing?: AlertItem['incident'];
  label?: string;
}) {
  const router = useRouter();
  const open = useApiMutation(openIncidentOp, {
    onSuccess: (incident) => router.push(`/incidents/${incident.ref}`),
    onError: (error) => {
      const href = existingIncidentHref(error);
      if (href) router.push(href);
    },
  });
  if (existing)
    return (
      <Link
        href={`/incidents/${existing.ref}`}
        className="inline-flex items-center justify-center rounded-md border border-border bg-surface px-3 py-1.5 text-sm font-medium hover:bg-bg focus-visible:outline-2 focus-visible:outline-accent"
      >
        Go to {existing.ref}
      </Link>
    );
  const goingToExisting = existingIncidentHref(open.error) !== null;
  // Still busy once opened (or found open): the page is on its way to the incident.
  const busy = open.isPending || open.isSuccess || goingToExisting;

  return (
    <>
      <Button
        variant="secondary"
        disabled={busy || alerts.length === 0}
        onClick={() => open.mutate({ body: { alerts } })}
      >
        {busy ? 'Opening…' : label}
      </Button>
      {open.error && !goingToExisting ? (
        <p role="alert" className="basis-full text-sm text-danger">
          {open.error.display}
        </p>
      ) : null}
    </>
  );
}

'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';

type Outcome = { ok: boolean; message: string } | null;

/**
 * Escalates the incident straight to this level through `POST /api/v1/incidents/{id}/escalate`; the
 * levels on the way notify their targets once each. A refusal (already there, resolved, no such level)
 * is shown as Vigil words it.
 */
export function EscalateButton({
  incidentId,
  incidentLabel,
  level,
  runbook,
}: {
  incidentId: string;
  incidentLabel: string;
  level: number;
  /** The runbook's slug, named in the escalation's reason on the timeline. */
  runbook: string;
}) {
  const [pending, setPending] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);

  const escalate = async () => {
    setPending(true);
    setOutcome(null);
    try {
      const res = await fetch(`/api/v1/incidents/${encodeURIComponent(incidentId)}/escalate`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ level, reason: `from the runbook ${runbook}` }),
      });
      const body = await res.json().catch(() => ({}));
      if (res.ok) setOutcome({ ok: true, message: `${incidentLabel} escalated to L${level}.` });
      else
        setOutcome({
          ok: false,
          message: `Escalation failed: ${body.error?.message ?? `Vigil answered ${res.status}`}`,
        });
    } catch (e) {
      setOutcome({ ok: false, message: `Escalation failed: ${(e as Error).message}` });
    } finally {
      setPending(false);
    }
  };

  return (
    <div className="mt-2 flex flex-col items-start gap-1">
      <Button variant="danger" onClick={escalate} disabled={pending}>
        Escalate {incidentLabel} to L{level}
      </Button>
      {outcome ? (
        <p
          role={outcome.ok ? 'status' : 'alert'}
          className={`text-sm ${outcome.ok ? 'text-ok' : 'text-danger'}`}
        >
          {outcome.message}
        </p>
      ) : null}
    </div>
  );
}

'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';

type Outcome = { ok: boolean; message: string } | null;

/**
 * Escalates the incident to this level through `POST /api/v1/incidents/{id}/escalate`. That route
 * belongs to the incidents feature; until it exists the server answers 404, and the button says so
 * plainly rather than pretending the escalation happened.
 */
export function EscalateButton({
  incidentId,
  incidentLabel,
  level,
}: {
  incidentId: string;
  incidentLabel: string;
  level: number;
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
        body: JSON.stringify({ level }),
      });
      const body = await res.json().catch(() => ({}));
      if (res.ok) setOutcome({ ok: true, message: `${incidentLabel} escalated to L${level}.` });
      else if (res.status === 404)
        setOutcome({
          ok: false,
          message: `Escalation failed: Vigil answered 404 Not Found${body.error?.message ? ` (${body.error.message})` : ''}. Escalating from a runbook needs the incidents feature; until then, contact L${level} directly.`,
        });
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

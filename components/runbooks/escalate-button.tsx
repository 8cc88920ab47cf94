'use client';

import { Button } from '@/components/ui/button';
import { useApiMutation } from '@/lib/api/query';
import { escalateIncidentOp } from '@/lib/escalation/api';

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
  const escalate = useApiMutation(escalateIncidentOp);
  const outcome = escalate.isSuccess
    ? { ok: true, message: `${incidentLabel} escalated to L${level}.` }
    : escalate.error
      ? { ok: false, message: `Escalation failed: ${escalate.error.display}` }
      : null;

  return (
    <div className="mt-2 flex flex-col items-start gap-1">
      <Button
        variant="danger"
        onClick={() =>
          escalate.mutate({
            params: { id: incidentId },
            // Only ever up: on an incident already past this level, Vigil refuses rather than lowers it.
            body: { level, direction: 'up', reason: `from the runbook ${runbook}` },
          })
        }
        disabled={escalate.isPending}
      >
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

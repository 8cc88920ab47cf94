'use client';

import { Button } from '@/components/ui/button';
import { ErrorMessage } from '@/components/ui/error-message';
import { actOnLinkOp } from '@/lib/actions/api';
import { useApiMutation } from '@/lib/api/query';

/** The one button of an acknowledge link's page; the page itself never acts (see app/a/[token]). */
export function AcknowledgeLinkButton({ token, incidentRef }: { token: string; incidentRef: string }) {
  const ack = useApiMutation(actOnLinkOp);
  if (ack.data)
    return (
      <p role="status" className="text-sm font-medium text-ok">
        {ack.data.incident.ref} acknowledged by {ack.data.actor}. Escalation has stopped.
      </p>
    );
  return (
    <div className="space-y-2">
      <Button className="w-full" disabled={ack.isPending} onClick={() => ack.mutate({ params: { token } })}>
        {ack.isPending ? 'Acknowledging…' : `Acknowledge ${incidentRef}`}
      </Button>
      <ErrorMessage error={ack.error} boxed />
    </div>
  );
}

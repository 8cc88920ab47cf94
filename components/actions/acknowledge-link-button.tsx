'use client';

import type { ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorMessage } from '@/components/ui/error-message';
import { actOnLinkOp } from '@/lib/actions/api';
import { useApiMutation } from '@/lib/api/query';

/**
 * The one button of an acknowledge link's page; the page itself never acts (see app/a/[token]). The
 * page renders the incident's card as it stands and as it will once acknowledged; the button shows the
 * one that is true, so the badge does not say "open" beside "acknowledged".
 */
export function AcknowledgeLinkButton({
  token,
  incidentRef,
  card,
  acknowledgedCard,
}: {
  token: string;
  incidentRef: string;
  card: ReactNode;
  acknowledgedCard: ReactNode;
}) {
  const ack = useApiMutation(actOnLinkOp);
  if (ack.data)
    return (
      <>
        {acknowledgedCard}
        <p role="status" className="text-sm font-medium text-ok">
          {ack.data.incident.ref} acknowledged by {ack.data.actor}. Escalation has stopped.
        </p>
      </>
    );
  return (
    <div className="space-y-4">
      {card}
      <Button className="w-full" disabled={ack.isPending} onClick={() => ack.mutate({ params: { token } })}>
        {ack.isPending ? 'Acknowledging…' : `Acknowledge ${incidentRef}`}
      </Button>
      <ErrorMessage error={ack.error} boxed />
    </div>
  );
}

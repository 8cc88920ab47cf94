'use client';

import { useState } from 'react';
import { LocalTime } from '@/components/format/local-time';
import { OpenIncidentButton } from '@/components/incidents/open-incident-button';
import { LazySilenceDialog } from '@/components/silences/lazy-silence-dialog';
import { Button } from '@/components/ui/button';
import { ErrorMessage } from '@/components/ui/error-message';
import type { AlertItem } from '@/lib/alerts/api-schema';
import { useApiMutation } from '@/lib/api/query';
import { unacknowledgeAlertOp } from '@/lib/incidents/ack-api';
import { AckDialog } from './ack-dialog';
import { alertAckTarget, alertSilenceInitial } from './ack-targets';

/**
 * Who acknowledged the alert and since when, for everyone; for responders, acknowledge,
 * un-acknowledge, silence and open an incident.
 */
export function AlertActions({ alert, canAct }: { alert: AlertItem; canAct: boolean }) {
  const [dialog, setDialog] = useState<'ack' | 'silence' | null>(null);
  const unacknowledge = useApiMutation(unacknowledgeAlertOp);
  const busy = unacknowledge.isPending;
  const unack = () =>
    unacknowledge.mutate({ params: { fingerprint: alert.fingerprint }, query: { cluster: alert.cluster } });

  return (
    <div className="flex flex-col gap-2" data-testid="alert-actions">
      {alert.ack ? (
        <p className="rounded-md border border-ok/40 bg-ok/10 px-2 py-1.5 text-sm" data-testid="ack-status">
          Acknowledged by <strong>{alert.ack.by}</strong> since <LocalTime at={alert.ack.at} />
          {alert.ack.comment ? <>: {alert.ack.comment}</> : null}
        </p>
      ) : null}
      {canAct ? (
        <div className="flex flex-wrap gap-2">
          {alert.ack ? (
            <Button variant="secondary" disabled={busy} onClick={unack}>
              {busy ? 'Un-acknowledging…' : 'Un-acknowledge'}
            </Button>
          ) : (
            <Button onClick={() => setDialog('ack')}>Acknowledge</Button>
          )}
          <Button variant="secondary" onClick={() => setDialog('silence')}>
            Silence…
          </Button>
          <OpenIncidentButton alerts={[{ fingerprint: alert.fingerprint, cluster: alert.cluster }]} />
        </div>
      ) : null}
      <ErrorMessage error={unacknowledge.error} />
      {dialog === 'ack' ? <AckDialog target={alertAckTarget(alert)} onClose={() => setDialog(null)} /> : null}
      {dialog === 'silence' ? (
        <LazySilenceDialog initial={alertSilenceInitial(alert)} onClose={() => setDialog(null)} />
      ) : null}
    </div>
  );
}

'use client';

import { useState } from 'react';
import { LocalTime } from '@/components/format/local-time';
import { LinkToIncident } from '@/components/incidents/link-to-incident';
import { OpenIncidentButton } from '@/components/incidents/open-incident-button';
import { LazySilenceDialog } from '@/components/silences/lazy-silence-dialog';
import { Button } from '@/components/ui/button';
import { ErrorMessage } from '@/components/ui/error-message';
import { useToast } from '@/components/ui/toast';
import type { AlertItem } from '@/lib/alerts/api-schema';
import { useApiMutation } from '@/lib/api/query';
import { unacknowledgeAlertOp } from '@/lib/incidents/ack-api';
import { AckDialog } from './ack-dialog';
import { alertAckTarget, alertSilenceInitial } from './ack-targets';
import { silencedWith } from './alert-cache';
import { useChangeCachedAlert } from './use-alert-cache';

/**
 * Who acknowledged the alert and since when, for everyone; for responders, acknowledge,
 * un-acknowledge, silence, open an incident or add the alert to one.
 */
export function AlertActions({ alert, canAct }: { alert: AlertItem; canAct: boolean }) {
  const [dialog, setDialog] = useState<'ack' | 'silence' | null>(null);
  const changeAlert = useChangeCachedAlert();
  const confirm = useToast();
  const unacknowledge = useApiMutation(unacknowledgeAlertOp, {
    onSuccess: () => confirm('Acknowledgement ended'),
  });
  const busy = unacknowledge.isPending;
  const unack = () =>
    unacknowledge.mutate({ params: { fingerprint: alert.fingerprint }, query: { cluster: alert.cluster } });

  return (
    // On a phone this box dissolves (contents) so its buttons can sit at the end of the whole detail.
    <div className="flex flex-col gap-2 max-sm:contents" data-testid="alert-actions">
      {alert.ack ? (
        <p className="rounded-md border border-ok/40 bg-ok/10 px-2 py-1.5 text-sm" data-testid="ack-status">
          Acknowledged by <strong>{alert.ack.by}</strong> since <LocalTime at={alert.ack.at} />
          {alert.ack.comment ? <>: {alert.ack.comment}</> : null}
        </p>
      ) : null}
      {canAct ? (
        // On a phone the actions stay at the bottom of the screen, full width, while the detail scrolls
        // (last in the detail's column, sticky): a thumb reaches them.
        <div
          className="sticky bottom-0 z-10 -mx-3 grid max-sm:order-last grid-cols-2 gap-2 border-t border-border bg-surface p-3 *:w-full [&>*:first-child]:col-span-2 sm:[&>*:first-child]:col-span-1 sm:static sm:mx-0 sm:flex sm:flex-wrap sm:border-0 sm:p-0 sm:*:w-auto"
          data-testid="alert-action-buttons"
        >
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
          <OpenIncidentButton
            alerts={[{ fingerprint: alert.fingerprint, cluster: alert.cluster }]}
            existing={alert.incident}
          />
          {alert.incident ? null : (
            <LinkToIncident alert={{ fingerprint: alert.fingerprint, cluster: alert.cluster }} />
          )}
        </div>
      ) : null}
      <ErrorMessage error={unacknowledge.error} />
      {dialog === 'ack' ? <AckDialog target={alertAckTarget(alert)} onClose={() => setDialog(null)} /> : null}
      {dialog === 'silence' ? (
        <LazySilenceDialog
          initial={alertSilenceInitial(alert)}
          onClose={() => setDialog(null)}
          onSaved={(saved) => changeAlert(alert, silencedWith(saved.silenceId))}
        />
      ) : null}
    </div>
  );
}

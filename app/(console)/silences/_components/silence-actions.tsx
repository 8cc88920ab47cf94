'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { formatTime } from '@/components/format/time';
import { useTimeZone } from '@/components/format/use-time-zone';
import { silenceErrorText } from '@/components/silences/silence-error';
import { extendedEnd } from '@/components/silences/silence-time';
import { Button } from '@/components/ui/button';
import { callApi } from '@/lib/api/client';
import { invalidateAfter } from '@/lib/api/query';
import { expireSilenceOp, updateSilenceOp } from '@/lib/incidents/silence-api';
import type { SilenceRow } from '@/lib/incidents/silence-list';

const HOUR = 3_600_000;
const EXTENSIONS = [
  { label: '+1h', ms: HOUR },
  { label: '+4h', ms: 4 * HOUR },
] as const;

type Outcome = { ok: boolean; text: string } | null;

/**
 * What a responder can do with one silence: edit, extend from its current end, expire (after a
 * confirmation: its alerts notify again at once), or re-create an expired one. `describedBy` names
 * the row's matchers, so "Expire" is never ambiguous to a screen reader.
 */
export function SilenceActions({
  row,
  describedBy,
  onEdit,
  onRecreate,
}: {
  row: SilenceRow;
  describedBy: string;
  onEdit: () => void;
  onRecreate: () => void;
}) {
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const zone = useTimeZone();
  const confirmRef = useRef<HTMLFieldSetElement>(null);
  const actionsRef = useRef<HTMLDivElement>(null);
  const wasConfirming = useRef(false);
  // The confirmation replaces the button that had focus (and back): move focus along so the keyboard
  // user is not dropped at the top of the page.
  useEffect(() => {
    if (confirming) confirmRef.current?.querySelector('button')?.focus();
    else if (wasConfirming.current)
      actionsRef.current?.querySelector<HTMLButtonElement>('[data-action="expire"]')?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  async function run(action: () => Promise<unknown>, done: string) {
    setBusy(true);
    setOutcome(null);
    try {
      await action();
      setOutcome({ ok: true, text: done });
      // Expiring and extending change the same cached families.
      await invalidateAfter(queryClient, expireSilenceOp);
    } catch (error) {
      setOutcome({ ok: false, text: silenceErrorText(error) });
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  }

  if (row.state === 'expired')
    return (
      <Button variant="secondary" aria-describedby={describedBy} onClick={onRecreate}>
        Re-create
      </Button>
    );

  return (
    <div className="flex flex-col items-end gap-1">
      {confirming ? (
        <fieldset ref={confirmRef} className="flex flex-wrap items-center justify-end gap-1">
          <legend className="sr-only">Confirm expiry</legend>
          <span className="text-xs">Expire now? Its alerts notify again.</span>
          <Button
            variant="danger"
            disabled={busy}
            aria-describedby={describedBy}
            onClick={() =>
              run(
                () => callApi(expireSilenceOp, { params: { id: row.id }, query: { cluster: row.cluster } }),
                'Expired.',
              )
            }
          >
            Yes, expire
          </Button>
          <Button variant="secondary" disabled={busy} onClick={() => setConfirming(false)}>
            Keep
          </Button>
        </fieldset>
      ) : (
        <div ref={actionsRef} className="flex flex-wrap justify-end gap-1">
          <Button variant="secondary" aria-describedby={describedBy} onClick={onEdit}>
            Edit
          </Button>
          <fieldset className="flex gap-1">
            <legend className="sr-only">Extend</legend>
            {EXTENSIONS.map(({ label, ms }) => {
              const endsAt = extendedEnd(row.endsAt, ms);
              return (
                <Button
                  key={label}
                  variant="secondary"
                  disabled={busy}
                  title={`Extend to ${formatTime(endsAt, zone)}`}
                  aria-describedby={describedBy}
                  onClick={() =>
                    run(
                      // The API counts a duration from the start (or now); the end is what moves here.
                      () =>
                        callApi(updateSilenceOp, {
                          params: { id: row.id },
                          body: { endsAt, cluster: row.cluster },
                        }),
                      `Extended to ${formatTime(endsAt, zone)}.`,
                    )
                  }
                >
                  {label}
                </Button>
              );
            })}
          </fieldset>
          <Button
            variant="secondary"
            data-action="expire"
            disabled={busy}
            aria-describedby={describedBy}
            onClick={() => setConfirming(true)}
          >
            Expire
          </Button>
        </div>
      )}
      {outcome ? (
        <p
          role={outcome.ok ? 'status' : 'alert'}
          className={`max-w-72 text-xs ${outcome.ok ? 'text-ok' : 'text-danger'}`}
        >
          {outcome.text}
        </p>
      ) : null}
    </div>
  );
}

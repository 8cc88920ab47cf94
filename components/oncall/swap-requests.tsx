'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { LocalTime } from '@/components/format/local-time';
import { useTimeZone } from '@/components/format/use-time-zone';
import { isoToLocalInput, localInputToIso } from '@/components/oncall/at-input';
import { ZonedRangeFields } from '@/components/oncall/zoned-range-fields';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { FormDialog } from '@/components/ui/dialog';
import { ErrorMessage } from '@/components/ui/error-message';
import { Field, Input, Select } from '@/components/ui/field';
import { useApiMutation, useApiQuery } from '@/lib/api/query';
import { policyTargetsOp } from '@/lib/escalation/api';
import { acceptSwapOp, cancelSwapOp, declineSwapOp, listSwapsOp, requestSwapOp } from '@/lib/schedules/api';
import type { SwapRow } from '@/lib/schedules/schedule-schemas';

/**
 * Shift swaps: "Ask for cover" on one of my shifts (of one person, or of anyone on the schedule), and
 * the requests waiting for me (accept: an override puts me on call over it; decline) and my own
 * (cancel while open).
 */

const who = (p: { name: string | null; email: string } | null) =>
  p ? (p.name ?? p.email) : 'anyone on the schedule';

/** `continues`: no hand-off is planned before `end`, which is only where the look-ahead stopped. */
type Shift = { scheduleId: string; start: string; end: string; continues: boolean };

/** `you`: the asker's id, left out of whom to ask (the API refuses asking oneself). */
export function AskForCover({ you, ...shift }: Shift & { you: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)}>
        Ask for cover
      </Button>
      {open ? <AskDialog {...shift} you={you} onClose={() => setOpen(false)} /> : null}
    </>
  );
}

/**
 * The stretch to cover starts as the whole shift and may be narrowed to part of it (the API checks it
 * is yours). Times are typed in the zone the page writes its times in, and the fields name it. A shift
 * with no hand-off planned has no end to offer: the asker says until when.
 */
function AskDialog({
  scheduleId,
  start,
  end,
  continues,
  you,
  onClose,
}: Shift & {
  you: string;
  onClose: () => void;
}) {
  const router = useRouter();
  // Rendered only after a click, never on the server: already the zone the page's times are in.
  const zone = useTimeZone();
  const people = useApiQuery(policyTargetsOp, {});
  const [target, setTarget] = useState('');
  const [note, setNote] = useState('');
  const [from, setFrom] = useState(() => isoToLocalInput(start, zone));
  const [until, setUntil] = useState(() => (continues ? '' : isoToLocalInput(end, zone)));
  const ask = useApiMutation(requestSwapOp, {
    onSuccess: () => {
      onClose();
      router.refresh();
    },
  });
  // Not a time: '', which the API refuses on that field (see override-controls.tsx).
  const instant = (local: string) => (local ? (localInputToIso(local, zone) ?? '') : '');
  const fields = ask.error?.fields ?? {};
  return (
    <FormDialog
      title="Ask for cover"
      onClose={onClose}
      onSubmit={() =>
        ask.mutate({
          params: { id: scheduleId },
          body: { startsAt: instant(from), endsAt: instant(until), targetUserId: target || null, note },
        })
      }
      submit={ask.isPending ? 'Asking…' : 'Ask'}
      disabled={ask.isPending || !from || !until}
      width="32rem"
    >
      <p className="text-sm" data-testid="swap-shift">
        Your shift: <LocalTime at={start} /> –{' '}
        {continues ? <>no hand-off planned; say until when you need cover.</> : <LocalTime at={end} />}
      </p>
      <ZonedRangeFields
        idPrefix="swap"
        zone={zone}
        from={from}
        until={until}
        onFrom={setFrom}
        onUntil={setUntil}
        errors={fields}
      />
      <Field id="swap-target" label="Ask" error={fields.targetUserId}>
        <Select id="swap-target" value={target} onChange={(e) => setTarget(e.target.value)}>
          <option value="">Anyone on the schedule</option>
          {(people.data?.users ?? [])
            .filter((p) => p.id !== you)
            .map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
        </Select>
      </Field>
      <Field id="swap-note" label="Note (optional)" error={fields.note}>
        {(c) => <Input {...c} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} />}
      </Field>
      <ErrorMessage error={ask.error && Object.keys(fields).length === 0 ? ask.error : null} />
    </FormDialog>
  );
}

/** The open requests for me, and mine; on /oncall. */
export function SwapRequests() {
  const router = useRouter();
  const list = useApiQuery(listSwapsOp, {}, { refetchInterval: 60_000 });
  const done = { onSuccess: () => router.refresh() };
  const accept = useApiMutation(acceptSwapOp, done);
  const decline = useApiMutation(declineSwapOp, done);
  const cancel = useApiMutation(cancelSwapOp, done);
  const forMe = list.data?.forMe ?? [];
  const mine = (list.data?.mine ?? []).filter((s) => s.status === 'open');
  if (forMe.length === 0 && mine.length === 0) return null;
  const line = (s: SwapRow) => (
    <>
      <span className="font-medium">{s.schedule.name}</span> <LocalTime at={s.startsAt} /> –{' '}
      <LocalTime at={s.endsAt} />
      {s.note ? <span className="text-muted"> “{s.note}”</span> : null}
    </>
  );
  return (
    <section
      aria-labelledby="swaps-heading"
      className="rounded-lg border border-border bg-surface p-3 text-sm"
      data-testid="swap-requests"
    >
      <h2 id="swaps-heading" className="mb-2 font-semibold">
        Cover requests
      </h2>
      <ul className="flex flex-col gap-2">
        {forMe.map((s) => (
          <li key={s.id} className="flex flex-wrap items-center gap-2">
            <span>
              {who(s.requester)} asks {s.target ? 'you' : 'anyone'} to cover: {line(s)}
            </span>
            <Button onClick={() => accept.mutate({ params: { id: s.id } })}>Accept</Button>
            {s.target ? (
              <Button variant="secondary" onClick={() => decline.mutate({ params: { id: s.id } })}>
                Decline
              </Button>
            ) : null}
          </li>
        ))}
        {mine.map((s) => (
          <li key={s.id} className="flex flex-wrap items-center gap-2">
            <Badge>waiting</Badge>
            <span>
              You asked {who(s.target)}: {line(s)}
            </span>
            <Button variant="secondary" onClick={() => cancel.mutate({ params: { id: s.id } })}>
              Cancel request
            </Button>
          </li>
        ))}
      </ul>
      <ErrorMessage error={list.error ?? accept.error ?? decline.error ?? cancel.error} />
    </section>
  );
}

'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { LocalTime } from '@/components/format/local-time';
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

type Shift = { scheduleId: string; start: string; end: string };

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

function AskDialog({
  scheduleId,
  start,
  end,
  you,
  onClose,
}: Shift & {
  you: string;
  onClose: () => void;
}) {
  const router = useRouter();
  const people = useApiQuery(policyTargetsOp, {});
  const [target, setTarget] = useState('');
  const [note, setNote] = useState('');
  const ask = useApiMutation(requestSwapOp, {
    onSuccess: () => {
      onClose();
      router.refresh();
    },
  });
  return (
    <FormDialog
      title="Ask for cover"
      onClose={onClose}
      onSubmit={() =>
        ask.mutate({
          params: { id: scheduleId },
          body: { startsAt: start, endsAt: end, targetUserId: target || null, note },
        })
      }
      submit={ask.isPending ? 'Asking…' : 'Ask'}
      disabled={ask.isPending}
      width="30rem"
    >
      <p className="text-sm">
        <LocalTime at={start} /> – <LocalTime at={end} />
      </p>
      <Field id="swap-target" label="Ask">
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
      <Field id="swap-note" label="Note (optional)">
        {(c) => <Input {...c} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} />}
      </Field>
      <ErrorMessage error={ask.error} />
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

'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useTimeZone } from '@/components/format/use-time-zone';
import { localInputToIso } from '@/components/oncall/at-input';
import { ZonedRangeFields } from '@/components/oncall/zoned-range-fields';
import { Button } from '@/components/ui/button';
import { FormDialog } from '@/components/ui/dialog';
import { ErrorMessage } from '@/components/ui/error-message';
import { Field, Input, Select } from '@/components/ui/field';
import { useApiMutation, useApiQuery } from '@/lib/api/query';
import { policyTargetsOp } from '@/lib/escalation/api';
import { createOverrideOp, deleteOverrideOp } from '@/lib/schedules/api';

type Person = { id: string; name: string };

/**
 * "Add override": someone covers a stretch of time on this schedule, above every layer. The times are
 * typed in the zone the page writes its times in (the console's: the reader's own, or UTC by the switch
 * in the user menu), and the fields name it, so an override typed as 10:00 is listed as 10:00.
 * `onlyYou`: the person may not manage the schedule's team, so the API lets them put only themselves
 * on call; the dialog then offers no one else.
 */
export function AddOverride({ scheduleId, onlyYou }: { scheduleId: string; onlyYou: Person | null }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)}>
        Add override
      </Button>
      {open ? (
        <OverrideDialog scheduleId={scheduleId} onlyYou={onlyYou} onClose={() => setOpen(false)} />
      ) : null}
    </>
  );
}

function OverrideDialog({
  scheduleId,
  onlyYou,
  onClose,
}: {
  scheduleId: string;
  onlyYou: Person | null;
  onClose: () => void;
}) {
  const router = useRouter();
  const people = useApiQuery(policyTargetsOp, {}, { enabled: !onlyYou });
  const [userId, setUserId] = useState(onlyYou?.id ?? '');
  const [from, setFrom] = useState('');
  const [until, setUntil] = useState('');
  const [reason, setReason] = useState('');
  const create = useApiMutation(createOverrideOp, {
    onSuccess: () => {
      onClose();
      router.refresh();
    },
  });
  // Rendered only after a click, never on the server: already the zone the page's times are in.
  const zone = useTimeZone();
  // A datetime-local value has no zone: it is read in the one the fields name (a time skipped by a
  // spring-forward change moves forward by the gap, see at-input.ts). Not a time: '', which the API
  // refuses on that field.
  const instant = (local: string) => (local ? (localInputToIso(local, zone) ?? '') : '');
  const fields = create.error?.fields ?? {};
  return (
    <FormDialog
      title="Add an override"
      onClose={onClose}
      onSubmit={() =>
        create.mutate({
          params: { id: scheduleId },
          body: { userId, startsAt: instant(from), endsAt: instant(until), reason },
        })
      }
      submit={create.isPending ? 'Adding…' : 'Add override'}
      disabled={create.isPending || !userId || !from || !until}
      width="32rem"
    >
      <Field id="override-user" label="Who covers" error={fields.userId}>
        <Select id="override-user" value={userId} onChange={(e) => setUserId(e.target.value)}>
          {onlyYou ? (
            <option value={onlyYou.id}>{onlyYou.name} (you: only this team's admins choose others)</option>
          ) : (
            <>
              <option value="">Choose a person…</option>
              {(people.data?.users ?? []).map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </>
          )}
        </Select>
      </Field>
      <ZonedRangeFields
        idPrefix="override"
        zone={zone}
        from={from}
        until={until}
        onFrom={setFrom}
        onUntil={setUntil}
        errors={fields}
      />
      <Field id="override-reason" label="Reason (optional)" error={fields.reason}>
        {(c) => <Input {...c} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      <ErrorMessage error={create.error && Object.keys(fields).length === 0 ? create.error : null} />
    </FormDialog>
  );
}

/** Removes an override (the API decides who may: its person, a team admin or an admin). */
export function DeleteOverride({
  scheduleId,
  overrideId,
  who,
}: {
  scheduleId: string;
  overrideId: string;
  who: string;
}) {
  const router = useRouter();
  const remove = useApiMutation(deleteOverrideOp, { onSuccess: () => router.refresh() });
  return (
    <>
      <Button
        variant="secondary"
        disabled={remove.isPending}
        aria-label={`Remove the override of ${who}`}
        onClick={() => remove.mutate({ params: { id: scheduleId, overrideId } })}
      >
        Remove
      </Button>
      <ErrorMessage error={remove.error} />
    </>
  );
}

'use client';

import { useState } from 'react';
import { useZoneForNew } from '@/components/format/use-time-zone';
import {
  blankForm,
  inputOf,
  type MaintenanceForm,
  type Repeat,
  WEEKDAYS,
  type Weekday,
} from '@/components/silences/maintenance-form';
import { Dialog, DialogActions, DialogTitle } from '@/components/ui/dialog';
import { ErrorMessage } from '@/components/ui/error-message';
import { Field, Input, Select } from '@/components/ui/field';
import { useApiMutation } from '@/lib/api/query';
import { createMaintenanceWindowOp, updateMaintenanceWindowOp } from '@/lib/maintenance/api';

const REPEATS: { value: Repeat; label: string }[] = [
  { value: 'once', label: 'Once' },
  { value: 'daily', label: 'Every day' },
  { value: 'weekly', label: 'Every week on…' },
  { value: 'monthly', label: 'Every month (on the first date’s day)' },
  { value: 'custom', label: 'Custom rule (RFC 5545 RRULE)' },
];
const LEADS = [
  { seconds: 900, label: '15 minutes' },
  { seconds: 3600, label: '1 hour' },
  { seconds: 86_400, label: '1 day' },
];

/**
 * New or edit: a window's name, matchers, first start (a wall-clock time in the window's zone, which the
 * field's label names), zone, length, repetition, comment.
 */
export function MaintenanceDialog({
  initial,
  windowId,
  onClose,
}: {
  initial?: MaintenanceForm;
  /** Set when editing. */
  windowId?: string;
  onClose: () => void;
}) {
  // A new window starts in the reader's own zone (their profile's, else this browser's), also while the
  // switch in the user menu shows UTC: "every Sunday 02:00" should stay 02:00 for them across
  // daylight-saving changes. The dialog opens only after a click, once the browser's zone is known, so
  // the first render has it (no server render to follow, unlike the schedule editor).
  const zoneForNew = useZoneForNew();
  const [form, setForm] = useState<MaintenanceForm>(() => initial ?? blankForm(zoneForNew));
  const [problems, setProblems] = useState<Partial<Record<keyof MaintenanceForm, string>>>({});
  const create = useApiMutation(createMaintenanceWindowOp, { onSuccess: onClose });
  const update = useApiMutation(updateMaintenanceWindowOp, { onSuccess: onClose });
  const saving = create.isPending || update.isPending;
  const error = create.error ?? update.error;
  const fields: Partial<Record<string, string>> = { ...error?.fields, ...problems };
  const set = <K extends keyof MaintenanceForm>(key: K, value: MaintenanceForm[K]) =>
    setForm((f) => ({ ...f, [key]: value }));
  const toggleDay = (day: Weekday) =>
    set('days', form.days.includes(day) ? form.days.filter((d) => d !== day) : [...form.days, day]);

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const result = inputOf(form);
    if ('problems' in result) return setProblems(result.problems);
    setProblems({});
    if (windowId) update.mutate({ params: { id: windowId }, body: result.input });
    else create.mutate({ body: result.input });
  }

  return (
    <Dialog onClose={onClose} className="w-[min(36rem,calc(100vw-1.5rem))]">
      <form onSubmit={submit} className="flex flex-col gap-3">
        <DialogTitle>{windowId ? 'Edit maintenance window' : 'New maintenance window'}</DialogTitle>
        <Field id="mw-name" label="Name" error={fields.name}>
          {(c) => (
            <Input
              {...c}
              autoFocus
              maxLength={100}
              value={form.name}
              onChange={(e) => set('name', e.target.value)}
            />
          )}
        </Field>
        <Field id="mw-matchers" label="Matchers" error={fields.matchers}>
          {(c) => (
            <Input
              {...c}
              value={form.matchers}
              placeholder='service="checkout", env="prod"'
              className="font-mono"
              onChange={(e) => set('matchers', e.target.value)}
            />
          )}
        </Field>
        <div className="grid gap-3 sm:grid-cols-2">
          <Field
            id="mw-start"
            label={`First start (${form.timeZone.trim() || 'the window’s zone'})`}
            error={fields.firstStart}
          >
            {(c) => (
              <Input
                {...c}
                type="datetime-local"
                value={form.firstStart}
                onChange={(e) => set('firstStart', e.target.value.slice(0, 16))}
              />
            )}
          </Field>
          <Field id="mw-zone" label="Time zone" error={fields.timeZone}>
            {(c) => <Input {...c} value={form.timeZone} onChange={(e) => set('timeZone', e.target.value)} />}
          </Field>
          <Field id="mw-duration" label="Lasts" error={fields.duration ?? fields.durationSeconds}>
            {(c) => (
              <Input
                {...c}
                value={form.duration}
                placeholder="2h"
                onChange={(e) => set('duration', e.target.value)}
              />
            )}
          </Field>
          <Field id="mw-lead" label="Silence created ahead by">
            <Select
              id="mw-lead"
              value={form.leadSeconds}
              onChange={(e) => set('leadSeconds', Number(e.target.value))}
            >
              {LEADS.map((l) => (
                <option key={l.seconds} value={l.seconds}>
                  {l.label}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        <Field id="mw-repeat" label="Repeats" error={fields.rrule}>
          <Select
            id="mw-repeat"
            value={form.repeat}
            onChange={(e) => set('repeat', e.target.value as Repeat)}
          >
            {REPEATS.map((r) => (
              <option key={r.value} value={r.value}>
                {r.label}
              </option>
            ))}
          </Select>
        </Field>
        {form.repeat === 'weekly' ? (
          <fieldset
            className="flex flex-wrap gap-1"
            aria-describedby={fields.days ? 'mw-days-error' : undefined}
          >
            <legend className="sr-only">Days of the week</legend>
            {WEEKDAYS.map((day) => (
              <label
                key={day}
                className="flex min-h-11 items-center gap-1 rounded-md border border-border px-2 text-sm"
              >
                <input type="checkbox" checked={form.days.includes(day)} onChange={() => toggleDay(day)} />
                {day}
              </label>
            ))}
            {fields.days ? (
              <p id="mw-days-error" className="basis-full text-sm text-danger">
                {fields.days}
              </p>
            ) : null}
          </fieldset>
        ) : null}
        {form.repeat === 'custom' ? (
          <Field id="mw-rule" label="RRULE" error={fields.rrule}>
            {(c) => (
              <Input
                {...c}
                value={form.customRule}
                placeholder="FREQ=MONTHLY;BYDAY=1SU"
                className="font-mono"
                onChange={(e) => set('customRule', e.target.value)}
              />
            )}
          </Field>
        ) : null}
        <Field id="mw-comment" label="What is the maintenance" error={fields.comment}>
          {(c) => (
            <Input
              {...c}
              maxLength={1000}
              value={form.comment}
              onChange={(e) => set('comment', e.target.value)}
            />
          )}
        </Field>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={form.paused} onChange={(e) => set('paused', e.target.checked)} />
          Paused (no new silences)
        </label>
        <ErrorMessage error={error && Object.keys(error.fields).length === 0 ? error : null} />
        <DialogActions onCancel={onClose} disabled={saving}>
          {saving ? 'Saving…' : windowId ? 'Save' : 'Create window'}
        </DialogActions>
      </form>
    </Dialog>
  );
}

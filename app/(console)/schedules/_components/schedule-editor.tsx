'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useZoneForNew } from '@/components/format/use-time-zone';
import {
  blankLayer,
  blankSchedule,
  inputOf,
  rezoned,
  type ScheduleForm,
  slugOf,
  todayIn,
  unplacedErrors,
} from '@/components/schedules/schedule-form';
import { Button } from '@/components/ui/button';
import { ErrorMessage } from '@/components/ui/error-message';
import { Field, Input, Select } from '@/components/ui/field';
import { useApiMutation, useApiQuery } from '@/lib/api/query';
import { policyTargetsOp } from '@/lib/escalation/api';
import { createScheduleOp, replaceScheduleOp } from '@/lib/schedules/api';
import type { TeamChoices } from '@/lib/teams/team-choices';
import { LayerFields } from './layer-fields';

/**
 * Create or edit a schedule: its name, slug, team and zone, and its layers, lowest first (a later layer
 * overrides earlier ones where it has someone). Saving replaces the layers as a whole; the API checks
 * everything and its field errors show beside their fields. `choices`: the teams this person may save it
 * under (lib/teams/access.ts teamChoices); a responder starts with the first of theirs.
 */
export function ScheduleEditor({
  initial,
  scheduleId,
  choices,
}: {
  initial?: ScheduleForm;
  scheduleId?: string;
  choices: TeamChoices;
}) {
  const router = useRouter();
  // A new schedule starts in the reader's own zone (their profile's, else this browser's), also while the
  // switch in the user menu shows times in UTC: its zone decides when a 09:00 hand-off is, across
  // daylight-saving changes.
  const zone = useZoneForNew();
  const [form, setForm] = useState<ScheduleForm>(
    () => initial ?? blankSchedule(choices.noTeam ? '' : (choices.teams[0]?.id ?? ''), zone, Date.now()),
  );
  // This page is rendered on the server, which knows the profile's zone but not the browser's: for a
  // profile left at UTC the zones start empty and are filled in when the browser says. Adjusted while
  // rendering, not in an effect, so no frame shows the empty fields after the zone is known.
  const [filledZone, setFilledZone] = useState(zone);
  if (!initial && zone !== filledZone) {
    setFilledZone(zone);
    setForm((f) => rezoned(f, filledZone, zone, Date.now()));
  }
  const [slugTouched, setSlugTouched] = useState(Boolean(initial));
  const targets = useApiQuery(policyTargetsOp, {});
  const goTo = (saved: { slug: string }) => router.push(`/schedules/${encodeURIComponent(saved.slug)}`);
  const create = useApiMutation(createScheduleOp, { onSuccess: goTo });
  const replace = useApiMutation(replaceScheduleOp, { onSuccess: goTo });
  const error = create.error ?? replace.error;
  const saving = create.isPending || replace.isPending || create.isSuccess || replace.isSuccess;
  const fields = error?.fields ?? {};
  const people = targets.data?.users ?? [];
  const set = <K extends keyof ScheduleForm>(key: K, value: ScheduleForm[K]) =>
    setForm((f) => ({ ...f, [key]: value }));
  const layerErrors = (i: number) =>
    Object.fromEntries(
      Object.entries(fields)
        .filter(([path]) => path.startsWith(`layers.${i}.`))
        .map(([path, message]) => [path.slice(`layers.${i}.`.length).split('.')[0], message]),
    );

  return (
    <form
      className="flex flex-col gap-4"
      onSubmit={(event) => {
        event.preventDefault();
        const body = inputOf(form);
        if (scheduleId) replace.mutate({ params: { id: scheduleId }, body });
        else create.mutate({ body });
      }}
    >
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id="schedule-name" label="Name" error={fields.name}>
          {(c) => (
            <Input
              {...c}
              autoFocus
              value={form.name}
              onChange={(e) => {
                set('name', e.target.value);
                if (!slugTouched) set('slug', slugOf(e.target.value));
              }}
            />
          )}
        </Field>
        <Field id="schedule-slug" label="Slug (in URLs and YAML)" error={fields.slug}>
          {(c) => (
            <Input
              {...c}
              value={form.slug}
              onChange={(e) => {
                setSlugTouched(true);
                set('slug', e.target.value);
              }}
            />
          )}
        </Field>
        <Field id="schedule-team" label="Team" error={fields.teamId}>
          <Select id="schedule-team" value={form.teamId} onChange={(e) => set('teamId', e.target.value)}>
            {choices.noTeam ? <option value="">No team (admins only)</option> : null}
            {choices.teams.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="schedule-zone" label="Schedule's time zone" error={fields.timeZone}>
          {(c) => <Input {...c} value={form.timeZone} onChange={(e) => set('timeZone', e.target.value)} />}
        </Field>
      </div>
      <Field id="schedule-description" label="Description (optional)" error={fields.description}>
        {(c) => (
          <Input {...c} value={form.description} onChange={(e) => set('description', e.target.value)} />
        )}
      </Field>
      {form.layers.map((layer, i) => (
        <div key={layer.key} className="flex flex-col gap-2">
          <LayerFields
            index={i}
            layer={layer}
            people={people}
            errors={layerErrors(i)}
            onChange={(next) =>
              set(
                'layers',
                form.layers.map((l, j) => (j === i ? next : l)),
              )
            }
          />
          <Button
            type="button"
            variant="secondary"
            className="self-start"
            onClick={() =>
              set(
                'layers',
                form.layers.filter((_, j) => j !== i),
              )
            }
          >
            Remove layer {i + 1}
          </Button>
        </div>
      ))}
      <Button
        type="button"
        variant="secondary"
        className="self-start"
        onClick={() =>
          set('layers', [
            ...form.layers,
            {
              ...blankLayer(form.timeZone, todayIn(Date.now(), form.timeZone)),
              name: `Layer ${form.layers.length + 1}`,
            },
          ])
        }
      >
        Add a layer (above the others)
      </Button>
      {/* Field errors show beside their fields; below, only the answer's message or what has no field. */}
      <ErrorMessage error={error && Object.keys(fields).length === 0 ? error : null} />
      {unplacedErrors(fields).map((message) => (
        <p key={message} role="alert" className="text-sm text-danger">
          {message}
        </p>
      ))}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={saving}>
          {saving ? 'Saving…' : scheduleId ? 'Save schedule' : 'Create schedule'}
        </Button>
      </div>
    </form>
  );
}

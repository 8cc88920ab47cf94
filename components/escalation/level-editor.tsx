'use client';

import type { LevelForm, TargetKey } from '@/components/escalation/policy-form';
import { Button } from '@/components/ui/button';
import { Field, FieldError, Input, Select } from '@/components/ui/field';
import type { PolicyTargets } from '@/lib/escalation/policy-schemas';

/**
 * One level of the policy editor: its name, the wait before it, whom it pages (picked from schedules,
 * users and VIGIL_CONFIG's channels, each removable), and buttons to move or remove it.
 */
export function LevelEditor({
  index,
  count,
  level,
  options,
  error,
  onChange,
  onMove,
  onRemove,
}: {
  index: number;
  count: number;
  level: LevelForm;
  options: PolicyTargets | undefined;
  error?: string;
  onChange: (level: LevelForm) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
}) {
  const id = `level-${level.key}`;
  const label = (key: TargetKey) => targetLabel(key, options);
  const add = (key: string) => {
    if (key && !level.targets.includes(key as TargetKey))
      onChange({ ...level, targets: [...level.targets, key as TargetKey] });
  };
  return (
    <fieldset
      className="flex flex-col gap-2 rounded-md border border-border p-2"
      aria-invalid={Boolean(error)}
      aria-describedby={error ? `${id}-error` : undefined}
      data-testid="level-editor"
    >
      <legend className="px-1 text-sm font-medium">Level {index + 1}</legend>
      <div className="grid gap-2 sm:grid-cols-2">
        <Field id={`${id}-name`} label="Level name">
          <Input
            id={`${id}-name`}
            value={level.name}
            maxLength={100}
            placeholder="On-call SRE"
            onChange={(e) => onChange({ ...level, name: e.target.value })}
          />
        </Field>
        <Field
          id={`${id}-wait`}
          label={index === 0 ? 'Wait after the incident opens (min)' : 'Wait after the previous level (min)'}
        >
          <Input
            id={`${id}-wait`}
            inputMode="decimal"
            value={level.waitMinutes}
            onChange={(e) => onChange({ ...level, waitMinutes: e.target.value })}
          />
        </Field>
      </div>
      <ul className="flex flex-wrap gap-1" aria-label={`Level ${index + 1} pages`}>
        {level.targets.map((t) => (
          <li key={t} className="flex items-center gap-1 rounded border border-border py-0.5 pl-2 text-sm">
            {label(t)}
            <button
              type="button"
              className="inline-flex size-8 items-center justify-center rounded hover:bg-bg max-sm:size-11"
              aria-label={`Remove ${label(t)}`}
              onClick={() => onChange({ ...level, targets: level.targets.filter((x) => x !== t) })}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <Field id={`${id}-add`} label="Add whom to page">
        <Select id={`${id}-add`} value="" onChange={(e) => add(e.target.value)}>
          <option value="">Pick a schedule, a person or a channel…</option>
          <optgroup label="On call on a schedule">
            {options?.schedules.map((s) => (
              <option key={s.id} value={`schedule:${s.id}`}>
                {s.name}
              </option>
            ))}
          </optgroup>
          <optgroup label="A person">
            {options?.users.map((u) => (
              <option key={u.id} value={`user:${u.id}`}>
                {u.name === u.email ? u.name : `${u.name} (${u.email})`}
              </option>
            ))}
          </optgroup>
          <optgroup label="A channel (VIGIL_CONFIG)">
            {options?.channels.map((c) => (
              <option key={c.name} value={`channel:${c.name}`}>
                {c.name} ({c.type})
              </option>
            ))}
          </optgroup>
        </Select>
      </Field>
      <FieldError id={id} error={error} />
      <div className="flex flex-wrap gap-2">
        <Button variant="ghost" disabled={index === 0} onClick={() => onMove(-1)}>
          Move up
        </Button>
        <Button variant="ghost" disabled={index === count - 1} onClick={() => onMove(1)}>
          Move down
        </Button>
        <Button variant="ghost" disabled={count === 1} onClick={onRemove}>
          Remove level
        </Button>
      </div>
    </fieldset>
  );
}

function targetLabel(key: TargetKey, options: PolicyTargets | undefined): string {
  const [kind, ...rest] = key.split(':');
  const value = rest.join(':');
  if (kind === 'schedule')
    return `On call on ${options?.schedules.find((s) => s.id === value)?.name ?? 'an unknown schedule'}`;
  if (kind === 'user') return options?.users.find((u) => u.id === value)?.name ?? 'An unknown user';
  return `Channel ${value}`;
}

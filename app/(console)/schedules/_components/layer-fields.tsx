'use client';

import { type LayerForm, moved } from '@/components/schedules/schedule-form';
import { Button } from '@/components/ui/button';
import { Field, Input, Select } from '@/components/ui/field';

const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
type Person = { id: string; name: string };

/** One layer of the schedule editor: its rotation, hand-off, participants in order, and restriction. */
export function LayerFields({
  index,
  layer,
  people,
  errors,
  onChange,
}: {
  index: number;
  layer: LayerForm;
  people: readonly Person[];
  /** API field errors of this layer, by field name. */
  errors: Record<string, string | undefined>;
  onChange: (next: LayerForm) => void;
}) {
  const set = <K extends keyof LayerForm>(key: K, value: LayerForm[K]) =>
    onChange({ ...layer, [key]: value });
  const id = (field: string) => `layer-${index}-${field}`;
  const nameOf = (userId: string) => people.find((p) => p.id === userId)?.name ?? userId;
  const addable = people.filter((p) => !layer.participants.includes(p.id));
  return (
    <fieldset className="flex flex-col gap-3 rounded-md border border-border p-3" data-testid="layer-fields">
      <legend className="px-1 text-sm font-medium">Layer {index + 1}</legend>
      <div className="grid gap-3 sm:grid-cols-3">
        <Field id={id('name')} label="Layer name" error={errors.name}>
          {(c) => <Input {...c} value={layer.name} onChange={(e) => set('name', e.target.value)} />}
        </Field>
        <Field id={id('rotation')} label="Rotation" error={errors.rotation ?? errors.rotationLength}>
          <Select
            id={id('rotation')}
            value={layer.rotation}
            onChange={(e) => set('rotation', e.target.value as LayerForm['rotation'])}
          >
            <option value="daily">Daily</option>
            <option value="weekly">Weekly</option>
            <option value="days">Every N days</option>
            <option value="hours">Every N hours</option>
          </Select>
        </Field>
        {layer.rotation === 'days' || layer.rotation === 'hours' ? (
          <Field id={id('length')} label={layer.rotation === 'days' ? 'Days per shift' : 'Hours per shift'}>
            {(c) => (
              <Input
                {...c}
                type="number"
                min={1}
                value={layer.length}
                onChange={(e) => set('length', Number(e.target.value))}
              />
            )}
          </Field>
        ) : null}
        <Field id={id('handoff')} label="Hand-off time" error={errors.handoffTime}>
          {(c) => (
            <Input
              {...c}
              type="time"
              value={layer.handoffTime}
              onChange={(e) => set('handoffTime', e.target.value)}
            />
          )}
        </Field>
        <Field id={id('zone')} label="Hand-off time zone" error={errors.timeZone}>
          {(c) => <Input {...c} value={layer.timeZone} onChange={(e) => set('timeZone', e.target.value)} />}
        </Field>
        <Field id={id('start')} label="First hand-off date" error={errors.startDate}>
          {(c) => (
            <Input
              {...c}
              type="date"
              value={layer.startDate}
              onChange={(e) => set('startDate', e.target.value)}
            />
          )}
        </Field>
      </div>
      <div className="flex flex-col gap-1">
        <span className="text-sm font-medium">People, in rotation order</span>
        <ol className="flex flex-col gap-1" aria-label={`Layer ${index + 1} participants`}>
          {layer.participants.map((userId, i) => (
            <li key={userId} className="flex flex-wrap items-center gap-2 text-sm">
              <span className="min-w-0 flex-1 break-words">
                {i + 1}. {nameOf(userId)}
              </span>
              <Button
                type="button"
                variant="secondary"
                onClick={() => set('participants', moved(layer.participants, i, -1))}
                aria-label={`Move ${nameOf(userId)} up`}
              >
                ↑
              </Button>
              <Button
                type="button"
                variant="secondary"
                onClick={() => set('participants', moved(layer.participants, i, 1))}
                aria-label={`Move ${nameOf(userId)} down`}
              >
                ↓
              </Button>
              <Button
                type="button"
                variant="secondary"
                onClick={() =>
                  set(
                    'participants',
                    layer.participants.filter((p) => p !== userId),
                  )
                }
                aria-label={`Remove ${nameOf(userId)}`}
              >
                Remove
              </Button>
            </li>
          ))}
        </ol>
        <Select
          aria-label={`Add a person to layer ${index + 1}`}
          value=""
          onChange={(e) => e.target.value && set('participants', [...layer.participants, e.target.value])}
        >
          <option value="">Add a person…</option>
          {addable.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </Select>
        {errors.participants ? <p className="text-sm text-danger">{errors.participants}</p> : null}
      </div>
      {layer.otherRestrictions.length > 0 ? (
        <p className="text-sm text-muted">
          Applies only in {layer.otherRestrictions.length} windows set through the API or YAML; they are kept.
        </p>
      ) : (
        <div className="flex flex-col gap-2">
          <label className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={layer.restricted}
              onChange={(e) => set('restricted', e.target.checked)}
            />
            Only at certain hours (e.g. business hours)
          </label>
          {layer.restricted ? (
            <div className="flex flex-wrap items-end gap-2">
              {DAYS.map((day, i) => (
                <label
                  key={day}
                  className="flex min-h-11 items-center gap-1 rounded-md border border-border px-2 text-sm"
                >
                  <input
                    type="checkbox"
                    checked={layer.days.includes(i + 1)}
                    onChange={(e) =>
                      set(
                        'days',
                        e.target.checked ? [...layer.days, i + 1] : layer.days.filter((d) => d !== i + 1),
                      )
                    }
                  />
                  {day}
                </label>
              ))}
              <Field id={id('from')} label="From">
                {(c) => (
                  <Input
                    {...c}
                    type="time"
                    value={layer.from}
                    onChange={(e) => set('from', e.target.value)}
                  />
                )}
              </Field>
              <Field id={id('to')} label="To">
                {(c) => (
                  <Input {...c} type="time" value={layer.to} onChange={(e) => set('to', e.target.value)} />
                )}
              </Field>
            </div>
          ) : null}
          {errors.restrictions ? <p className="text-sm text-danger">{errors.restrictions}</p> : null}
        </div>
      )}
    </fieldset>
  );
}

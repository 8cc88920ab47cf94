'use client';

import { Field, Input } from '@/components/ui/field';

/**
 * "From (zone)" and "Until (zone)": two `datetime-local` fields for a stretch of time, each naming the
 * zone its wall-clock value is read in (see at-input.ts), side by side from the small breakpoint.
 * `idPrefix` makes the ids (`<prefix>-from`, `<prefix>-until`); `errors` are the API's for startsAt and
 * endsAt.
 */
export function ZonedRangeFields({
  idPrefix,
  zone,
  from,
  until,
  onFrom,
  onUntil,
  errors,
}: {
  idPrefix: string;
  zone: string;
  from: string;
  until: string;
  onFrom: (value: string) => void;
  onUntil: (value: string) => void;
  errors: { startsAt?: string; endsAt?: string };
}) {
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <Field id={`${idPrefix}-from`} label={`From (${zone})`} error={errors.startsAt}>
        {(c) => <Input {...c} type="datetime-local" value={from} onChange={(e) => onFrom(e.target.value)} />}
      </Field>
      <Field id={`${idPrefix}-until`} label={`Until (${zone})`} error={errors.endsAt}>
        {(c) => (
          <Input {...c} type="datetime-local" value={until} onChange={(e) => onUntil(e.target.value)} />
        )}
      </Field>
    </div>
  );
}

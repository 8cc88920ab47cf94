'use client';

import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { useTimeZone } from '@/components/format/use-time-zone';
import { isoToLocalInput, localInputToIso } from '@/components/oncall/at-input';
import { Button } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/field';
import { Link } from '@/components/ui/link';

/** "Who is on call at …": a date and time in the viewer's zone, sent to the page as `?at=<ISO>`. */
export function AtPicker({ at }: { at: string | null }) {
  const zone = useTimeZone();
  const router = useRouter();
  const [error, setError] = useState<string>();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const value = String(new FormData(event.currentTarget).get('at') ?? '');
    const iso = localInputToIso(value, zone);
    if (!iso) return setError('Pick a date and a time.');
    setError(undefined);
    router.push(`/oncall?at=${encodeURIComponent(iso)}`);
  };
  return (
    <form onSubmit={submit} className="flex flex-wrap items-end gap-2">
      <Field id="oncall-at" label={`On call at (${zone})`} error={error}>
        {(control) => (
          // Keyed by zone, since the server writes the profile's zone (or UTC) and the browser may then
          // change it (see useTimeZone); and by the time shown, since a time a clock change skipped
          // (02:30 on a spring-forward night) is shown as the time it became (03:30), not as typed.
          <Input
            key={`${zone} ${at}`}
            {...control}
            name="at"
            type="datetime-local"
            defaultValue={at ? isoToLocalInput(at, zone) : ''}
            className="max-sm:min-h-11"
          />
        )}
      </Field>
      <Button type="submit" variant="secondary">
        Show
      </Button>
      {at ? (
        <Link href="/oncall" className="flex min-h-11 items-center px-2 text-sm text-accent hover:underline">
          Now
        </Link>
      ) : null}
    </form>
  );
}

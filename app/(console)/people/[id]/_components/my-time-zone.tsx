'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/field';
import { useToast } from '@/components/ui/toast';
import { useApiMutation } from '@/lib/api/query';
import { updateMeOp } from '@/lib/people/api';

/**
 * The signed-in user's IANA time zone, which the console's times, reports and pages about them use;
 * "Use this browser's" fills in the zone the browser reports. Saving refreshes the page, whose layout
 * reads the zone again, so every time on it moves to the new zone at once (components/format/local-zone).
 */
export function MyTimeZone({ current }: { current: string }) {
  const router = useRouter();
  const confirm = useToast();
  const [zone, setZone] = useState(current);
  const save = useApiMutation(updateMeOp, {
    onSuccess: () => {
      confirm('Time zone saved');
      router.refresh();
    },
  });
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate({ body: { timeZone: zone } });
      }}
    >
      <div className="min-w-0 flex-1">
        <Field id="my-time-zone" label="Time zone (IANA, e.g. Europe/Brussels)" error={save.error?.display}>
          {(c) => <Input {...c} value={zone} onChange={(e) => setZone(e.target.value)} />}
        </Field>
      </div>
      <Button
        type="button"
        variant="secondary"
        onClick={() => setZone(Intl.DateTimeFormat().resolvedOptions().timeZone)}
      >
        Use this browser’s
      </Button>
      <Button type="submit" disabled={save.isPending || zone.trim() === ''}>
        Save
      </Button>
      <p className="w-full text-xs text-muted">
        The console shows times in this zone. Left at UTC, the default, it shows this browser’s zone instead;
        for UTC everywhere, choose UTC under Times in the user menu.
      </p>
    </form>
  );
}

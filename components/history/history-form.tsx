'use client';

import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { useTimeZone } from '@/components/format/use-time-zone';
import { isoToLocalInput, localInputToIso } from '@/components/oncall/at-input';
import { Button } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/field';
import { filterProblem } from '@/lib/history/api-schema';
import { type HistorySearch, historyHref } from './history-url';

/**
 * The search: label matchers, and from/to typed in the viewer's zone (sent as UTC instants). Submitting
 * changes the URL, which is the page's state. `shown` fills empty bounds with the range the server used.
 */
export function HistoryForm({
  search,
  shown,
  fieldErrors,
}: {
  search: HistorySearch;
  shown: { from: string; to: string } | undefined;
  fieldErrors: Record<string, string>;
}) {
  const zone = useTimeZone();
  const router = useRouter();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    const filter = text('filter');
    const from = text('from') ? localInputToIso(text('from'), zone) : '';
    const to = text('to') ? localInputToIso(text('to'), zone) : '';
    const problems: Record<string, string> = {};
    const syntax = filterProblem(filter);
    if (syntax) problems.filter = syntax;
    if (from === null) problems.from = 'Pick a date and a time.';
    if (to === null) problems.to = 'Pick a date and a time.';
    setErrors(problems);
    if (Object.keys(problems).length === 0)
      router.push(historyHref({ filter, from: from ?? '', to: to ?? '' }));
  };
  const value = (bound: 'from' | 'to') => {
    const iso = search[bound] || shown?.[bound];
    if (!iso) return '';
    try {
      return isoToLocalInput(iso, zone);
    } catch {
      // A hand-edited URL's from/to that is no instant: the field starts empty and the API's answer
      // says what is wrong with it, rather than the whole page failing.
      return '';
    }
  };
  const error = (name: string) => errors[name] ?? fieldErrors[name];
  return (
    <form
      onSubmit={submit}
      aria-label="Search the history"
      className="mb-4 grid grid-cols-1 items-end gap-3 md:grid-cols-[1fr_auto_auto_auto]"
    >
      <Field id="history-filter" label="Label matchers" error={error('filter')}>
        {(control) => (
          <Input
            {...control}
            name="filter"
            defaultValue={search.filter}
            placeholder='{alertname="HighCPUUsage", instance=~"db-.*"}'
            className="font-mono max-sm:min-h-11"
          />
        )}
      </Field>
      <Field id="history-from" label={`From (${zone})`} error={error('from')}>
        {(control) => (
          // Keyed by zone and range: the server writes the profile's zone (or UTC), the browser may then
          // change it (see useTimeZone); the default range arrives with the answer.
          <Input
            key={`${zone} ${value('from')}`}
            {...control}
            name="from"
            type="datetime-local"
            defaultValue={value('from')}
            className="max-sm:min-h-11"
          />
        )}
      </Field>
      <Field id="history-to" label={`To (${zone})`} error={error('to')}>
        {(control) => (
          <Input
            key={`${zone} ${value('to')}`}
            {...control}
            name="to"
            type="datetime-local"
            defaultValue={value('to')}
            className="max-sm:min-h-11"
          />
        )}
      </Field>
      <Button type="submit" className="max-sm:min-h-11">
        Search
      </Button>
    </form>
  );
}

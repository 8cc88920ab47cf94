'use client';

import { ALERT_STATES, type AlertStateFilter, type AlertsResponse } from '@/lib/alerts/api-schema';

type Props = {
  states: AlertStateFilter[];
  counts?: AlertsResponse['counts']['byState'];
  onChange: (states: AlertStateFilter[]) => void;
};

export function StateToggles({ states, counts, onChange }: Props) {
  return (
    <fieldset className="flex flex-wrap gap-1 text-sm">
      <legend className="sr-only">Alert states to show</legend>
      {ALERT_STATES.map((s) => {
        const on = states.includes(s);
        return (
          <label
            key={s}
            className={`inline-flex cursor-pointer items-center rounded border px-2 py-0.5 max-sm:min-h-11 ${on ? 'border-accent text-accent' : 'border-border text-muted'}`}
          >
            <input
              type="checkbox"
              className="sr-only"
              checked={on}
              onChange={() => onChange(on ? states.filter((x) => x !== s) : [...states, s])}
            />
            {s} {counts ? <span className="text-muted">{counts[s]}</span> : null}
          </label>
        );
      })}
    </fieldset>
  );
}

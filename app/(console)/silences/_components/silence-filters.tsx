'use client';

import { useEffect, useState } from 'react';
import { Button } from '@/components/ui/button';

/**
 * The filter (label matchers and words, as on the alerts page) and the creator, applied with Enter or
 * the button so the list does not jump while someone types.
 */
export function SilenceFilters({
  filter,
  creator,
  filterError,
  onApply,
}: {
  filter: string;
  creator: string;
  filterError?: string;
  onApply: (next: { filter: string; creator: string }) => void;
}) {
  const [text, setText] = useState(filter);
  const [who, setWho] = useState(creator);
  useEffect(() => setText(filter), [filter]);
  useEffect(() => setWho(creator), [creator]);
  const input =
    'rounded-md border border-border bg-surface px-2.5 py-1.5 text-sm focus-visible:outline-2 focus-visible:outline-accent aria-invalid:border-danger';
  return (
    <search aria-label="Filter silences" className="min-w-0 flex-1">
      <form
        className="flex flex-wrap items-start gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          onApply({ filter: text.trim(), creator: who.trim() });
        }}
      >
        <div className="flex min-w-64 flex-1 flex-col gap-1">
          <label htmlFor="silence-filter" className="sr-only">
            Filter silences
          </label>
          <input
            id="silence-filter"
            value={text}
            spellCheck={false}
            autoComplete="off"
            placeholder='Matchers or words: alertname="InstanceDown" deploy'
            aria-invalid={Boolean(filterError)}
            aria-describedby={filterError ? 'silence-filter-error' : undefined}
            className={`${input} font-mono`}
            onChange={(e) => setText(e.target.value)}
          />
          {filterError ? (
            <p id="silence-filter-error" role="alert" className="text-sm text-danger">
              {filterError}
            </p>
          ) : null}
        </div>
        <label htmlFor="silence-creator" className="sr-only">
          Created by
        </label>
        <input
          id="silence-creator"
          value={who}
          autoComplete="off"
          placeholder="Created by"
          className={`${input} w-48`}
          onChange={(e) => setWho(e.target.value)}
        />
        <Button type="submit" variant="secondary">
          Apply
        </Button>
        {filter || creator ? (
          <Button variant="ghost" onClick={() => onApply({ filter: '', creator: '' })}>
            Clear
          </Button>
        ) : null}
      </form>
    </search>
  );
}

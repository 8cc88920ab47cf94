'use client';

import { useState } from 'react';
import { LocalTime } from '@/components/format/local-time';
import { Button } from '@/components/ui/button';
import { alertLogsOp } from '@/lib/alerts/api';
import type { ApiError } from '@/lib/api/client';
import { useApiQuery } from '@/lib/api/query';
import type { AlertLogs } from '@/lib/loki/alert-logs-schema';

const LEVEL_CLASS: Record<string, string> = { error: 'text-danger', warn: 'text-warn' };

/** A refused query (a LogQL mistake is a 422 on `query`) shown like Loki's own refusals, beside the query box. */
const refusal = (error: ApiError, query: string | undefined): AlertLogs => ({
  status: 'error',
  message: Object.values(error.fields)[0] ?? error.message,
  hint: error.hint ?? '',
  query: query ?? '',
});

/** Loki lines around the alert's start, errors and warnings first, with an editable LogQL query. */
export function LogContext({ fingerprint }: { fingerprint: string }) {
  const [query, setQuery] = useState<string | undefined>();
  const [draft, setDraft] = useState<string | undefined>();
  const {
    data: answer,
    error,
    isFetching,
  } = useApiQuery(
    alertLogsOp,
    { params: { fingerprint }, query: { query } },
    // A refusal is shown at once, for the user to fix the query; asking again would not change it.
    { staleTime: 15_000, retry: false },
  );
  const data = error ? refusal(error, query) : answer;
  if (!data) return <p className="text-sm text-muted">Loading logs…</p>;
  if (data.status === 'not-configured')
    return (
      <p className="text-sm text-muted" data-testid="logs-status">
        Loki is not configured. {data.hint}
      </p>
    );
  if (data.status === 'no-streams')
    return (
      <p className="text-sm text-muted" data-testid="logs-status">
        No matching streams: {data.tried}.
      </p>
    );
  const current = draft ?? data.query ?? '';
  return (
    <div className="flex flex-col gap-2" data-testid="log-context">
      <form
        className="flex gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          setQuery(current);
        }}
      >
        <label htmlFor={`logql-${fingerprint}`} className="sr-only">
          LogQL query
        </label>
        <input
          id={`logql-${fingerprint}`}
          className="flex-1 rounded-md border border-border bg-surface px-2 py-1 font-mono text-xs"
          value={current}
          spellCheck={false}
          onChange={(e) => setDraft(e.target.value)}
        />
        <Button type="submit" variant="secondary" disabled={isFetching}>
          Run
        </Button>
      </form>
      {data.status === 'error' ? (
        <p role="alert" className="text-sm text-danger">
          {data.message} {data.hint ? <span className="text-muted">{data.hint}</span> : null}
        </p>
      ) : (
        <>
          {data.replay ? (
            <p className="rounded border border-border bg-bg px-2 py-1 text-xs" data-testid="logs-replay">
              Logs are a built-in replay of recorded Loki answers, not a live Loki.
            </p>
          ) : null}
          <p className="text-xs text-muted">
            <LocalTime at={data.window.start} precision="second" /> –{' '}
            <LocalTime at={data.window.end} precision="second" />, {data.entries.length} line(s)
            {data.truncated ? ' (more in Loki)' : ''} ·{' '}
            <a className="text-accent hover:underline" href={data.fullQueryUrl}>
              full query
            </a>
          </p>
          {data.selector ? (
            <p className="font-mono text-xs text-muted" data-testid="log-selector">
              streams {data.selector}
              {data.labelChecks.some((c) => c.outcome !== 'used')
                ? ` (unknown to Loki, left out: ${data.labelChecks
                    .filter((c) => c.outcome !== 'used')
                    .map((c) => c.name)
                    .join(', ')})`
                : ''}
            </p>
          ) : null}
          <ol className="max-h-72 overflow-auto rounded bg-bg p-2 font-mono text-xs" data-testid="log-lines">
            {data.entries.map((e) => (
              <li
                key={`${e.timeNs}-${e.line.slice(0, 40)}`}
                data-level={e.level ?? undefined}
                className={`whitespace-pre-wrap break-all ${LEVEL_CLASS[e.level ?? ''] ?? ''}`}
              >
                <LocalTime at={e.timeMs} clock className="text-muted" /> {e.line}
              </li>
            ))}
            {data.entries.length === 0 ? <li className="text-muted">No lines in this window.</li> : null}
          </ol>
        </>
      )}
    </div>
  );
}

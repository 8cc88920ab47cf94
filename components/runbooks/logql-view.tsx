'use client';

import { useQuery } from '@tanstack/react-query';
import type { LogsResponse } from '@/lib/runbooks/api-schema';

type Props = {
  /** The query with the alert's labels filled in; null when labels are missing and there is no fallback. */
  query: string | null;
  missing: string[];
  since: string;
  limit: number;
};

const LEVEL_CLASS: Record<string, string> = { error: 'text-danger', warn: 'text-warn' };

async function fetchLogs(query: string, since: string, limit: number): Promise<LogsResponse> {
  const res = await fetch(`/api/v1/logs?${new URLSearchParams({ query, since, limit: String(limit) })}`);
  const body = await res.json().catch(() => ({}));
  if (res.ok) return body as LogsResponse;
  const error = body.error as { message?: string; fields?: Record<string, string> } | undefined;
  return {
    status: 'error',
    message: Object.values(error?.fields ?? {})[0] ?? error?.message ?? `Vigil answered ${res.status}`,
    hint: '',
  };
}

/** `<LogQL>` in a runbook: the newest matching Loki lines, through Vigil's `/api/v1/logs`. */
export function LogQLView({ query, missing, since, limit }: Props) {
  const { data } = useQuery({
    queryKey: ['runbook-logql', query, since, limit],
    queryFn: () => fetchLogs(query ?? '', since, limit),
    enabled: query !== null,
    refetchInterval: 30_000,
  });
  return (
    <figure className="my-3 rounded-md border border-border p-3" data-testid="runbook-logql">
      <figcaption className="mb-2 font-mono text-xs text-muted">
        {query ?? 'needs an alert'} · last {since}
      </figcaption>
      {query === null ? (
        <p className="text-sm text-muted">
          Open this runbook from a firing alert to fill in {missing.join(', ')}.
        </p>
      ) : !data ? (
        <p className="text-sm text-muted">Loading logs…</p>
      ) : data.status === 'not-configured' ? (
        <p className="text-sm text-muted">{data.hint}</p>
      ) : data.status === 'error' ? (
        <p role="alert" className="text-sm text-danger">
          {data.message} {data.hint ? <span className="text-muted">{data.hint}</span> : null}
        </p>
      ) : (
        <ol
          className="max-h-60 overflow-auto rounded bg-bg p-2 font-mono text-xs"
          data-testid="runbook-log-lines"
        >
          {data.entries.map((e) => (
            <li
              key={`${e.timeNs}-${e.line.slice(0, 40)}`}
              data-level={e.level ?? undefined}
              className={`whitespace-pre-wrap break-all ${LEVEL_CLASS[e.level ?? ''] ?? ''}`}
            >
              <span className="text-muted">{new Date(e.timeMs).toLocaleTimeString()} </span>
              {e.line}
            </li>
          ))}
          {data.entries.length === 0 ? <li className="text-muted">No lines in this window.</li> : null}
          {data.truncated ? <li className="text-muted">Newest {limit} lines shown.</li> : null}
        </ol>
      )}
    </figure>
  );
}

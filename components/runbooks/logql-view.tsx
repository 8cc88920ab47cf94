'use client';

import { LocalTime } from '@/components/format/local-time';
import { StatusBlock } from '@/components/ui/status-block';
import { useApiQuery } from '@/lib/api/query';
import { recentLogsOp } from '@/lib/runbooks/api';
import type { LogSince } from '@/lib/runbooks/api-schema';

type Props = {
  /** The query with the alert's labels filled in; null when labels are missing and there is no fallback. */
  query: string | null;
  missing: string[];
  since: LogSince;
  limit: number;
};

const LEVEL_CLASS: Record<string, string> = { error: 'text-danger', warn: 'text-warn' };

/** `<LogQL>` in a runbook: the newest matching Loki lines, through Vigil's `/api/v1/logs`. */
export function LogQLView({ query, missing, since, limit }: Props) {
  const { data, error } = useApiQuery(
    recentLogsOp,
    { query: { query: query ?? '', since, limit } },
    { enabled: query !== null, refetchInterval: 30_000 },
  );
  return (
    <figure className="my-3 rounded-md border border-border p-3" data-testid="runbook-logql">
      <figcaption className="mb-2 font-mono text-xs text-muted">
        {query ?? 'needs an alert'} · last {since}
      </figcaption>
      {query === null ? (
        <p className="text-sm text-muted">
          Open this runbook from a firing alert to fill in {missing.join(', ')}.
        </p>
      ) : (
        <StatusBlock data={data} error={error} loading="Loading logs…">
          {(logs) =>
            logs.status === 'not-configured' ? (
              <p className="text-sm text-muted">{logs.hint}</p>
            ) : logs.status === 'error' ? (
              <p role="alert" className="text-sm text-danger">
                {logs.message} {logs.hint ? <span className="text-muted">{logs.hint}</span> : null}
              </p>
            ) : (
              <ol
                className="max-h-60 overflow-auto rounded bg-bg p-2 font-mono text-xs"
                data-testid="runbook-log-lines"
              >
                {logs.entries.map((e) => (
                  <li
                    key={`${e.timeNs}-${e.line.slice(0, 40)}`}
                    data-level={e.level ?? undefined}
                    className={`whitespace-pre-wrap break-all ${LEVEL_CLASS[e.level ?? ''] ?? ''}`}
                  >
                    <LocalTime at={e.timeMs} clock className="text-muted" /> {e.line}
                  </li>
                ))}
                {logs.entries.length === 0 ? <li className="text-muted">No lines in this window.</li> : null}
                {logs.truncated ? <li className="text-muted">Newest {limit} lines shown.</li> : null}
              </ol>
            )
          }
        </StatusBlock>
      )}
    </figure>
  );
}

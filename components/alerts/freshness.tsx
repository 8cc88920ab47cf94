'use client';

import type { AlertsResponse } from '@/lib/alerts/api-schema';

/** "updated 4 s ago", turning into a warning when the data is stale or an upstream failed. */
export function Freshness({
  data,
  nowMs,
  pending,
  paused,
}: {
  data?: AlertsResponse;
  nowMs: number;
  pending: boolean;
  paused: boolean;
}) {
  if (!data) return null;
  const age = data.fetchedAt
    ? Math.max(0, Math.round((nowMs - Date.parse(data.fetchedAt)) / 1000))
    : undefined;
  const failing = data.upstreams.filter((u) => u.error || u.stale);
  const stale = failing.length > 0 || age === undefined || age > 30;
  return (
    <p
      className={`text-xs ${stale ? 'font-medium text-warn' : 'text-muted'}`}
      data-testid="freshness"
      role={stale ? 'status' : undefined}
    >
      {age === undefined ? 'no data from Alertmanager yet' : `updated ${age} s ago`}
      {failing.map((u) => (
        <span key={u.cluster} className="ml-2">
          · {u.cluster}: {u.error ? u.error.message : 'stale'}
        </span>
      ))}
      {pending ? (
        <span className="ml-2 text-accent">· new data: move the pointer off the list to show it</span>
      ) : null}
      {paused && !pending ? <span className="ml-2">· refresh paused while you type</span> : null}
    </p>
  );
}

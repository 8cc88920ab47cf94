'use client';

import { StatusDot, type Tone } from '@/components/ui/badge';
import { useHydrated } from '@/components/ui/use-hydrated';
import { useApiQuery } from '@/lib/api/query';
import { upstreamsOp } from '@/lib/overview/api';
import type { HealthReport } from '@/lib/snapshots/upstream-health-schema';

/**
 * Always visible in the header: which Prometheus servers, Alertmanager peers and Loki answer. The
 * server probes them on an interval; this only reads Vigil's cached report.
 */
export function HealthIndicator({ initial }: { initial: HealthReport }) {
  // initialData makes data always defined; useApiQuery's type does not say so.
  const { data = initial, isError } = useApiQuery(
    upstreamsOp,
    {},
    { initialData: initial, refetchInterval: 10_000 },
  );
  const hydrated = useHydrated();
  const down = data.upstreams.filter((u) => !u.ok);
  const tone: Tone = isError
    ? 'danger'
    : down.length === 0
      ? 'ok'
      : down.length === data.upstreams.length
        ? 'danger'
        : 'warn';
  const summary = isError
    ? 'Vigil unreachable'
    : down.length === 0
      ? 'All upstreams up'
      : `${down.length} of ${data.upstreams.length} upstreams down`;
  return (
    <details className="relative text-sm" data-testid="upstream-health">
      <summary className="cursor-pointer list-none rounded px-2 py-1 hover:bg-bg">
        <StatusDot tone={tone} label={summary} />
      </summary>
      <div className="absolute right-0 mt-1 w-96 rounded-md border border-border bg-surface p-2 shadow-lg">
        <ul className="flex flex-col gap-1">
          {data.upstreams.map((u) => (
            <li
              key={`${u.kind}-${u.name}`}
              className="flex justify-between gap-2"
              data-upstream={u.kind}
              data-ok={u.ok}
            >
              <StatusDot tone={u.ok ? 'ok' : 'danger'} label={`${labelOf(u.kind)} ${u.name}`} />
              <span className="truncate text-muted" title={u.detail}>
                {u.detail}
              </span>
            </li>
          ))}
        </ul>
        {/* The viewer's locale and zone are not the server's: the time is written after hydration. */}
        <p className="mt-2 text-xs text-muted">
          Checked {hydrated ? new Date(data.checkedAt).toLocaleTimeString() : null}
        </p>
      </div>
    </details>
  );
}

function labelOf(kind: HealthReport['upstreams'][number]['kind']): string {
  return { prometheus: 'Prometheus', alertmanager: 'Alertmanager', loki: 'Loki' }[kind];
}

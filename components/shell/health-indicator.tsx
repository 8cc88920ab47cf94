'use client';

import { LocalTime } from '@/components/format/local-time';
import { StatusDot, type Tone } from '@/components/ui/badge';
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
  const short = isError ? 'Vigil down' : down.length === 0 ? 'OK' : `${down.length} down`;
  return (
    <details className="relative text-sm" data-testid="upstream-health">
      <summary className="flex min-h-11 cursor-pointer list-none items-center rounded px-2 hover:bg-bg lg:min-h-0 lg:py-1">
        {/* A phone's header shows the short form; the whole sentence is the summary's name. */}
        <span className="hidden sm:inline">
          <StatusDot tone={tone} label={summary} />
        </span>
        <span className="sm:hidden" title={summary}>
          <StatusDot tone={tone} label={short} />
          <span className="sr-only">{summary}</span>
        </span>
      </summary>
      <div className="absolute right-0 z-20 mt-1 w-[min(24rem,calc(100vw-1.5rem))] rounded-md border border-border bg-surface p-2 shadow-lg">
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
        <p className="mt-2 text-xs text-muted">
          Checked <LocalTime at={data.checkedAt} precision="second" />
        </p>
      </div>
    </details>
  );
}

function labelOf(kind: HealthReport['upstreams'][number]['kind']): string {
  return { prometheus: 'Prometheus', alertmanager: 'Alertmanager', loki: 'Loki' }[kind];
}

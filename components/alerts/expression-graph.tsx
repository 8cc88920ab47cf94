'use client';

import { useQuery } from '@tanstack/react-query';
import { TimeSeriesChart } from '@/components/charts/time-series-chart';
import { formatLegend } from '@/lib/overview/chart-range';
import type { Series } from '@/lib/prometheus/schemas';
import { stepForRange } from '@/lib/prometheus/step';

type Props = {
  expr: string;
  prometheus: string | null;
  startsAt: string;
  threshold: { op: string; value: number; operand: string } | null;
};

/**
 * The alerting rule's expression over [start − 1 h, now], with the threshold and the firing window
 * marked (without its comparison, so the values on both sides of the threshold show). Queried through Vigil's cached query API; start and end are aligned to the step so every
 * console looking at this alert shares one Prometheus query.
 */
export function ExpressionGraph({ expr, prometheus, startsAt, threshold }: Props) {
  const firingFrom = Date.parse(startsAt);
  const rawStart = Math.floor(firingFrom / 1000) - 3600;
  const now = Math.ceil(Date.now() / 1000);
  const step = stepForRange(Math.max(now - rawStart, 60));
  const start = Math.floor(rawStart / step) * step;
  const end = Math.ceil(now / step) * step;
  const params = new URLSearchParams({
    query: expr,
    start: String(start),
    end: String(end),
    step: String(step),
  });
  if (prometheus) params.set('prometheus', prometheus);
  const { data, error } = useQuery({
    queryKey: ['expr', params.toString()],
    queryFn: async (): Promise<Series[]> => {
      const res = await fetch(`/api/v1/query?${params}`);
      const body = await res.json();
      if (!res.ok) throw new Error([body.error?.message, body.error?.hint].filter(Boolean).join(' '));
      return body.series;
    },
    refetchInterval: 30_000,
  });
  return (
    <div className="flex flex-col gap-2" data-testid="expression-graph">
      <code className="block whitespace-pre-wrap break-all rounded bg-bg p-2 font-mono text-xs">{expr}</code>
      <div className="h-48">
        {error ? (
          <p role="alert" className="text-sm text-danger">
            {error.message}
          </p>
        ) : !data ? (
          <p className="text-sm text-muted">Loading…</p>
        ) : data.length === 0 ? (
          <p className="text-sm text-muted">
            The expression returns no series in this window (the condition is not met now).
          </p>
        ) : (
          <TimeSeriesChart
            series={data.map((s) => ({ name: formatLegend('', s.labels), points: s.points }))}
            start={start}
            end={end}
            unit="count"
            line={threshold ? { y: threshold.value, label: `${threshold.op} ${threshold.value}` } : undefined}
            area={{ from: firingFrom, to: end * 1000, label: 'firing' }}
          />
        )}
      </div>
    </div>
  );
}

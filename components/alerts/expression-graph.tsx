'use client';

import { LazyTimeSeriesChart } from '@/components/charts/lazy-time-series-chart';
import { StatusBlock } from '@/components/ui/status-block';
import { useApiQuery } from '@/lib/api/query';
import { promQueryOp } from '@/lib/overview/api';
import { formatLegend } from '@/lib/overview/chart-range';
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
  const { data: answer, error } = useApiQuery(
    promQueryOp,
    { query: { query: expr, start, end, step, prometheus: prometheus ?? undefined } },
    { refetchInterval: 30_000 },
  );
  // A range query answers a matrix.
  const data = answer && (answer.type === 'matrix' ? answer.series : []);
  return (
    <div className="flex flex-col gap-2" data-testid="expression-graph">
      <code className="block whitespace-pre-wrap break-all rounded bg-bg p-2 font-mono text-xs">{expr}</code>
      <div className="h-48">
        <StatusBlock data={data} error={error}>
          {(series) =>
            series.length === 0 ? (
              <p className="text-sm text-muted">
                The expression returns no series in this window (the condition is not met now).
              </p>
            ) : (
              <LazyTimeSeriesChart
                series={series.map((s) => ({ name: formatLegend('', s.labels), points: s.points }))}
                start={start}
                end={end}
                unit="count"
                line={
                  threshold ? { y: threshold.value, label: `${threshold.op} ${threshold.value}` } : undefined
                }
                area={{ from: firingFrom, to: end * 1000, label: 'firing' }}
              />
            )
          }
        </StatusBlock>
      </div>
    </div>
  );
}

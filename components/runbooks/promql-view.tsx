'use client';

import { formatValue } from '@/components/charts/format';
import { TimeSeriesChart } from '@/components/charts/time-series-chart';
import { StatusBlock } from '@/components/ui/status-block';
import { useApiQuery } from '@/lib/api/query';
import type { PanelUnit } from '@/lib/config/panel-types';
import { promQueryOp } from '@/lib/overview/api';
import type { PromQueryAnswer } from '@/lib/overview/api-schema';
import { alignedRange, formatLegend, RANGES, type RangeKey } from '@/lib/overview/chart-range';
import { stepForRange } from '@/lib/prometheus/step';

type Props = {
  title: string | null;
  /** The query with the alert's labels filled in; null when labels are missing and there is no fallback. */
  query: string | null;
  /** Labels the query needs that the page has no alert for. */
  missing: string[];
  /** The fallback query runs because the page was opened without an alert. */
  isFallback: boolean;
  unit: PanelUnit;
  /** A chart over this range; null: the current value. */
  range: RangeKey | null;
};

const MAX_ROWS = 10;

/** `<PromQL>` in a runbook: a live value or chart, through Vigil's cached `/api/v1/query`. */
export function PromQLView({ title, query, missing, isFallback, unit, range }: Props) {
  return (
    <figure className="my-3 rounded-md border border-border p-3" data-testid="runbook-promql">
      {title ? <figcaption className="mb-1 text-sm font-medium">{title}</figcaption> : null}
      <code className="mb-2 block whitespace-pre-wrap break-all font-mono text-xs text-muted">
        {query ?? 'needs an alert'}
      </code>
      {query === null ? (
        <p className="text-sm text-muted">
          Open this runbook from a firing alert to fill in {missing.join(', ')}.
        </p>
      ) : range ? (
        <RangeChart query={query} unit={unit} range={range} />
      ) : (
        <InstantValue query={query} unit={unit} />
      )}
      {isFallback ? (
        <p className="mt-1 text-xs text-muted">
          No alert selected: showing every series (the alert's query needs {missing.join(', ')}).
        </p>
      ) : null}
    </figure>
  );
}

function InstantValue({ query, unit }: { query: string; unit: PanelUnit }) {
  const { data, error } = useApiQuery(promQueryOp, { query: { query } }, { refetchInterval: 15_000 });
  return (
    <StatusBlock data={data} error={error}>
      {(answer) => <InstantAnswer data={answer} unit={unit} />}
    </StatusBlock>
  );
}

function InstantAnswer({ data, unit }: { data: PromQueryAnswer; unit: PanelUnit }) {
  if (data.type === 'scalar' || data.type === 'string')
    return (
      <p className="font-mono text-lg" data-testid="promql-value">
        {typeof data.value === 'number' ? formatValue(data.value, unit) : data.value}
      </p>
    );
  if (data.type === 'matrix')
    return (
      <p className="text-sm text-muted">
        The query returns a range vector: wrap it in a function such as rate(), or give a range.
      </p>
    );
  if (data.samples.length === 0) return <p className="text-sm text-muted">No series match right now.</p>;
  return (
    <ul className="flex flex-col gap-0.5 text-sm">
      {data.samples.slice(0, MAX_ROWS).map((s) => (
        <li key={JSON.stringify(s.labels)} className="flex items-baseline justify-between gap-3">
          <span className="break-all font-mono text-xs text-muted">{formatLegend('', s.labels)}</span>
          <span className="font-mono text-lg" data-testid="promql-value">
            {formatValue(s.value ?? Number.NaN, unit)}
          </span>
        </li>
      ))}
      {data.samples.length > MAX_ROWS ? (
        <li className="text-xs text-muted">…and {data.samples.length - MAX_ROWS} more series</li>
      ) : null}
    </ul>
  );
}

function RangeChart({ query, unit, range }: { query: string; unit: PanelUnit; range: RangeKey }) {
  const step = stepForRange(RANGES[range]);
  const { start, end } = alignedRange(RANGES[range], step, Date.now());
  const { data, error } = useApiQuery(
    promQueryOp,
    { query: { query, start, end, step } },
    { refetchInterval: 30_000, placeholderData: (previous) => previous },
  );
  // A range query answers a matrix.
  const series = data === undefined ? undefined : data.type === 'matrix' ? data.series : [];
  return (
    <div className="h-44">
      <StatusBlock data={series} error={error}>
        {(series) =>
          series.length === 0 ? (
            <p className="text-sm text-muted">No series in this range.</p>
          ) : (
            <TimeSeriesChart
              series={series.map((s) => ({ name: formatLegend('', s.labels), points: s.points }))}
              start={start}
              end={end}
              unit={unit}
            />
          )
        }
      </StatusBlock>
    </div>
  );
}

'use client';

import { useState } from 'react';
import { unitOfExpression } from '@/components/charts/expression-unit';
import { formatValue } from '@/components/charts/format';
import { LazyTimeSeriesChart } from '@/components/charts/lazy-time-series-chart';
import { Button } from '@/components/ui/button';
import { Segmented } from '@/components/ui/segmented';
import { StatusBlock } from '@/components/ui/status-block';
import type { AlertDetail } from '@/lib/alerts/api-schema';
import { useApiQuery } from '@/lib/api/query';
import { promQueryOp } from '@/lib/overview/api';
import { formatLegend } from '@/lib/overview/chart-range';
import { grafanaExploreUrl, type LinkWindow, prometheusGraphUrl } from '@/lib/prometheus/explore-links';
import {
  defaultRange,
  GRAPH_RANGE_KEYS,
  GRAPH_RANGES,
  type GraphRange,
  graphWindow,
  type Zoom,
} from './graph-window';

type Props = {
  expr: string;
  prometheus: string | null;
  startsAt: string;
  threshold: AlertDetail['threshold'];
  links: AlertDetail['links'];
};

/** What the graph draws: the rule's left side against its threshold, or the rule as it filters. */
const SHOWN = ['against threshold', 'matching series'] as const;
type Shown = (typeof SHOWN)[number];

/**
 * The alerting rule's expression over a chosen range (or a span dragged across to zoom), with the
 * threshold and the firing window marked. With a threshold, the expression left of the comparison is
 * graphed by default, so the values on both sides of the threshold show (`up == 0` draws `up`: 0 and 1);
 * "matching series" draws the whole expression: only the series that meet the condition. Queried through Vigil's cached query
 * API with the window aligned to the step, so every console looking at this alert shares one query.
 */
export function ExpressionGraph({ expr, prometheus, startsAt, threshold, links }: Props) {
  const firingFrom = Date.parse(startsAt);
  const [range, setRange] = useState<GraphRange>(() => defaultRange(firingFrom, Date.now()));
  const [zoom, setZoom] = useState<Zoom | null>(null);
  const [shown, setShown] = useState<Shown>('against threshold');
  const query = threshold && shown === 'against threshold' ? threshold.operand : expr;
  const unit = unitOfExpression(threshold?.operand ?? expr);
  const { start, end, step } = graphWindow(range, zoom, Date.now());
  const { data: answer, error } = useApiQuery(
    promQueryOp,
    { query: { query, start, end, step, prometheus: prometheus ?? undefined } },
    { refetchInterval: zoom ? false : 30_000, placeholderData: (previous) => previous },
  );
  // A range query answers a matrix.
  const data = answer && (answer.type === 'matrix' ? answer.series : []);
  const linkWindow: LinkWindow = zoom ?? { rangeSeconds: GRAPH_RANGES[range] };
  const thresholdText = threshold ? `${threshold.op} ${formatValue(threshold.value, unit)}` : null;
  return (
    <div className="flex flex-col gap-2" data-testid="expression-graph">
      <code className="block whitespace-pre-wrap break-all rounded bg-bg p-2 font-mono text-xs">{expr}</code>
      <div className="flex flex-wrap items-end gap-3">
        <Segmented
          name="graph-range"
          legend="Range"
          options={GRAPH_RANGE_KEYS}
          value={range}
          onChange={(next) => {
            setRange(next);
            setZoom(null);
          }}
        />
        {threshold ? (
          <Segmented name="graph-shown" legend="Show" options={SHOWN} value={shown} onChange={setShown} />
        ) : null}
        {zoom ? (
          <Button variant="secondary" onClick={() => setZoom(null)} data-testid="graph-reset-zoom">
            Reset zoom
          </Button>
        ) : null}
      </div>
      <div className="h-48">
        <StatusBlock data={data} error={error}>
          {(series) =>
            series.length === 0 ? (
              <p className="text-sm text-muted">
                {query === expr
                  ? 'The expression returns no series in this window (the condition is not met).'
                  : 'The expression returns no series in this window.'}
              </p>
            ) : (
              <LazyTimeSeriesChart
                series={series.map((s) => ({ name: formatLegend('', s.labels), points: s.points }))}
                start={start}
                end={end}
                unit={unit}
                line={
                  threshold && shown === 'against threshold'
                    ? { y: threshold.value, label: `fires ${thresholdText}` }
                    : undefined
                }
                area={{ from: firingFrom, to: end * 1000, label: 'firing' }}
                onZoom={(fromMs, toMs) => setZoom({ fromMs, toMs })}
              />
            )
          }
        </StatusBlock>
      </div>
      <p className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted">
        {threshold ? (
          <span data-testid="graph-threshold">
            Fires when <code className="font-mono">{threshold.operand}</code> is {thresholdText} (the dashed
            red line).
          </span>
        ) : null}
        <span>Drag across the graph to zoom in.</span>
        {links.prometheus ? (
          <a
            className="text-accent hover:underline"
            href={prometheusGraphUrl(links.prometheus, query, linkWindow)}
            target="_blank"
            rel="noreferrer"
            data-testid="open-in-prometheus"
          >
            Open in Prometheus
          </a>
        ) : null}
        {links.grafana ? (
          <a
            className="text-accent hover:underline"
            href={grafanaExploreUrl(links.grafana, query, linkWindow)}
            target="_blank"
            rel="noreferrer"
            data-testid="open-in-grafana"
          >
            Open in Grafana Explore
          </a>
        ) : null}
      </p>
    </div>
  );
}

'use client';

import { StatusBlock } from '@/components/ui/status-block';
import { useApiQuery } from '@/lib/api/query';
import { panelOp } from '@/lib/overview/api';
import type { RangeKey } from '@/lib/overview/chart-range';
import { TimeSeriesChart } from './time-series-chart';

export function PanelChart({
  group,
  panel,
  title,
  range,
}: {
  group: string;
  panel: string;
  title: string;
  range: RangeKey;
}) {
  const { data, error } = useApiQuery(
    panelOp,
    { params: { group, panel }, query: { range } },
    { refetchInterval: 30_000, placeholderData: (previous) => previous },
  );
  return (
    <figure
      className="rounded-lg border border-border bg-surface p-3"
      data-testid={`panel-${group}-${panel}`}
    >
      <figcaption className="mb-2 text-sm font-medium">{title}</figcaption>
      <div className="h-44">
        <StatusBlock data={data} error={error}>
          {(answer) =>
            answer.missing ? (
              <p className="text-sm text-muted" data-testid="panel-missing">
                {answer.missing}
              </p>
            ) : (
              <TimeSeriesChart
                series={answer.series}
                start={answer.range.start}
                end={answer.range.end}
                unit={answer.unit}
                thresholds={answer.thresholds}
              />
            )
          }
        </StatusBlock>
      </div>
    </figure>
  );
}

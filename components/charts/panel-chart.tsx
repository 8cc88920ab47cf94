'use client';

import { useQuery } from '@tanstack/react-query';

import type { RangeKey } from '@/lib/overview/chart-range';
import type { PanelData } from '@/lib/overview/panel-data';
import { TimeSeriesChart } from './time-series-chart';

type ErrorBody = { error?: { message?: string; hint?: string } };

async function fetchPanel(group: string, panel: string, range: RangeKey): Promise<PanelData> {
  const res = await fetch(`/api/v1/panels/${group}/${panel}?range=${range}`);
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as ErrorBody;
    throw new Error(
      [body.error?.message ?? `Vigil answered ${res.status}`, body.error?.hint].filter(Boolean).join(' '),
    );
  }
  return res.json();
}

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
  const { data, error, isPending } = useQuery({
    queryKey: ['panel', group, panel, range],
    queryFn: () => fetchPanel(group, panel, range),
    refetchInterval: 30_000,
    placeholderData: (previous) => previous,
  });
  return (
    <figure
      className="rounded-lg border border-border bg-surface p-3"
      data-testid={`panel-${group}-${panel}`}
    >
      <figcaption className="mb-2 text-sm font-medium">{title}</figcaption>
      <div className="h-44">
        {error ? (
          <p role="alert" className="text-sm text-danger">
            {error.message}
          </p>
        ) : isPending || !data ? (
          <p className="text-sm text-muted">Loading…</p>
        ) : data.missing ? (
          <p className="text-sm text-muted" data-testid="panel-missing">
            {data.missing}
          </p>
        ) : (
          <TimeSeriesChart
            series={data.series}
            start={data.range.start}
            end={data.range.end}
            unit={data.unit}
            thresholds={data.thresholds}
          />
        )}
      </div>
    </figure>
  );
}

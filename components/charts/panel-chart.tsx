'use client';

import { useQuery } from '@tanstack/react-query';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { RangeKey } from '@/lib/overview/chart-range';
import type { PanelData } from '@/lib/overview/panel-data';
import { formatTick, formatValue } from './format';

const COLOURS = ['#3b82f6', '#22c55e', '#f59e0b', '#ef4444', '#a855f7', '#14b8a6', '#ec4899', '#84cc16'];

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

/** Joins the series on their timestamps into recharts' row format: [{t, s0, s1, …}]. */
function toRows(data: PanelData): Record<string, number>[] {
  const rows = new Map<number, Record<string, number>>();
  data.series.forEach((s, i) => {
    for (const [t, v] of s.points) {
      const row = rows.get(t) ?? { t };
      row[`s${i}`] = v;
      rows.set(t, row);
    }
  });
  return [...rows.values()].sort((a, b) => (a.t ?? 0) - (b.t ?? 0));
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
          <Chart data={data} />
        )}
      </div>
    </figure>
  );
}

function Chart({ data }: { data: PanelData }) {
  const rangeSeconds = data.range.end - data.range.start;
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={toRows(data)} margin={{ top: 4, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
        <XAxis
          dataKey="t"
          type="number"
          scale="time"
          domain={[data.range.start * 1000, data.range.end * 1000]}
          ticks={Array.from({ length: 5 }, (_, i) => (data.range.start + (i * rangeSeconds) / 4) * 1000)}
          tickFormatter={(t: number) => formatTick(t, rangeSeconds)}
          stroke="var(--muted)"
          fontSize={11}
        />
        <YAxis
          tickFormatter={(v: number) => formatValue(v, data.unit)}
          stroke="var(--muted)"
          fontSize={11}
          width={64}
        />
        <Tooltip
          contentStyle={{ background: 'var(--surface)', border: '1px solid var(--border)', fontSize: 12 }}
          labelFormatter={(t) => new Date(Number(t)).toLocaleString()}
          formatter={(v, key) => [
            formatValue(Number(v), data.unit),
            data.series[Number(String(key).slice(1))]?.name ?? '',
          ]}
        />
        {data.series.length > 1 ? <Legend iconSize={8} wrapperStyle={{ fontSize: 11 }} /> : null}
        {data.thresholds?.warn !== undefined ? (
          <ReferenceLine y={data.thresholds.warn} stroke="var(--warn)" strokeDasharray="4 4" />
        ) : null}
        {data.thresholds?.crit !== undefined ? (
          <ReferenceLine y={data.thresholds.crit} stroke="var(--danger)" strokeDasharray="4 4" />
        ) : null}
        {data.series.map((s, i) => (
          <Line
            key={s.name + String(i)}
            dataKey={`s${i}`}
            name={s.name}
            stroke={COLOURS[i % COLOURS.length]}
            dot={false}
            strokeWidth={1.5}
            isAnimationActive={false}
            connectNulls={false}
          />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}

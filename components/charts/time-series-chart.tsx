'use client';

import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceArea,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { PanelUnit } from '@/lib/config/panel-types';
import { formatTick, formatValue } from './format';

const COLOURS = ['#3b82f6', '#22c55e', '#f59e0b', '#ef4444', '#a855f7', '#14b8a6', '#ec4899', '#84cc16'];

/** A point's value is null where Prometheus had NaN or ±Inf (JSON has neither): a gap in the line. */
type ChartSeries = { name: string; points: [number, number | null][] };

type Props = {
  series: ChartSeries[];
  /** Unix seconds. */
  start: number;
  end: number;
  unit: PanelUnit;
  thresholds?: { warn?: number; crit?: number };
  /** A horizontal line with a label, e.g. an alerting rule's threshold. */
  line?: { y: number; label: string };
  /** A shaded time span (ms), e.g. while an alert fires. */
  area?: { from: number; to: number; label: string };
};

/** Joins the series on their timestamps into recharts' row format: [{t, s0, s1, …}]. */
function toRows(series: ChartSeries[]): Record<string, number | null>[] {
  const rows = new Map<number, Record<string, number | null>>();
  series.forEach((s, i) => {
    for (const [t, v] of s.points) {
      const row = rows.get(t) ?? { t };
      row[`s${i}`] = v;
      rows.set(t, row);
    }
  });
  return [...rows.values()].sort((a, b) => (a.t ?? 0) - (b.t ?? 0));
}

export function TimeSeriesChart({ series, start, end, unit, thresholds, line, area }: Props) {
  const rangeSeconds = end - start;
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={toRows(series)} margin={{ top: 4, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
        <XAxis
          dataKey="t"
          type="number"
          scale="time"
          domain={[start * 1000, end * 1000]}
          ticks={Array.from({ length: 5 }, (_, i) => (start + (i * rangeSeconds) / 4) * 1000)}
          tickFormatter={(t: number) => formatTick(t, rangeSeconds)}
          stroke="var(--muted)"
          fontSize={11}
        />
        <YAxis
          tickFormatter={(v: number) => formatValue(v, unit)}
          stroke="var(--muted)"
          fontSize={11}
          width={64}
        />
        <Tooltip
          contentStyle={{ background: 'var(--surface)', border: '1px solid var(--border)', fontSize: 12 }}
          labelFormatter={(t) => new Date(Number(t)).toLocaleString()}
          formatter={(v, key) => [
            formatValue(Number(v), unit),
            series[Number(String(key).slice(1))]?.name ?? '',
          ]}
        />
        {series.length > 1 ? <Legend iconSize={8} wrapperStyle={{ fontSize: 11 }} /> : null}
        {area ? (
          <ReferenceArea
            x1={area.from}
            x2={area.to}
            fill="var(--danger)"
            fillOpacity={0.08}
            label={{ value: area.label, fontSize: 10, fill: 'var(--muted)' }}
          />
        ) : null}
        {thresholds?.warn !== undefined ? (
          <ReferenceLine y={thresholds.warn} stroke="var(--warn)" strokeDasharray="4 4" />
        ) : null}
        {thresholds?.crit !== undefined ? (
          <ReferenceLine y={thresholds.crit} stroke="var(--danger)" strokeDasharray="4 4" />
        ) : null}
        {line ? (
          <ReferenceLine
            y={line.y}
            stroke="var(--danger)"
            strokeDasharray="4 4"
            label={{ value: line.label, fontSize: 10, fill: 'var(--danger)', position: 'insideTopRight' }}
          />
        ) : null}
        {series.map((s, i) => (
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

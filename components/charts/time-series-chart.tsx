'use client';

import { useState } from 'react';
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
import { formatTime } from '@/components/format/time';
import { useTimeZone } from '@/components/format/use-time-zone';
import type { PanelUnit } from '@/lib/config/panel-types';
import { valueAxis } from './axis';
import { formatTick, formatValue } from './format';
import { referenceLabelPosition } from './reference-label';

const COLOURS = ['#3b82f6', '#22c55e', '#f59e0b', '#ef4444', '#a855f7', '#14b8a6', '#ec4899', '#84cc16'];
/** Beyond this many series a legend hides the chart; names stay in the tooltip. */
const LEGEND_MAX = 8;
/** A drag narrower than this (ms) is a click, not a zoom. */
const MIN_ZOOM_MS = 60_000;
/** The plot's inset in the chart: the value axis' width on the left, the margin on the right. */
const PLOT_LEFT = 64;
const PLOT_RIGHT = 8;

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
  /** Called with the span (ms) a person dragged across; without it the chart does not zoom. */
  onZoom?: (fromMs: number, toMs: number) => void;
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

/** The time (ms) under the pointer: the time axis spans the plot's width linearly from start to end. */
function timeAt(event: React.PointerEvent<HTMLDivElement>, start: number, end: number): number {
  const box = event.currentTarget.getBoundingClientRect();
  const width = Math.max(1, box.width - PLOT_LEFT - PLOT_RIGHT);
  const fraction = Math.min(1, Math.max(0, (event.clientX - box.left - PLOT_LEFT) / width));
  return (start + fraction * (end - start)) * 1000;
}

export function TimeSeriesChart({ series, start, end, unit, thresholds, line, area, onZoom }: Props) {
  const zone = useTimeZone();
  const [drag, setDrag] = useState<{ from: number; to: number } | null>(null);
  const rangeSeconds = end - start;
  const values = series.flatMap((s) => s.points.map(([, v]) => v ?? Number.NaN));
  const marks = [line?.y, thresholds?.warn, thresholds?.crit].filter((v): v is number => v !== undefined);
  const yAxis = valueAxis(values, unit, marks);
  const finishDrag = () => {
    if (drag && onZoom && Math.abs(drag.to - drag.from) >= MIN_ZOOM_MS)
      onZoom(Math.min(drag.from, drag.to), Math.max(drag.from, drag.to));
    setDrag(null);
  };
  // Pointer events on a wrapper rather than recharts' mouse handlers, which it throttles to animation
  // frames (a quick drag could end before its last move arrived); pointer capture keeps a drag that
  // leaves the chart.
  return (
    <div
      className={`h-full w-full ${onZoom ? 'cursor-crosshair select-none' : ''}`}
      onPointerDown={(event) => {
        if (!onZoom || event.button !== 0) return;
        event.currentTarget.setPointerCapture(event.pointerId);
        const at = timeAt(event, start, end);
        setDrag({ from: at, to: at });
      }}
      onPointerMove={(event) => {
        if (drag) setDrag({ ...drag, to: timeAt(event, start, end) });
      }}
      onPointerUp={finishDrag}
      onPointerCancel={() => setDrag(null)}
    >
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={toRows(series)} margin={{ top: 4, right: PLOT_RIGHT, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
          <XAxis
            dataKey="t"
            type="number"
            scale="time"
            domain={[start * 1000, end * 1000]}
            ticks={Array.from({ length: 5 }, (_, i) => (start + (i * rangeSeconds) / 4) * 1000)}
            tickFormatter={(t: number) => formatTick(t, rangeSeconds, zone)}
            stroke="var(--muted)"
            fontSize={11}
          />
          <YAxis
            domain={yAxis.domain}
            ticks={yAxis.ticks}
            allowDataOverflow
            tickFormatter={yAxis.format}
            stroke="var(--muted)"
            fontSize={11}
            width={PLOT_LEFT}
          />
          <Tooltip
            contentStyle={{ background: 'var(--surface)', border: '1px solid var(--border)', fontSize: 12 }}
            labelFormatter={(t) => formatTime(Number(t), zone, 'second')}
            formatter={(v, key) => [
              formatValue(Number(v), unit),
              series[Number(String(key).slice(1))]?.name ?? '',
            ]}
          />
          {series.length > 1 && series.length <= LEGEND_MAX ? (
            <Legend iconSize={8} wrapperStyle={{ fontSize: 11 }} />
          ) : null}
          {area ? (
            <ReferenceArea
              x1={area.from}
              x2={area.to}
              fill="var(--danger)"
              fillOpacity={0.08}
              label={{ value: area.label, fontSize: 11, fill: 'var(--muted)', position: 'insideTopLeft' }}
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
              strokeWidth={1.5}
              label={{
                value: line.label,
                fontSize: 12,
                fontWeight: 600,
                fill: 'var(--danger)',
                position: referenceLabelPosition(line.y, yAxis.domain),
              }}
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
          {drag ? (
            <ReferenceArea x1={drag.from} x2={drag.to} fill="var(--accent)" fillOpacity={0.15} />
          ) : null}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

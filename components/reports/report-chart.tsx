'use client';

import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatDuration } from '@/components/format/duration';
import type { Report } from '@/lib/reports/report-schema';
import { chartRows } from './chart-rows';

/**
 * A legend entry's length at most: a label set is one long word (`{alertname="…",instance="…"}`) that
 * cannot wrap and would push a phone's page sideways; the tooltip and the table give it in full.
 */
const LEGEND_CHARS = 32;
const shortName = (name: string) =>
  name.length > LEGEND_CHARS ? `${name.slice(0, LEGEND_CHARS - 1)}…` : name;

const COLOURS = ['#3b82f6', '#22c55e', '#f59e0b', '#ef4444', '#a855f7', '#14b8a6', '#ec4899', '#84cc16'];

/**
 * A report's weekly values: stacked bars of counts (firings, flaps) or lines of durations (p50 to
 * acknowledge), one series per top row, weeks named by their Monday in the report's zone.
 */
export function ReportChart({ report }: { report: Report }) {
  const { rows, series } = chartRows(report);
  const seconds = report.chart.unit === 'seconds';
  const format = (v: unknown) => (typeof v === 'number' ? (seconds ? formatDuration(v) : String(v)) : '—');
  // An array, not a fragment: recharts looks for its axes among the chart's direct children.
  const common = [
    <CartesianGrid key="grid" stroke="var(--border)" strokeDasharray="3 3" />,
    <XAxis key="x" dataKey="week" stroke="var(--muted)" fontSize={11} />,
    <YAxis
      key="y"
      stroke="var(--muted)"
      fontSize={11}
      width={48}
      allowDecimals={seconds}
      tickFormatter={format}
    />,
    <Tooltip
      key="tooltip"
      formatter={format}
      contentStyle={{ background: 'var(--surface)', border: '1px solid var(--border)', fontSize: 12 }}
    />,
    <Legend key="legend" wrapperStyle={{ fontSize: 11 }} formatter={(name) => shortName(String(name))} />,
  ];
  return (
    <figure className="h-56 w-full min-w-0 overflow-hidden" aria-label={report.chart.label}>
      <ResponsiveContainer width="100%" height="100%">
        {report.chart.kind === 'bars' ? (
          <BarChart data={rows}>
            {common}
            {series.map((s, i) => (
              <Bar
                key={s.key}
                dataKey={s.key}
                name={s.name}
                stackId="weekly"
                fill={COLOURS[i % COLOURS.length]}
                isAnimationActive={false}
              />
            ))}
          </BarChart>
        ) : (
          <LineChart data={rows}>
            {common}
            {series.map((s, i) => (
              <Line
                key={s.key}
                dataKey={s.key}
                name={s.name}
                stroke={COLOURS[i % COLOURS.length]}
                dot
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        )}
      </ResponsiveContainer>
    </figure>
  );
}

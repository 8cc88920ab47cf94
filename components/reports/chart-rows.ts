import type { Report } from '@/lib/reports/report-schema';

/** Rows beyond this many are in the table, not the chart: more bars or lines than colours hide each other. */
export const CHART_SERIES = 8;

/**
 * A report's weekly values as recharts rows, one per week: `{week: '2026-03-23', s0: 3, s1: null}` with
 * `s<i>` the i-th row's value; and the series' names. Pure.
 */
export function chartRows(report: Pick<Report, 'weeks' | 'rows'>) {
  const shown = report.rows.slice(0, CHART_SERIES);
  const rows = report.weeks.map((week, w) => {
    const row: Record<string, string | number | null> = { week };
    shown.forEach((r, i) => {
      row[`s${i}`] = r.weekly[w] ?? null;
    });
    return row;
  });
  return { rows, series: shown.map((r, i) => ({ key: `s${i}`, name: r.name })) };
}

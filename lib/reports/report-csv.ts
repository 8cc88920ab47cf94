import { csvLine } from '@/lib/admin/audit-csv';
import type { Report } from './report-schema';

/**
 * A report as CSV: its columns by key, then one column per week (named by its Monday) holding the
 * row's weekly value, then the row's history link. RFC 4180 with a byte-order mark, cells quoted and
 * made formula-safe by the audit export's writer (a label value is whatever an alert carried, and
 * `=HYPERLINK(…)` in one must not run in a spreadsheet). Pure.
 *
 *   reportCsv({columns: [{key: 'alertname'}, {key: 'firings'}], weeks: ['2026-03-23'],
 *              rows: [{cells: {alertname: 'A', firings: 3}, weekly: [3], history: '/history?…'}]})
 *     → '\uFEFFalertname,firings,2026-03-23,history\r\nA,3,3,/history?…\r\n'
 */
export function reportCsv(report: Pick<Report, 'columns' | 'weeks' | 'rows'>): string {
  const header = [...report.columns.map((c) => c.key), ...report.weeks, 'history'];
  const lines = report.rows.map((row) =>
    csvLine([
      ...report.columns.map((c) => cellText(row.cells[c.key])),
      ...row.weekly.map(cellText),
      row.history,
    ]),
  );
  return `\uFEFF${csvLine(header)}${lines.join('')}`;
}

/** Numbers as JavaScript writes them (seconds to the millisecond at most), nothing as empty. */
function cellText(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'number' ? String(Math.round(value * 1000) / 1000) : value;
}

/** `vigil-noisiest-alerts-2026-03-02-2026-03-26.csv` (the range's UTC dates). */
export function reportCsvFilename(report: Pick<Report, 'report' | 'from' | 'to'>): string {
  return `vigil-${report.report}-${report.from.slice(0, 10)}-${report.to.slice(0, 10)}.csv`;
}

'use client';

import dynamic from 'next/dynamic';
import type { ReactNode } from 'react';
import { formatDuration } from '@/components/format/duration';
import { LocalTime } from '@/components/format/local-time';
import { Card } from '@/components/ui/card';
import { StatusBlock } from '@/components/ui/status-block';
import { Table } from '@/components/ui/table';
import { pathOf } from '@/lib/api/operation';
import { useApiQuery } from '@/lib/api/query';
import { getReportCsvOp, getReportOp } from '@/lib/reports/api';
import { REPORT_META } from '@/lib/reports/report-meta';
import type { Report, ReportColumn, ReportName, ReportRow } from '@/lib/reports/report-schema';

/** recharts (~100 KB) loads with the first chart drawn, after the page's data arrives. */
const ReportChart = dynamic(() => import('./report-chart').then((m) => m.ReportChart), {
  ssr: false,
  loading: () => <p className="text-sm text-muted">Loading the chart…</p>,
});

export type ReportQuery = { from?: string; to?: string; zone: string; measure?: 'acknowledge' | 'resolve' };

/** A time in the report's zone: its weeks and range are in it, so "last seen" must be too. */
function Cell({
  column,
  value,
  zone,
}: {
  column: ReportColumn;
  value: ReportRow['cells'][string] | undefined;
  zone: string;
}) {
  if (value === null || value === undefined) return <>—</>;
  if (column.kind === 'time') return <LocalTime at={String(value)} zone={zone} />;
  if (column.kind === 'seconds' && typeof value === 'number') return <>{formatDuration(value)}</>;
  return <>{value}</>;
}

/**
 * One report: its chart of weekly values, its table (the first cell of each row links to the history
 * behind it) and a link to the same report as CSV.
 */
export function ReportSection({
  name,
  query,
  controls,
}: {
  name: ReportName;
  query: ReportQuery;
  controls?: ReactNode;
}) {
  const { data, error, isFetching } = useApiQuery(getReportOp, { params: { report: name }, query });
  const csv = `${pathOf(getReportCsvOp, { report: name })}?${new URLSearchParams(query)}`;
  const meta = REPORT_META[name];
  return (
    <Card
      title={meta.title}
      actions={
        <a href={csv} download className="text-sm text-accent underline" data-testid={`csv-${name}`}>
          Download CSV
        </a>
      }
    >
      <div className="flex flex-col gap-3" data-testid={`report-${name}`}>
        <p className="text-sm text-muted">{meta.description}</p>
        {controls}
        <StatusBlock data={data} error={error} refreshing={isFetching}>
          {(report: Report) => (
            <>
              {report.rows.length > 0 ? <ReportChart report={report} /> : null}
              <div className="overflow-x-auto">
                <Table
                  caption={meta.title}
                  columns={report.columns.map((c) => ({
                    header: c.label,
                    align: c.kind === 'text' ? undefined : ('right' as const),
                  }))}
                  rows={report.rows}
                  rowKey={(r) => r.name}
                  empty="Nothing in this range."
                  renderRow={(row) => (
                    <tr className="border-t border-border" data-testid="report-row">
                      {report.columns.map((c, i) => (
                        <td
                          key={c.key}
                          className={`py-1 pr-2 ${c.kind === 'text' ? 'break-all font-mono text-xs' : 'text-right tabular-nums'}`}
                        >
                          {i === 0 ? (
                            <a
                              href={row.history}
                              className="text-accent underline"
                              title="The history behind this row"
                            >
                              <Cell column={c} value={row.cells[c.key]} zone={query.zone} />
                            </a>
                          ) : (
                            <Cell column={c} value={row.cells[c.key]} zone={query.zone} />
                          )}
                        </td>
                      ))}
                    </tr>
                  )}
                />
              </div>
            </>
          )}
        </StatusBlock>
      </div>
    </Card>
  );
}

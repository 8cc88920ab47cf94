'use client';

import { formatDuration } from '@/components/format/duration';
import { LocalTime } from '@/components/format/local-time';
import { Badge } from '@/components/ui/badge';
import { Link } from '@/components/ui/link';
import { Table } from '@/components/ui/table';
import type { HistoryFiring } from '@/lib/history/api-schema';

const COLUMNS = [
  { header: 'Alert' },
  { header: 'Started' },
  { header: 'Ended' },
  { header: 'Duration' },
  { header: 'Acknowledged by' },
  { header: 'Silences' },
  { header: 'Incidents' },
] as const;

/** One row per firing; a still-firing alert links to its detail page (a resolved one is gone from Alertmanager). */
export function HistoryTable({ firings }: { firings: readonly HistoryFiring[] }) {
  return (
    <Table
      caption="Firings"
      columns={COLUMNS}
      rows={firings}
      rowKey={(f) => `${f.fingerprint}@${f.startsAt}`}
      empty="No firing matches these matchers in this range."
      testId="history-table"
      renderRow={(f) => (
        <tr className="border-t border-border align-top" data-testid="history-row">
          <td className="py-2 pr-3">
            {f.status === 'firing' ? (
              <Link
                href={`/alerts/${encodeURIComponent(f.fingerprint)}?cluster=${encodeURIComponent(f.cluster)}`}
                className="font-medium text-accent hover:underline"
              >
                {f.alertname}
              </Link>
            ) : (
              <span className="font-medium">{f.alertname}</span>
            )}
            <div className="mt-1 flex max-w-md flex-wrap gap-1">
              {Object.entries(f.labels)
                .filter(([name]) => name !== 'alertname')
                .map(([name, value]) => (
                  <span key={name} className="break-all rounded bg-bg px-1 font-mono text-xs text-muted">
                    {name}={value}
                  </span>
                ))}
            </div>
          </td>
          <td className="whitespace-nowrap py-2 pr-3">
            <LocalTime at={f.startsAt} />
          </td>
          <td className="whitespace-nowrap py-2 pr-3">
            {f.status === 'firing' ? <Badge tone="danger">firing</Badge> : <LocalTime at={f.endsAt} />}
          </td>
          <td className="whitespace-nowrap py-2 pr-3" data-testid="history-duration">
            {f.durationSeconds === null ? '—' : formatDuration(f.durationSeconds)}
            {f.status === 'firing' ? <span className="text-muted"> so far</span> : null}
          </td>
          <td className="py-2 pr-3">
            {f.acknowledgedBy.length === 0
              ? '—'
              : f.acknowledgedBy.map((a) => (
                  <div key={`${a.name}${a.at}`}>
                    {a.name} <LocalTime at={a.at} className="text-xs text-muted" />
                  </div>
                ))}
          </td>
          <td className="py-2 pr-3">
            {f.silences.length === 0
              ? '—'
              : f.silences.map((s) => (
                  <div key={s.id} className="text-xs" title={`by ${s.createdBy}`}>
                    <span className="break-all font-mono">{s.matchers}</span>{' '}
                    <span className="text-muted">({s.createdBy})</span>
                  </div>
                ))}
          </td>
          <td className="py-2 pr-3">
            {f.incidents.length === 0
              ? '—'
              : f.incidents.map((i) => (
                  <div key={i.ref}>
                    <Link href={`/incidents/${i.ref}`} className="text-accent hover:underline">
                      {i.ref}
                    </Link>{' '}
                    <span className="text-xs text-muted">
                      {i.title} · {i.status}
                    </span>
                  </div>
                ))}
          </td>
        </tr>
      )}
    />
  );
}

import { Badge } from '@/components/ui/badge';
import type { AuditEntry } from '@/lib/admin/audit-log';

const SUMMARY_LENGTH = 80;

/**
 * One line for the table; the full JSON is in the cell's title and the CSV.
 * `{from: 'viewer', to: 'admin'}` → `from: viewer, to: admin`; `{}` → `—`.
 */
function summariseDetails(details: unknown): string {
  const text =
    details && typeof details === 'object' && !Array.isArray(details)
      ? Object.entries(details)
          .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
          .join(', ')
      : JSON.stringify(details ?? null);
  if (!text || text === 'null') return '—';
  return text.length > SUMMARY_LENGTH ? `${text.slice(0, SUMMARY_LENGTH - 1)}…` : text;
}

export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  if (!entries.length) return <p className="text-sm text-muted">No audit entries match these filters.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Audit entries, newest first</caption>
        <thead className="text-muted">
          <tr>
            <th className="py-1 pr-3 font-medium">When (UTC)</th>
            <th className="py-1 pr-3 font-medium">Who</th>
            <th className="py-1 pr-3 font-medium">Via</th>
            <th className="py-1 pr-3 font-medium">Action</th>
            <th className="py-1 pr-3 font-medium">Target</th>
            <th className="py-1 pr-3 font-medium">Details</th>
            <th className="py-1 pr-3 font-medium">Address</th>
            <th className="py-1 font-medium">Outcome</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id} className="border-t border-border align-top" data-testid="audit-entry">
              <td className="whitespace-nowrap py-1.5 pr-3 font-mono text-xs">
                <time dateTime={e.at}>{e.at.replace('T', ' ').slice(0, 19)}</time>
              </td>
              <td className="py-1.5 pr-3">{e.actorEmail ?? 'system'}</td>
              <td className="py-1.5 pr-3 text-muted">{e.via}</td>
              <td className="py-1.5 pr-3 font-mono text-xs">{e.action}</td>
              <td className="py-1.5 pr-3 break-all">{e.target ?? '—'}</td>
              <td className="py-1.5 pr-3 break-all text-muted" title={JSON.stringify(e.details)}>
                {summariseDetails(e.details)}
              </td>
              <td className="py-1.5 pr-3 font-mono text-xs">{e.ip ?? '—'}</td>
              <td className="py-1.5">
                {e.success ? <Badge tone="ok">succeeded</Badge> : <Badge tone="danger">failed</Badge>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

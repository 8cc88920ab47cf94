import { LocalTime } from '@/components/format/local-time';
import { Badge } from '@/components/ui/badge';
import { Table } from '@/components/ui/table';
import type { AuditEntry } from '@/lib/admin/audit-schema';

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

/**
 * Who acted: the account's e-mail; for `npm run user` (via cli, no account) the operating-system user and
 * host its details name; else Vigil itself.
 *
 *   {actorEmail: 'ana@x'} → 'ana@x';  {via: 'cli', details: {osUser: 'root', host: 'vigil-1'}} → 'root@vigil-1 (shell)'
 */
function who(e: AuditEntry): string {
  if (e.actorEmail) return e.actorEmail;
  const d = e.details as { osUser?: unknown; host?: unknown } | null;
  if (e.via === 'cli' && typeof d?.osUser === 'string' && typeof d.host === 'string')
    return `${d.osUser}@${d.host} (shell)`;
  return 'system';
}

const COLUMNS = ['When (UTC)', 'Who', 'Via', 'Action', 'Target', 'Details', 'Address', 'Outcome'].map(
  (header) => ({
    header,
  }),
);

export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  return (
    <Table
      caption="Audit entries, newest first"
      columns={COLUMNS}
      rows={entries}
      rowKey={(e) => e.id}
      empty="No audit entries match these filters."
      renderRow={(e) => (
        <tr className="border-t border-border align-top" data-testid="audit-entry">
          <td className="whitespace-nowrap py-1.5 pr-3 font-mono text-xs">
            {/* In UTC, as the filters above and the CSV export are: a time read here can be typed there. */}
            <LocalTime at={e.at} precision="second" zone="UTC" />
          </td>
          <td className="py-1.5 pr-3">{who(e)}</td>
          <td className="py-1.5 pr-3 text-muted">{e.via}</td>
          <td className="py-1.5 pr-3 font-mono text-xs">{e.action}</td>
          <td className="min-w-40 py-1.5 pr-3 wrap-anywhere">{e.target ?? '—'}</td>
          <td className="min-w-48 py-1.5 pr-3 text-muted wrap-anywhere" title={JSON.stringify(e.details)}>
            {summariseDetails(e.details)}
          </td>
          <td className="py-1.5 pr-3 font-mono text-xs">{e.ip ?? '—'}</td>
          <td className="py-1.5">
            {e.success ? <Badge tone="ok">succeeded</Badge> : <Badge tone="danger">failed</Badge>}
          </td>
        </tr>
      )}
    />
  );
}

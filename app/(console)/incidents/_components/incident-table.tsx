import Link from 'next/link';
import { IncidentStatusBadge, SeverityBadge } from '@/components/incidents/status-badge';
import { formatSeconds } from '@/lib/incidents/incident-metrics';
import type { IncidentList } from '@/lib/incidents/incident-schemas';

/** The listed incidents, with MTTA/MTTR per incident and averaged over the list in the footer. */
export function IncidentTable({ list }: { list: IncidentList }) {
  if (list.incidents.length === 0)
    return <p className="mt-4 text-sm text-muted">No incidents match these filters.</p>;
  return (
    <div className="mt-4 overflow-x-auto rounded-lg border border-border bg-surface">
      <table className="w-full text-sm" data-testid="incident-table">
        <thead className="border-b border-border text-left text-xs text-muted">
          <tr>
            <th className="px-3 py-2">Incident</th>
            <th className="px-3 py-2">Title</th>
            <th className="px-3 py-2">Severity</th>
            <th className="px-3 py-2">Status</th>
            <th className="px-3 py-2">Commander</th>
            <th className="px-3 py-2">Level</th>
            <th className="px-3 py-2">Opened (UTC)</th>
            <th className="px-3 py-2 text-right">MTTA</th>
            <th className="px-3 py-2 text-right">MTTR</th>
          </tr>
        </thead>
        <tbody>
          {list.incidents.map((i) => (
            <tr key={i.id} className="border-b border-border last:border-0" data-testid="incident-row">
              <td className="px-3 py-2 font-mono">
                <Link href={`/incidents/${i.ref}`} className="text-accent hover:underline">
                  {i.ref}
                </Link>
              </td>
              <td className="px-3 py-2">{i.title}</td>
              <td className="px-3 py-2">
                <SeverityBadge severity={i.severity} />
              </td>
              <td className="px-3 py-2">
                <IncidentStatusBadge status={i.status} />
              </td>
              <td className="px-3 py-2">{i.commander?.name ?? '—'}</td>
              <td className="px-3 py-2">{i.escalationLevel > 0 ? `L${i.escalationLevel}` : '—'}</td>
              <td className="px-3 py-2 font-mono text-xs tabular-nums">
                {i.openedAt.replace('T', ' ').slice(0, 16)}
              </td>
              <td className="px-3 py-2 text-right tabular-nums" data-testid="mtta">
                {formatSeconds(i.mttaSeconds)}
              </td>
              <td className="px-3 py-2 text-right tabular-nums" data-testid="mttr">
                {formatSeconds(i.mttrSeconds)}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot className="border-t border-border text-xs">
          <tr>
            <th scope="row" colSpan={7} className="px-3 py-2 text-left font-medium">
              Average over {list.incidents.length} listed incident(s)
            </th>
            <td className="px-3 py-2 text-right tabular-nums" data-testid="average-mtta">
              {formatSeconds(list.averages.mttaSeconds)}
            </td>
            <td className="px-3 py-2 text-right tabular-nums" data-testid="average-mttr">
              {formatSeconds(list.averages.mttrSeconds)}
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

import { LocalTime } from '@/components/format/local-time';
import { IncidentStatusBadge, SeverityBadge } from '@/components/incidents/status-badge';
import { Link } from '@/components/ui/link';
import { Table } from '@/components/ui/table';
import { formatSeconds } from '@/lib/incidents/incident-metrics';
import type { IncidentList } from '@/lib/incidents/incident-schemas';

/** The listed incidents, with MTTA/MTTR per incident and averaged over the list in the footer. */
export function IncidentTable({ list }: { list: IncidentList }) {
  return (
    <div className="mt-4">
      <Table
        framed
        caption="Incidents"
        testId="incident-table"
        columns={[
          { header: 'Incident' },
          { header: 'Title' },
          { header: 'Severity' },
          { header: 'Status' },
          { header: 'Commander' },
          { header: 'Level' },
          { header: 'Opened' },
          { header: 'MTTA', align: 'right' },
          { header: 'MTTR', align: 'right' },
        ]}
        rows={list.incidents}
        rowKey={(i) => i.id}
        empty="No incidents match these filters."
        renderRow={(i) => (
          <tr className="border-t border-border" data-testid="incident-row">
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
              <LocalTime at={i.openedAt} />
            </td>
            <td className="px-3 py-2 text-right tabular-nums" data-testid="mtta">
              {formatSeconds(i.mttaSeconds)}
            </td>
            <td className="px-3 py-2 text-right tabular-nums" data-testid="mttr">
              {formatSeconds(i.mttrSeconds)}
            </td>
          </tr>
        )}
        footer={
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
        }
      />
    </div>
  );
}

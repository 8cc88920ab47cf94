import type { SilenceRow, SilenceState } from '@/lib/incidents/silence-list';
import { SilenceTableRow } from './silence-table-row';

const EMPTY: Record<SilenceState, string> = {
  active: 'No active silences: every firing alert notifies as its route says.',
  pending: 'No pending silences: none is scheduled to start later.',
  expired:
    'No expired silences. Alertmanager keeps an expired silence for its retention (5 days by default), then forgets it.',
};

const TIME_HEADER: Record<SilenceState, string> = {
  active: 'Time left',
  pending: 'Starts in',
  expired: 'Ended',
};

type Props = {
  rows: SilenceRow[];
  state: SilenceState;
  filtered: boolean;
  nowMs: number;
  highlightId: string | null;
  canAct: boolean;
  onEdit: (row: SilenceRow) => void;
  onRecreate: (row: SilenceRow) => void;
};

export function SilenceTable({
  rows,
  state,
  filtered,
  nowMs,
  highlightId,
  canAct,
  onEdit,
  onRecreate,
}: Props) {
  if (rows.length === 0)
    return (
      <p className="rounded-md border border-border p-4 text-sm text-muted" data-testid="silences-empty">
        {filtered ? `No ${state} silences match this filter.` : EMPTY[state]}
      </p>
    );
  return (
    <div className="overflow-x-auto rounded-md border border-border">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{`${state[0]?.toUpperCase()}${state.slice(1)} silences`}</caption>
        <thead className="bg-bg text-xs text-muted">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">
              Matchers
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Created by
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Comment
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Starts
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Ends
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              {TIME_HEADER[state]}
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Silencing now
            </th>
            {canAct ? (
              <th scope="col" className="px-3 py-2 text-right font-medium">
                Actions
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <SilenceTableRow
              key={`${row.cluster}/${row.id}`}
              row={row}
              nowMs={nowMs}
              highlighted={
                highlightId !== null &&
                (row.id === highlightId || Boolean(row.record?.previousIds.includes(highlightId)))
              }
              canAct={canAct}
              onEdit={onEdit}
              onRecreate={onRecreate}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

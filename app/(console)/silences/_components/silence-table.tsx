import { Table } from '@/components/ui/table';
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
  return (
    <Table
      framed
      caption={`${state[0]?.toUpperCase()}${state.slice(1)} silences`}
      columns={[
        { header: 'Matchers' },
        { header: 'Created by' },
        { header: 'Comment' },
        { header: 'Starts' },
        { header: 'Ends' },
        { header: TIME_HEADER[state] },
        { header: 'Silencing now' },
        canAct && { header: 'Actions', align: 'right' },
      ]}
      rows={rows}
      rowKey={(row) => `${row.cluster}/${row.id}`}
      empty={filtered ? `No ${state} silences match this filter.` : EMPTY[state]}
      emptyTestId="silences-empty"
      renderRow={(row) => (
        <SilenceTableRow
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
      )}
    />
  );
}

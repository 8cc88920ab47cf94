'use client';

import { useEffect, useRef } from 'react';
import { silencedAlertsHref } from '@/components/alerts/view-state';
import { LocalTime } from '@/components/format/local-time';
import { MatcherChips } from '@/components/silences/matcher-chips';
import { timeLeft } from '@/components/silences/silence-time';
import { Badge } from '@/components/ui/badge';
import { Link } from '@/components/ui/link';
import type { SilenceRow } from '@/lib/incidents/silence-list';
import { SilenceActions } from './silence-actions';

/**
 * One silence: its matchers with what Vigil knows of it, who made it and why, when it runs, and the
 * alerts it mutes now (a link to them on the alerts page).
 */
export function SilenceTableRow({
  row,
  nowMs,
  highlighted,
  canAct,
  onEdit,
  onRecreate,
}: {
  row: SilenceRow;
  nowMs: number;
  highlighted: boolean;
  canAct: boolean;
  onEdit: (row: SilenceRow) => void;
  onRecreate: (row: SilenceRow) => void;
}) {
  const ref = useRef<HTMLTableRowElement>(null);
  useEffect(() => {
    if (highlighted) ref.current?.scrollIntoView({ block: 'center' });
  }, [highlighted]);
  const matchersId = `silence-${row.cluster}-${row.id}-matchers`;
  return (
    <tr
      ref={ref}
      data-testid="silence-row"
      data-silence-id={row.id}
      aria-current={highlighted ? 'true' : undefined}
      className={`border-t border-border align-top ${highlighted ? 'bg-accent/10' : ''}`}
    >
      <td className="px-3 py-2">
        <MatcherChips id={matchersId} matchers={row.matchers} />
        <div className="mt-1 flex flex-wrap gap-1">
          {row.expiringSoon ? <Badge tone="warn">expires soon</Badge> : null}
          {row.longLived ? <Badge tone="warn">long-lived</Badge> : null}
          {row.matchesNothing ? <Badge>mutes nothing</Badge> : null}
          {row.record?.ackId ? <Badge tone="accent">acknowledgement</Badge> : null}
          {row.record ? <Badge tone="ok">made in Vigil</Badge> : <Badge>made elsewhere</Badge>}
          {row.record?.incident ? (
            <Link
              href={`/incidents/${row.record.incident.id}`}
              className="text-xs text-accent hover:underline"
            >
              incident #{row.record.incident.number}
            </Link>
          ) : null}
        </div>
      </td>
      <td className="px-3 py-2 break-all">{row.createdBy}</td>
      <td className="max-w-72 px-3 py-2 break-words">{row.comment}</td>
      <td className="px-3 py-2 whitespace-nowrap">
        <LocalTime at={row.startsAt} />
      </td>
      <td className="px-3 py-2 whitespace-nowrap">
        <LocalTime at={row.endsAt} />
      </td>
      <td className="px-3 py-2 whitespace-nowrap" suppressHydrationWarning>
        {timeLeft(row, nowMs)}
      </td>
      <td className="px-3 py-2 whitespace-nowrap">
        {row.silencedAlerts > 0 ? (
          <Link href={silencedAlertsHref(row.matchersText)} className="text-accent hover:underline">
            {row.silencedAlerts} {row.silencedAlerts === 1 ? 'alert' : 'alerts'}
          </Link>
        ) : (
          <span className="text-muted">none</span>
        )}
      </td>
      {canAct ? (
        <td className="px-3 py-2">
          <SilenceActions
            row={row}
            describedBy={matchersId}
            onEdit={() => onEdit(row)}
            onRecreate={() => onRecreate(row)}
          />
        </td>
      ) : null}
    </tr>
  );
}

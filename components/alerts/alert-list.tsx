'use client';

import { severityClass } from '@/components/format/severity';
import { Button } from '@/components/ui/button';
import type { AlertGroupSummary, AlertItem } from '@/lib/alerts/api-schema';
import { AlertRow } from './alert-row';

type Props = {
  alerts: AlertItem[];
  groups: AlertGroupSummary[];
  groupBy: string;
  selected: number;
  isNew: (fingerprint: string) => boolean;
  nowMs: number;
  hrefFor: (fingerprint: string) => string;
  onSelect: (index: number) => void;
  onPointerInside: (inside: boolean) => void;
  /** Present for responders and admins. */
  actions?: {
    onAck: (alert: AlertItem) => void;
    onAckGroup: (group: AlertGroupSummary) => void;
    onSilenceGroup: (group: AlertGroupSummary) => void;
    onOpenIncident: (group: AlertGroupSummary) => void;
  };
};

function groupTitle(group: AlertGroupSummary): string {
  const labels = Object.entries(group.labels)
    .map(([k, v]) => (v ? `${k}="${v}"` : `no ${k}`))
    .join(' ');
  return [group.receiver ? `→ ${group.receiver}` : '', labels || 'all alerts'].filter(Boolean).join(' ');
}

/** One page of alerts under their group headers (each header carries the group's full count). */
export function AlertList({
  alerts,
  groups,
  groupBy,
  selected,
  isNew,
  nowMs,
  hrefFor,
  onSelect,
  onPointerInside,
  actions,
}: Props) {
  const byKey = new Map(groups.map((g) => [g.key, g]));
  const rows: (
    | { kind: 'group'; group: AlertGroupSummary }
    | { kind: 'alert'; alert: AlertItem; index: number }
  )[] = [];
  let lastGroup: string | undefined;
  alerts.forEach((alert, index) => {
    if (groupBy && alert.groupKey !== lastGroup) {
      const group = byKey.get(alert.groupKey);
      if (group) rows.push({ kind: 'group', group });
      lastGroup = alert.groupKey;
    }
    rows.push({ kind: 'alert', alert, index });
  });
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: pointer tracking only freezes refreshes; it is not a control.
    <div onMouseEnter={() => onPointerInside(true)} onMouseLeave={() => onPointerInside(false)}>
      <ul className="rounded-lg border border-border bg-surface" aria-label="Alerts" data-testid="alert-list">
        {rows.map((row) =>
          row.kind === 'group' ? (
            <li
              key={`g-${row.group.key}`}
              className="flex items-center gap-2 bg-bg px-3 py-1.5 text-xs font-semibold"
              data-testid="alert-group"
            >
              <span className="font-mono">{groupTitle(row.group)}</span>
              <span className="text-muted">{row.group.count}</span>
              {Object.entries(row.group.bySeverity)
                .filter(([, n]) => n > 0)
                .map(([s, n]) => (
                  <span key={s} className={`rounded px-1 ${severityClass(s)}`}>
                    {n}
                  </span>
                ))}
              {actions ? (
                <span className="ml-auto flex gap-1 font-normal">
                  <Button variant="ghost" onClick={() => actions.onAckGroup(row.group)}>
                    Acknowledge group
                  </Button>
                  <Button variant="ghost" onClick={() => actions.onSilenceGroup(row.group)}>
                    Silence group…
                  </Button>
                  <Button variant="ghost" onClick={() => actions.onOpenIncident(row.group)}>
                    Open incident
                  </Button>
                </span>
              ) : null}
            </li>
          ) : (
            <AlertRow
              key={row.alert.fingerprint}
              alert={row.alert}
              selected={row.index === selected}
              isNew={isNew(row.alert.fingerprint)}
              nowMs={nowMs}
              href={hrefFor(row.alert.fingerprint)}
              onSelect={() => onSelect(row.index)}
              onAck={actions && !row.alert.ack ? () => actions.onAck(row.alert) : undefined}
            />
          ),
        )}
        {alerts.length === 0 ? (
          <li className="px-3 py-6 text-center text-sm text-muted">No alert matches this view.</li>
        ) : null}
      </ul>
    </div>
  );
}

'use client';

import { severityClass } from '@/components/format/severity';
import { Button } from '@/components/ui/button';
import { formatMatcher } from '@/lib/alertmanager/filter-syntax';
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
  /** Opens an alert's detail (a plain click on its name). */
  onOpen: (fingerprint: string) => void;
  onSelect: (index: number) => void;
  onPointerInside: (inside: boolean) => void;
  /** Groups folded to their header (by key). */
  collapsed: ReadonlySet<string>;
  onToggleGroup: (key: string) => void;
  onLabel: (name: string, value: string, exclude: boolean) => void;
  /** Present for responders and admins: the alerts ticked for a bulk action (by fingerprint). */
  selection?: { checked: ReadonlySet<string>; onCheck: (alert: AlertItem, checked: boolean) => void };
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
    .map(([k, v]) => (v ? formatMatcher({ name: k, op: '=', value: v }) : `no ${k}`))
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
  onOpen,
  onSelect,
  onPointerInside,
  collapsed,
  onToggleGroup,
  onLabel,
  selection,
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
    if (!(groupBy && collapsed.has(alert.groupKey))) rows.push({ kind: 'alert', alert, index });
  });
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: pointer tracking only freezes refreshes; it is not a control.
    <div onMouseEnter={() => onPointerInside(true)} onMouseLeave={() => onPointerInside(false)}>
      <ul className="rounded-lg border border-border bg-surface" aria-label="Alerts" data-testid="alert-list">
        {rows.map((row) =>
          row.kind === 'group' ? (
            <li
              key={`g-${row.group.key}`}
              className="flex flex-wrap items-center gap-x-2 gap-y-1 bg-bg px-3 py-1.5 text-xs font-semibold"
              data-testid="alert-group"
              data-collapsed={collapsed.has(row.group.key)}
            >
              <button
                type="button"
                aria-expanded={!collapsed.has(row.group.key)}
                onClick={() => onToggleGroup(row.group.key)}
                className="-ml-1 flex min-w-0 items-center gap-1.5 rounded px-1 text-left hover:bg-surface max-sm:min-h-11"
              >
                <span aria-hidden className="w-3 shrink-0">
                  {collapsed.has(row.group.key) ? '▸' : '▾'}
                </span>
                <span className="min-w-0 break-all font-mono">{groupTitle(row.group)}</span>
              </button>
              <span className="text-muted">{row.group.count}</span>
              {Object.entries(row.group.bySeverity)
                .filter(([, n]) => n > 0)
                .map(([s, n]) => (
                  <span key={s} className={`rounded px-1 ${severityClass(s)}`}>
                    {n}
                  </span>
                ))}
              {actions ? (
                <span className="flex w-full flex-wrap gap-1 font-normal sm:ml-auto sm:w-auto">
                  <Button variant="ghost" className="flex-auto" onClick={() => actions.onAckGroup(row.group)}>
                    Acknowledge group
                  </Button>
                  <Button
                    variant="ghost"
                    className="flex-auto"
                    onClick={() => actions.onSilenceGroup(row.group)}
                  >
                    Silence group…
                  </Button>
                  <Button
                    variant="ghost"
                    className="flex-auto"
                    onClick={() => actions.onOpenIncident(row.group)}
                  >
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
              onOpen={() => onOpen(row.alert.fingerprint)}
              onSelect={() => onSelect(row.index)}
              onAck={actions && !row.alert.ack ? () => actions.onAck(row.alert) : undefined}
              onLabel={onLabel}
              checked={selection?.checked.has(row.alert.fingerprint)}
              onCheck={selection ? (checked) => selection.onCheck(row.alert, checked) : undefined}
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

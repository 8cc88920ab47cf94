'use client';

import { formatDuration, secondsSince } from '@/components/format/duration';
import { RelativeTime } from '@/components/format/local-time';
import { severityClass } from '@/components/format/severity';
import { formatUtcTitle } from '@/components/format/time';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Link } from '@/components/ui/link';
import { formatMatcher } from '@/lib/alertmanager/filter-syntax';
import { severityBucket } from '@/lib/alerts/alert-counts';
import type { AlertItem } from '@/lib/alerts/api-schema';
import { FlappingBadge } from './flapping-badge';
import { IncidentChip } from './incident-chip';

/** Labels worth a glance in a row; the rest are in the detail. */
const KEY_LABELS = ['instance', 'job', 'namespace', 'pod', 'service', 'cluster'];

type Props = {
  alert: AlertItem;
  selected: boolean;
  isNew: boolean;
  nowMs: number;
  href: string;
  /** A plain click on the name: opens the detail without a server round trip (the href stays for new tabs). */
  onOpen: () => void;
  onSelect: () => void;
  /** Present when the user may acknowledge and the alert is not acknowledged yet. */
  onAck?: () => void;
  /** Present when the user may act on several alerts at once: the row's checkbox. */
  checked?: boolean;
  onCheck?: (checked: boolean) => void;
  /** A label chip clicked: filter by it (`exclude` with Alt/Option held, or the chip's ≠). */
  onLabel?: (name: string, value: string, exclude: boolean) => void;
};

/**
 * One alert. Wide screens: severity | name, summary and labels | time, state and actions. A phone stacks
 * the last column under the name, so nothing covers the name and its tap goes to the link.
 */
export function AlertRow({
  alert,
  selected,
  isNew,
  nowMs,
  href,
  onOpen,
  onSelect,
  onAck,
  checked,
  onCheck,
  onLabel,
}: Props) {
  const keyLabels = KEY_LABELS.flatMap((l) => {
    const value = alert.labels[l];
    return value ? [[l, value] as const] : [];
  });
  return (
    <li
      data-testid="alert-row"
      data-fingerprint={alert.fingerprint}
      aria-current={selected ? 'true' : undefined}
      data-selected={selected}
      className={`flex items-start gap-2 border-t border-border px-3 py-2 text-sm ${selected ? 'bg-accent/10 outline outline-1 outline-accent' : ''} ${isNew ? 'bg-warn/10' : ''}`}
      onMouseDown={onSelect}
    >
      {onCheck ? (
        // The label is the tap target (44 px on a phone), the box inside it stays small.
        <label className="-my-2 flex min-h-11 min-w-11 shrink-0 cursor-pointer items-center justify-center sm:-my-1 sm:min-h-0 sm:min-w-6">
          <input
            type="checkbox"
            checked={checked ?? false}
            onChange={(e) => onCheck(e.currentTarget.checked)}
            aria-label={`Select ${alert.alertname}`}
            data-testid="alert-check"
          />
        </label>
      ) : null}
      <div className="grid min-w-0 flex-1 grid-cols-[auto_minmax(0,1fr)] items-start gap-x-3 gap-y-1 sm:grid-cols-[6rem_minmax(0,1fr)_auto]">
        <span
          className={`rounded px-1.5 py-0.5 text-center text-xs font-semibold uppercase ${severityClass(alert.severity)}`}
        >
          {severityBucket(alert.labels)}
        </span>
        <div className="min-w-0 break-words">
          <Link
            href={href}
            // Not prefetched: each row's link is this same page, and every prefetch a server render of it.
            prefetch={false}
            scroll={false}
            className="font-medium hover:underline"
            data-testid="alert-link"
            onClick={(e) => {
              if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
              e.preventDefault();
              onOpen();
            }}
          >
            {alert.alertname}
          </Link>
          {alert.summary ? <span className="ml-2 text-muted">{alert.summary}</span> : null}
          {keyLabels.length ? <LabelChips labels={keyLabels} onLabel={onLabel} /> : null}
        </div>
        <div className="col-span-2 flex flex-wrap items-center gap-1 text-xs sm:col-span-1 sm:flex-col sm:items-end">
          <RelativeTime at={alert.startsAt} nowMs={nowMs} style="for" />
          <span className="flex flex-wrap justify-end gap-1">
            {isNew ? <Badge tone="warn">new</Badge> : null}
            <IncidentChip incident={alert.incident} />
            <FlappingBadge flapping={alert.flapping} />
            {alert.state === 'firing' ? <Badge tone="danger">firing</Badge> : null}
            {alert.state === 'unprocessed' ? <Badge>unprocessed</Badge> : null}
            {alert.ack ? (
              <span title={`${alert.ack.comment ?? ''} (since ${formatUtcTitle(alert.ack.at)})`}>
                <Badge tone="ok">
                  acked by {alert.ack.by} · {formatDuration(secondsSince(alert.ack.at, nowMs))}
                </Badge>
              </span>
            ) : null}
            {alert.silencedBy.map((id) => (
              <Link key={id} href={`/silences?id=${id}`} title={`Silence ${id}`}>
                <Badge tone="accent">silenced by {id.slice(0, 8)}</Badge>
              </Link>
            ))}
            {alert.inhibitedBy.map((fp) => (
              <Link
                key={fp}
                href={`/alerts?alert=${fp}`}
                title={`Inhibited by the alert ${fp}`}
                scroll={false}
              >
                <Badge tone="warn">inhibited by {fp.slice(0, 8)}</Badge>
              </Link>
            ))}
            {alert.runbook ? (
              <a href={alert.runbook.url} className="text-accent hover:underline">
                runbook
              </a>
            ) : null}
            {onAck ? (
              <Button
                variant="ghost"
                className="px-1.5 py-0 text-xs"
                onClick={onAck}
                aria-label={`Acknowledge ${alert.alertname}`}
              >
                Ack
              </Button>
            ) : null}
          </span>
        </div>
      </div>
    </li>
  );
}

/**
 * The row's key labels as chips: a click filters by the label, Alt/Option-click (or the ≠ beside it,
 * for touch) excludes it. Without `onLabel` they are plain text.
 */
function LabelChips({
  labels,
  onLabel,
}: {
  labels: readonly (readonly [string, string])[];
  onLabel?: (name: string, value: string, exclude: boolean) => void;
}) {
  return (
    <ul className="mt-1 flex flex-wrap gap-1 font-mono text-xs" aria-label="Labels">
      {labels.map(([k, v]) =>
        onLabel ? (
          <li
            key={k}
            className="flex max-w-full min-w-0 rounded border border-border"
            data-testid="label-chip"
          >
            <button
              type="button"
              className="min-w-0 truncate px-1.5 py-0.5 text-left text-muted hover:bg-bg hover:text-fg max-sm:min-h-11"
              title={`Show only ${formatMatcher({ name: k, op: '=', value: v })} (Alt-click: hide it)`}
              onClick={(e) => onLabel(k, v, e.altKey)}
            >
              {k}={v}
            </button>
            <button
              type="button"
              className="border-l border-border px-1.5 text-muted hover:bg-bg hover:text-fg max-sm:min-h-11 max-sm:min-w-11"
              aria-label={`Hide ${formatMatcher({ name: k, op: '=', value: v })}`}
              title={`Hide ${formatMatcher({ name: k, op: '=', value: v })}`}
              onClick={() => onLabel(k, v, true)}
            >
              ≠
            </button>
          </li>
        ) : (
          <li key={k} className="max-w-full truncate text-muted">
            {k}={v}
          </li>
        ),
      )}
    </ul>
  );
}

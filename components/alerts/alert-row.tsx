'use client';

import Link from 'next/link';
import { formatDuration, secondsSince } from '@/components/format/duration';
import { RelativeTime } from '@/components/format/local-time';
import { severityClass } from '@/components/format/severity';
import { formatUtcTitle } from '@/components/format/time';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import type { AlertItem } from '@/lib/alerts/api-schema';

/** Labels worth a glance in a row; the rest are in the detail. */
const KEY_LABELS = ['instance', 'job', 'namespace', 'pod', 'service', 'cluster'];

type Props = {
  alert: AlertItem;
  selected: boolean;
  isNew: boolean;
  nowMs: number;
  href: string;
  onSelect: () => void;
  /** Present when the user may acknowledge and the alert is not acknowledged yet. */
  onAck?: () => void;
};

export function AlertRow({ alert, selected, isNew, nowMs, href, onSelect, onAck }: Props) {
  const keyLabels = KEY_LABELS.filter((l) => alert.labels[l]).map((l) => [l, alert.labels[l]] as const);
  return (
    <li
      data-testid="alert-row"
      data-fingerprint={alert.fingerprint}
      aria-current={selected ? 'true' : undefined}
      data-selected={selected}
      className={`grid grid-cols-[6rem_1fr_auto] items-start gap-3 border-t border-border px-3 py-2 text-sm ${selected ? 'bg-accent/10 outline outline-1 outline-accent' : ''} ${isNew ? 'bg-warn/10' : ''}`}
      onMouseDown={onSelect}
    >
      <span
        className={`rounded px-1.5 py-0.5 text-center text-xs font-semibold uppercase ${severityClass(alert.severity)}`}
      >
        {alert.severity}
      </span>
      <div className="min-w-0">
        <Link href={href} scroll={false} className="font-medium hover:underline" data-testid="alert-link">
          {alert.alertname}
        </Link>
        {alert.summary ? <span className="ml-2 text-muted">{alert.summary}</span> : null}
        <div className="mt-0.5 flex flex-wrap gap-x-3 font-mono text-xs text-muted">
          {keyLabels.map(([k, v]) => (
            <span key={k}>
              {k}={v}
            </span>
          ))}
        </div>
      </div>
      <div className="flex flex-col items-end gap-1 text-xs">
        <RelativeTime at={alert.startsAt} nowMs={nowMs} style="for" />
        <span className="flex flex-wrap justify-end gap-1">
          {isNew ? <Badge tone="warn">new</Badge> : null}
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
            <Link key={fp} href={`/alerts?alert=${fp}`} title={`Inhibited by the alert ${fp}`} scroll={false}>
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
    </li>
  );
}

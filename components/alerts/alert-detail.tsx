'use client';

import { formatDuration } from '@/components/format/duration';
import { LocalTime, RelativeTime } from '@/components/format/local-time';
import { severityClass } from '@/components/format/severity';
import { Badge } from '@/components/ui/badge';
import { Link } from '@/components/ui/link';
import { StatusBlock } from '@/components/ui/status-block';
import { severityBucket } from '@/lib/alerts/alert-counts';
import { alertDetailOp } from '@/lib/alerts/api';
import type { AlertDetail } from '@/lib/alerts/api-schema';
import { useApiQuery } from '@/lib/api/query';
import { AlertActions } from './alert-actions';
import { ExpressionGraph } from './expression-graph';
import { FlappingBadge } from './flapping-badge';
import { IncidentChip } from './incident-chip';
import { LabelLinks } from './label-links';
import { LogContext } from './log-context';

/** Said instead of the API's 404, which addresses a caller that asked for a fingerprint. */
const NOT_FIRING = new Error(
  'This alert is not firing any more (or never was). Its history stays in the database.',
);

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="flex flex-col gap-2">
      <h3 className="text-sm font-semibold">{title}</h3>
      {children}
    </section>
  );
}

function LabelTable({ labels }: { labels: Record<string, string> }) {
  return (
    // As in label-links.tsx: a long name breaks within 40 % of the width instead of widening the page.
    <dl className="grid grid-cols-[fit-content(40%)_minmax(0,1fr)] gap-x-3 gap-y-0.5 font-mono text-xs">
      {Object.entries(labels).map(([k, v]) => (
        <div key={k} className="contents">
          <dt className="break-all text-muted">{k}</dt>
          <dd className="break-all">{v}</dd>
        </div>
      ))}
    </dl>
  );
}

/** `canAct`: responder or above, who may acknowledge and silence. */
export function AlertDetailView({ fingerprint, canAct = false }: { fingerprint: string; canAct?: boolean }) {
  const { data, error } = useApiQuery(
    alertDetailOp,
    { params: { fingerprint } },
    { refetchInterval: 15_000, retry: false },
  );
  return (
    <StatusBlock data={data} error={error?.status === 404 ? NOT_FIRING : error}>
      {(detail) => <AlertDetailBody data={detail} canAct={canAct} />}
    </StatusBlock>
  );
}

/** The alert, what mutes or inhibits it, its expression, logs, runbook and history. */
function AlertDetailBody({ data, canAct }: { data: AlertDetail; canAct: boolean }) {
  const { alert } = data;
  const now = Date.now();
  return (
    <article className="flex flex-col gap-5" data-testid="alert-detail">
      <header className="flex flex-col gap-1">
        {/* Wraps on a phone: the name, its state and its incident do not fit one 390 px line. */}
        <div className="flex flex-wrap items-center gap-2">
          <span
            className={`rounded px-1.5 py-0.5 text-xs font-semibold uppercase ${severityClass(alert.severity)}`}
          >
            {severityBucket(alert.labels)}
          </span>
          <h2 className="min-w-0 break-words text-lg font-semibold">{alert.alertname}</h2>
          <Badge tone={alert.state === 'firing' ? 'danger' : 'neutral'}>{alert.state}</Badge>
          <IncidentChip incident={alert.incident} />
          <FlappingBadge flapping={alert.flapping} />
        </div>
        {alert.summary ? <p className="text-sm">{alert.summary}</p> : null}
        {alert.annotations.description && alert.annotations.description !== alert.summary ? (
          <p className="text-sm text-muted">{alert.annotations.description}</p>
        ) : null}
        <p className="text-xs text-muted">
          Since <LocalTime at={alert.startsAt} /> (
          <RelativeTime at={alert.startsAt} nowMs={now} style="for" />) · cluster {alert.cluster} · reported
          by {alert.peers.join(', ')}
        </p>
      </header>

      <AlertActions alert={alert} canAct={canAct} />

      {data.silences.length || data.inhibitors.length ? (
        <Section title="Why it is muted">
          <ul className="flex flex-col gap-1 text-sm">
            {data.silences.map((s) => (
              <li key={s.id}>
                Silenced by{' '}
                <Link className="text-accent hover:underline" href={`/silences?id=${s.id}`}>
                  {s.id.slice(0, 8)}
                </Link>{' '}
                from {s.createdBy} until <LocalTime at={s.endsAt} />: {s.comment}
              </li>
            ))}
            {data.inhibitors.map((i) => (
              <li key={i.fingerprint}>
                Inhibited by{' '}
                <Link className="text-accent hover:underline" href={`/alerts?alert=${i.fingerprint}`}>
                  {i.alertname}
                </Link>{' '}
                <span className="font-mono text-xs text-muted">
                  {Object.entries(i.labels)
                    .map(([k, v]) => `${k}=${v}`)
                    .join(' ')}
                </span>
              </li>
            ))}
          </ul>
        </Section>
      ) : null}

      <Section title="Expression">
        {data.expr ? (
          <ExpressionGraph
            expr={data.expr}
            prometheus={data.prometheus}
            startsAt={alert.startsAt}
            threshold={data.threshold}
            links={data.links}
          />
        ) : (
          <p className="text-sm text-muted">
            Prometheus does not know this alert's rule, and it carries no generatorURL expression.
          </p>
        )}
      </Section>

      <Section title="Logs">
        <LogContext fingerprint={alert.fingerprint} />
      </Section>

      <Section title="Runbook">
        {alert.runbook ? (
          <a className="text-sm text-accent hover:underline" href={alert.runbook.url}>
            {alert.runbook.title}
          </a>
        ) : (
          <p className="text-sm text-muted" data-testid="no-runbook">
            No runbook yet. Add{' '}
            <code className="font-mono">
              runbooks/{alert.annotations.runbook_url || toSlug(alert.alertname)}.mdx
            </code>{' '}
            with <code className="font-mono">alerts: [{alert.alertname}]</code> in its frontmatter, or set the
            rule's <code className="font-mono">runbook_url</code> annotation.
          </p>
        )}
      </Section>

      <Section title="Labels">
        <LabelLinks labels={alert.labels} />
      </Section>
      {Object.keys(alert.annotations).length ? (
        <Section title="Annotations">
          <LabelTable labels={alert.annotations} />
        </Section>
      ) : null}

      <Section title="History">
        {data.history.length ? (
          <ul className="flex flex-col gap-0.5 text-sm" data-testid="alert-history">
            {data.history.map((h) => (
              <li key={h.startsAt} className="flex gap-3">
                <LocalTime at={h.startsAt} className="font-mono text-xs" />
                <span className="text-muted">
                  {h.status === 'resolved' && h.durationSeconds !== null
                    ? `resolved after ${formatDuration(h.durationSeconds)}`
                    : 'firing'}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-muted">No earlier firing recorded.</p>
        )}
      </Section>
    </article>
  );
}

/** InstanceDown → instance-down: the file name a runbook for it would have. */
function toSlug(alertname: string): string {
  return alertname
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/[^a-zA-Z0-9]+/g, '-')
    .toLowerCase();
}

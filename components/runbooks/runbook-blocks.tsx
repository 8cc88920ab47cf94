import type { ReactNode } from 'react';
import { formatDuration } from '@/components/format/duration';
import { PANEL_UNITS, type PanelUnit } from '@/lib/config/panel-types';
import { isRangeKey } from '@/lib/overview/chart-range';
import { isLogSince, LOG_SINCE_MINUTES, type StepState } from '@/lib/runbooks/api-schema';
import type { EscalationLevelView } from '@/lib/runbooks/escalation-view';
import { type Labels, resolveQuery, shellWord, substitute } from '@/lib/runbooks/substitute';
import { RunbookError } from './callout';
import { CodeBlock } from './code-block';
import { EscalateButton } from './escalate-button';
import { LogQLView } from './logql-view';
import { PromQLView } from './promql-view';
import { StepCheck } from './step-check';
import { languageOf, textOf } from './text-of';

/**
 * The runbook components that depend on the page's context (alert labels, incident, escalation). They
 * render on the server; each takes the author's props from MDX plus `ctx` (bound in mdx-components.tsx).
 * Alert labels reach the page only as strings handed to React, never as MDX source: see
 * lib/runbooks/substitute.ts for why and how.
 */

export type RunbookContext = {
  slug: string;
  /** The labels of the alert the runbook was opened for (`?alert=`); empty without one. */
  labels: Labels;
  incident: { id: string; label: string } | null;
  /** Checked steps of the incident, by step id. */
  progress: Record<string, StepState>;
  /** A responder or admin: ticks an incident's steps and escalates it (viewers read). */
  canRespond: boolean;
  escalation: EscalationLevelView[];
};

type WithContext<P> = P & { ctx: RunbookContext; children?: ReactNode };

const SHELLS = new Set(['sh', 'bash', 'shell', 'console', 'zsh']);

/** The block's text without the newline MDX keeps after the last line. */
const blockText = (children: ReactNode) => textOf(children).replace(/\n$/, '');

export function Step({ ctx, id, title, children }: WithContext<{ id?: string; title?: string }>) {
  if (!id || !title) return <RunbookError>{'<Step>'} needs id and title.</RunbookError>;
  return (
    <StepCheck
      runbook={ctx.slug}
      stepId={id}
      title={title}
      incident={ctx.incident}
      initial={ctx.progress[id] ?? null}
      canCheck={ctx.canRespond}
    >
      {children}
    </StepCheck>
  );
}

type PromQLProps = { query?: string; unit?: string; range?: string; fallback?: string; title?: string };

export function PromQL({ ctx, query, unit = 'count', range, fallback, title }: WithContext<PromQLProps>) {
  if (typeof query !== 'string' || !query.trim())
    return <RunbookError>{'<PromQL>'} needs query.</RunbookError>;
  if (!PANEL_UNITS.includes(unit as PanelUnit))
    return <RunbookError>{`<PromQL> unit must be one of ${PANEL_UNITS.join(', ')}.`}</RunbookError>;
  if (range !== undefined && !isRangeKey(range))
    return <RunbookError>{'<PromQL> range must be 1h, 6h, 24h or 7d.'}</RunbookError>;
  const resolved = resolveQuery(query, fallback, ctx.labels);
  return <PromQLView title={title ?? null} unit={unit as PanelUnit} range={range ?? null} {...resolved} />;
}

type LogQLProps = { query?: string; since?: string; limit?: number; fallback?: string };

export function LogQL({ ctx, query, since = '1h', limit = 20, fallback }: WithContext<LogQLProps>) {
  if (typeof query !== 'string' || !query.trim())
    return <RunbookError>{'<LogQL>'} needs query.</RunbookError>;
  if (!isLogSince(since))
    return (
      <RunbookError>{`<LogQL> since must be one of ${Object.keys(LOG_SINCE_MINUTES).join(', ')}.`}</RunbookError>
    );
  if (!Number.isInteger(limit) || limit < 1 || limit > 500)
    return <RunbookError>{'<LogQL> limit must be a whole number from 1 to 500.'}</RunbookError>;
  const resolved = resolveQuery(query, fallback, ctx.labels);
  return <LogQLView query={resolved.query} missing={resolved.missing} since={since} limit={limit} />;
}

/** `<Command>`: its fenced block as a shell command, label values quoted as single words. */
export function Command({ ctx, children }: WithContext<object>) {
  return <CodeBlock code={substitute(blockText(children), ctx.labels, shellWord)} language="sh" />;
}

/** Every fenced block gets the copy button; shell blocks quote label values like `<Command>`. */
export function Pre({ ctx, children }: WithContext<object>) {
  const language = languageOf(children);
  const escapeValue = SHELLS.has(language) ? shellWord : undefined;
  return <CodeBlock code={substitute(blockText(children), ctx.labels, escapeValue)} language={language} />;
}

export function InlineCode({ ctx, children }: WithContext<object>) {
  return (
    <code className="rounded bg-bg px-1 font-mono text-[0.85em]">
      {substitute(textOf(children), ctx.labels)}
    </code>
  );
}

/** `<Label name="instance"/>`: a label value of the alert, as text; its name when there is no alert. */
export function Label({ ctx, name }: WithContext<{ name?: string }>) {
  const value = name !== undefined && Object.hasOwn(ctx.labels, name) ? ctx.labels[name] : undefined;
  if (value === undefined)
    return (
      // Shown as a placeholder ({{job}}), not as a bare word: "(job job)" read as if the value were "job".
      <span
        className="rounded border border-dashed border-border px-1 font-mono text-[0.85em] italic text-muted"
        title="Open from an alert to fill this in"
        data-placeholder={name ?? '?'}
      >
        {`{{${name ?? '?'}}}`}
      </span>
    );
  return (
    <span className="rounded bg-bg px-1 font-mono text-[0.85em]" data-label={name}>
      {value}
    </span>
  );
}

/** `<Escalate level={2}/>`: whom the level reaches and, for an incident, a button to escalate it. */
export function Escalate({ ctx, level, children }: WithContext<{ level?: number }>) {
  if (typeof level !== 'number')
    return (
      <RunbookError>
        {'<Escalate>'} needs level={'{2}'}.
      </RunbookError>
    );
  const view = ctx.escalation.find((l) => l.level === level);
  if (!view)
    return (
      <p className="my-2 text-sm text-muted" data-testid="runbook-escalate">
        Escalation level {level} is not configured on this server (escalation: in VIGIL_CONFIG).
      </p>
    );
  return (
    <div className="my-3 rounded-md border border-border p-3 text-sm" data-testid="runbook-escalate">
      <p>
        <strong>{view.name}</strong> ·{' '}
        {view.delaySeconds === 0
          ? 'notified when an incident opens'
          : `notified after ${formatDuration(view.delaySeconds)} without acknowledgement`}
      </p>
      {view.targets.length ? (
        <ul className="mt-1 list-disc pl-5">
          {view.targets.map((t) => (
            <li key={t.name}>
              {t.name} ({t.kind}
              {t.detail ? `: ${t.detail}` : ''})
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-1 text-muted">
          This level notifies no channel and no person: escalating records it on the incident only.
        </p>
      )}
      {children}
      {ctx.incident && ctx.canRespond ? (
        <EscalateButton
          incidentId={ctx.incident.id}
          incidentLabel={ctx.incident.label}
          level={level}
          runbook={ctx.slug}
        />
      ) : null}
    </div>
  );
}

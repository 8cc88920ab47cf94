'use client';

import { type ReactNode, useState } from 'react';

type State = { checked: boolean; by: string | null; at: string | null };

type Props = {
  runbook: string;
  stepId: string;
  title: string;
  /** The incident the runbook was opened for; null: a plain local checklist. */
  incident: { id: string; label: string } | null;
  initial: State | null;
  /** Checking for an incident needs the responder role. */
  canCheck: boolean;
  children?: ReactNode;
};

type ErrorBody = { error?: { message?: string } };

async function saveStep(
  runbook: string,
  incidentId: string,
  stepId: string,
  checked: boolean,
): Promise<State> {
  const res = await fetch(`/api/v1/runbooks/${encodeURIComponent(runbook)}/steps`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ incidentId, stepId, checked }),
  });
  const body = (await res.json().catch(() => ({}))) as State & ErrorBody;
  if (!res.ok) throw new Error(body.error?.message ?? `Vigil answered ${res.status} ${res.statusText}`);
  return { checked: body.checked, by: body.by, at: body.at };
}

/**
 * One `<Step>` of a runbook: a checkbox with the step's title and its instructions. For an incident,
 * each change is stored (who and when; it appears on the incident's timeline) and the box shows the
 * stored state; alone, it only ticks in this page.
 */
export function StepCheck({ runbook, stepId, title, incident, initial, canCheck, children }: Props) {
  const [state, setState] = useState<State>(initial ?? { checked: false, by: null, at: null });
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const inputId = `step-${stepId}`;

  const toggle = async (checked: boolean) => {
    if (!incident) {
      setState({ checked, by: null, at: null });
      return;
    }
    setPending(true);
    setError(null);
    try {
      setState(await saveStep(runbook, incident.id, stepId, checked));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setPending(false);
    }
  };

  return (
    <section
      className="my-3 rounded-md border border-border p-3"
      data-testid="runbook-step"
      data-step={stepId}
      data-checked={state.checked}
    >
      <div className="flex flex-wrap items-baseline gap-2">
        <input
          id={inputId}
          type="checkbox"
          className="size-4 translate-y-0.5 accent-[var(--accent)]"
          checked={state.checked}
          disabled={pending || (incident !== null && !canCheck)}
          onChange={(e) => toggle(e.target.checked)}
        />
        <label htmlFor={inputId} className={`font-medium ${state.checked ? 'text-muted line-through' : ''}`}>
          {title}
        </label>
        {state.checked && state.by && state.at ? (
          <span className="text-xs text-muted" data-testid="step-checked-by">
            checked by {state.by},{' '}
            <time dateTime={state.at} suppressHydrationWarning>
              {new Date(state.at).toLocaleString()}
            </time>
          </span>
        ) : null}
        {incident !== null && !canCheck ? (
          <span className="text-xs text-muted">(responders tick steps)</span>
        ) : null}
      </div>
      {error ? (
        <p role="alert" className="mt-1 text-sm text-danger">
          {error}
        </p>
      ) : null}
      <div className="mt-1 pl-6 text-sm [&>p]:my-1">{children}</div>
    </section>
  );
}

'use client';

import { type ReactNode, useState } from 'react';
import { LocalTime } from '@/components/format/local-time';
import { useApiMutation } from '@/lib/api/query';
import { checkRunbookStepOp } from '@/lib/runbooks/api';

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

/**
 * One `<Step>` of a runbook: a checkbox with the step's title and its instructions. For an incident,
 * each change is stored (who and when; it appears on the incident's timeline) and the box shows the
 * stored state; alone, it only ticks in this page.
 */
export function StepCheck({ runbook, stepId, title, incident, initial, canCheck, children }: Props) {
  const [state, setState] = useState<State>(initial ?? { checked: false, by: null, at: null });
  const save = useApiMutation(checkRunbookStepOp, {
    onSuccess: (saved) => setState({ checked: saved.checked, by: saved.by, at: saved.at }),
  });
  const pending = save.isPending;
  const inputId = `step-${stepId}`;

  const toggle = (checked: boolean) => {
    if (!incident) setState({ checked, by: null, at: null });
    else save.mutate({ params: { slug: runbook }, body: { incidentId: incident.id, stepId, checked } });
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
            checked by {state.by}, <LocalTime at={state.at} />
          </span>
        ) : null}
        {incident !== null && !canCheck ? (
          <span className="text-xs text-muted">(responders tick steps)</span>
        ) : null}
      </div>
      {save.error ? (
        <p role="alert" className="mt-1 text-sm text-danger">
          {save.error.display}
        </p>
      ) : null}
      <div className="mt-1 pl-6 text-sm [&>p]:my-1">{children}</div>
    </section>
  );
}

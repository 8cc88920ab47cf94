import type { ReactNode } from 'react';

const TONES = {
  note: { label: 'Note', className: 'border-accent/50 bg-accent/5' },
  warning: { label: 'Warning', className: 'border-warn/60 bg-warn/10' },
} as const;

/** `<Note>` and `<Warning>` in runbooks: a labelled box, so the tone is not told by colour alone. */
export function Callout({ tone, children }: { tone: keyof typeof TONES; children: ReactNode }) {
  const { label, className } = TONES[tone];
  return (
    <aside
      className={`my-3 rounded-md border-l-4 px-3 py-2 text-sm ${className}`}
      data-testid={`callout-${tone}`}
    >
      <p className="font-semibold">{label}</p>
      <div className="[&>p]:my-1">{children}</div>
    </aside>
  );
}

/** A runbook that uses a component wrongly says so where it happens, instead of failing the page. */
export function RunbookError({ children }: { children: ReactNode }) {
  return (
    <p
      role="alert"
      className="my-2 rounded border border-danger/50 px-2 py-1 text-sm text-danger"
      data-runbook-error
    >
      Runbook error: {children}
    </p>
  );
}

import type { ReactNode } from 'react';

const TONES = {
  neutral: 'border-border text-muted',
  ok: 'border-ok/40 text-ok',
  warn: 'border-warn/40 text-warn',
  danger: 'border-danger/40 text-danger',
  accent: 'border-accent/40 text-accent',
} as const;

export type Tone = keyof typeof TONES;

export function Badge({ tone = 'neutral', children }: { tone?: Tone; children: ReactNode }) {
  return (
    <span className={`inline-flex rounded border px-1.5 py-0.5 text-xs font-medium ${TONES[tone]}`}>
      {children}
    </span>
  );
}

/** A coloured dot with a text label (colour is never the only signal). */
export function StatusDot({ tone, label }: { tone: Tone; label: string }) {
  const colour = {
    neutral: 'bg-muted',
    ok: 'bg-ok',
    warn: 'bg-warn',
    danger: 'bg-danger',
    accent: 'bg-accent',
  }[tone];
  return (
    <span className="inline-flex items-center gap-1.5">
      <span aria-hidden className={`inline-block size-2 rounded-full ${colour}`} />
      <span>{label}</span>
    </span>
  );
}

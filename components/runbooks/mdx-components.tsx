import type { ComponentProps, ComponentType, ReactNode } from 'react';
import type { RunbookComponents } from '@/lib/runbooks/compile';
import { Callout } from './callout';
import {
  Command,
  Escalate,
  InlineCode,
  Label,
  LogQL,
  Pre,
  PromQL,
  type RunbookContext,
  Step,
} from './runbook-blocks';

export type { RunbookContext };

/**
 * The components a runbook's MDX may use, for one page view. MDX passes only the props the author
 * wrote, so the page's context (alert labels, incident, progress, escalation) is bound here; the
 * components themselves are module-level (runbook-blocks.tsx) and the interactive parts are small
 * client leaves.
 */

type Children = { children?: ReactNode };

// biome-ignore lint/suspicious/noExplicitAny: each block declares its own author props.
function bind(Block: ComponentType<any>, ctx: RunbookContext) {
  return (props: object) => <Block {...props} ctx={ctx} />;
}

function Note({ children }: Children) {
  return <Callout tone="note">{children}</Callout>;
}

function Warning({ children }: Children) {
  return <Callout tone="warning">{children}</Callout>;
}

/** Markdown elements, styled for the console (there is no typography plugin). */
const MARKDOWN = {
  h2: (p: ComponentProps<'h2'>) => (
    <h2 className="mt-6 mb-2 border-b border-border pb-1 text-lg font-semibold" {...p} />
  ),
  h3: (p: ComponentProps<'h3'>) => <h3 className="mt-4 mb-1 font-semibold" {...p} />,
  p: (p: ComponentProps<'p'>) => <p className="my-2 text-sm leading-relaxed" {...p} />,
  ul: (p: ComponentProps<'ul'>) => <ul className="my-2 list-disc pl-5 text-sm" {...p} />,
  ol: (p: ComponentProps<'ol'>) => <ol className="my-2 list-decimal pl-5 text-sm" {...p} />,
  a: (p: ComponentProps<'a'>) => <a className="text-accent hover:underline" {...p} />,
};

export function runbookComponents(ctx: RunbookContext): RunbookComponents {
  return {
    ...MARKDOWN,
    Note,
    Warning,
    Step: bind(Step, ctx),
    PromQL: bind(PromQL, ctx),
    LogQL: bind(LogQL, ctx),
    Command: bind(Command, ctx),
    Escalate: bind(Escalate, ctx),
    Label: bind(Label, ctx),
    pre: bind(Pre, ctx),
    code: bind(InlineCode, ctx),
  };
}

import 'server-only';
import { compile, run } from '@mdx-js/mdx';
import type { ComponentType, ReactNode } from 'react';
import * as runtime from 'react/jsx-runtime';
import { collectSteps, type StepInfo } from './collect-steps';
import { parseRunbookSource, type RunbookFrontmatter } from './frontmatter';

/**
 * Compiles a runbook's MDX at request time with @mdx-js/mdx (`compile` + `run`, i.e. `evaluate()` in
 * two steps so the step list is collected on the way). MDX runs JavaScript: runbooks are trusted
 * repository content, reviewed like code, and never come from users (see runbooks/README.md).
 */

// biome-ignore lint/suspicious/noExplicitAny: MDX hands each component whatever props the author wrote.
export type RunbookComponents = Record<string, ComponentType<any>>;
type RunbookContent = (props: { components: RunbookComponents }) => ReactNode;

export type CompiledRunbook = {
  frontmatter: RunbookFrontmatter;
  /** The MDX body (frontmatter lines blanked). */
  body: string;
  steps: StepInfo[];
  Content: RunbookContent;
};

/** A runbook whose MDX does not compile; the message has `file:line:column`. */
export class RunbookCompileError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
    this.name = 'RunbookCompileError';
  }
}

type VFileMessageLike = { reason?: string; line?: number; column?: number };

/**
 * Validates the frontmatter (RunbookFormatError naming the field) and compiles the body
 * (RunbookCompileError naming the line), e.g. `runbooks/x.mdx:12:1: <Step id="a"> is used twice`.
 */
export async function compileRunbook(file: string, source: string): Promise<CompiledRunbook> {
  const { frontmatter, body } = parseRunbookSource(file, source);
  const steps: StepInfo[] = [];
  let code: string;
  try {
    code = String(
      await compile(body, { outputFormat: 'function-body', remarkPlugins: [collectSteps(steps)] }),
    );
  } catch (error) {
    const m = error as VFileMessageLike;
    const where = m.line ? `:${m.line}:${m.column ?? 1}` : '';
    throw new RunbookCompileError(file, `${file}${where}: ${m.reason ?? String(error)}`);
  }
  const module = await run(code, runtime);
  return { frontmatter, body, steps, Content: module.default as unknown as RunbookContent };
}

import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

/**
 * The YAML frontmatter of a runbook (runbooks/<slug>.mdx) and its validation. Pure: callers read files.
 *
 *   ---
 *   title: Instance down
 *   alerts: [InstanceDown]
 *   severity: critical
 *   owner: sre
 *   services: [api]
 *   last_reviewed: 2026-11-21
 *   ---
 */

/** Prometheus alert names are label values; these are the ones rule authors actually write. */
const alertName = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_:]*$/, { error: 'must be an alert name such as InstanceDown' });

const runbookFrontmatterSchema = z
  .object({
    title: z.string().trim().min(1, { error: 'must not be empty' }),
    /** The alertnames this runbook covers; empty for general procedures. */
    alerts: z.array(alertName).default([]),
    severity: z.enum(['critical', 'warning', 'info', 'none']),
    /** The team that keeps the runbook current. */
    owner: z.string().trim().min(1, { error: 'must name the owning team' }),
    services: z.array(z.string().trim().min(1)).default([]),
    last_reviewed: z.iso.date({ error: 'must be a date like 2026-11-21' }),
  })
  .strict();

export type RunbookFrontmatter = z.infer<typeof runbookFrontmatterSchema>;

/** A runbook file that cannot be used; the message names the file and the field. */
export class RunbookFormatError extends Error {
  constructor(
    readonly file: string,
    readonly field: string,
    problem: string,
  ) {
    super(`${file}: ${field === 'frontmatter' ? 'frontmatter' : `frontmatter field "${field}"`} ${problem}`);
    this.name = 'RunbookFormatError';
  }
}

const FENCE = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/**
 * Splits `---` YAML frontmatter from the MDX body. The body keeps one empty line per frontmatter line,
 * so MDX compile errors point at the line numbers of the file.
 *
 *   splitFrontmatter('---\ntitle: X\n---\n# Hi') → {yaml: 'title: X', body: '\n\n\n# Hi'}
 *   splitFrontmatter('# Hi') → undefined
 */
export function splitFrontmatter(source: string): { yaml: string; body: string } | undefined {
  const match = FENCE.exec(source);
  if (!match) return undefined;
  const [block, yaml = ''] = match;
  const lines = block.split('\n').length - (block.endsWith('\n') ? 1 : 0);
  return { yaml, body: '\n'.repeat(lines) + source.slice(block.length) };
}

/**
 * The validated frontmatter and body of a runbook, or a RunbookFormatError naming `file` and the first
 * bad field, e.g. `runbooks/x.mdx: frontmatter field "last_reviewed" must be a date like 2026-11-21`.
 */
export function parseRunbookSource(
  file: string,
  source: string,
): { frontmatter: RunbookFrontmatter; body: string } {
  const split = splitFrontmatter(source);
  if (!split)
    throw new RunbookFormatError(file, 'frontmatter', 'is missing: start the file with --- YAML ---');
  let raw: unknown;
  try {
    raw = parseYaml(split.yaml);
  } catch (e) {
    throw new RunbookFormatError(file, 'frontmatter', `is not valid YAML: ${(e as Error).message}`);
  }
  const result = runbookFrontmatterSchema.safeParse(raw ?? {});
  if (result.success) return { frontmatter: result.data, body: split.body };
  const issue = result.error.issues[0];
  if (!issue) throw new RunbookFormatError(file, 'frontmatter', 'is invalid');
  if (issue.code === 'unrecognized_keys')
    throw new RunbookFormatError(file, issue.keys.join(', '), 'is not a known field');
  const field = issue.path.map(String).join('.') || 'frontmatter';
  const problem = issue.code === 'invalid_type' && issue.input === undefined ? 'is required' : issue.message;
  throw new RunbookFormatError(file, field, problem);
}

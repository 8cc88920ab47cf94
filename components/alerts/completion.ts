/**
 * Autocomplete for the filter bar. Pure: given the text and the cursor, says what is being typed (a
 * label name, or the value of `name=`, `name!=`, `name=~`, `name!~`) and how to insert a choice.
 *
 *   completionContext('severity="cri', 13) → { kind: 'value', name: 'severity', op: '=', prefix: 'cri', start: 0 }
 *   completionContext('sev', 3)            → { kind: 'name', prefix: 'sev', start: 0 }
 */

export type CompletionContext =
  | { kind: 'name'; prefix: string; start: number }
  | { kind: 'value'; name: string; op: string; prefix: string; start: number }
  | { kind: 'none' };

/** Where the token under the cursor starts: after the last space that is not inside quotes. */
function tokenStart(before: string): number {
  let start = 0;
  let quoted = false;
  for (let i = 0; i < before.length; i++) {
    const c = before[i];
    if (quoted && c === '\\') i++;
    else if (c === '"') quoted = !quoted;
    else if (!quoted && /\s/.test(c ?? '')) start = i + 1;
  }
  return start;
}

export function completionContext(text: string, cursor: number): CompletionContext {
  const before = text.slice(0, cursor);
  const start = tokenStart(before);
  const token = before.slice(start);
  if (token === '') return { kind: 'name', prefix: '', start };
  const value = token.match(/^([a-zA-Z_][a-zA-Z0-9_]*)(=~|!~|!=|=)"?((?:[^"\\]|\\.)*)$/);
  if (value?.[1] && value[2])
    return { kind: 'value', name: value[1], op: value[2], prefix: value[3] ?? '', start };
  if (/^[a-zA-Z_][a-zA-Z0-9_]*$/.test(token)) return { kind: 'name', prefix: token, start };
  return { kind: 'none' };
}

const quote = (v: string) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/**
 * Replaces the token being typed by the choice: a name becomes `name=` (the user goes on with the
 * value), a value closes the matcher and adds a space.
 *
 *   applyCompletion('severity="cri', 13, ctx, 'critical') → { text: 'severity="critical" ', cursor: 20 }
 */
export function applyCompletion(
  text: string,
  cursor: number,
  context: CompletionContext,
  choice: string,
): { text: string; cursor: number } {
  if (context.kind === 'none') return { text, cursor };
  const insert = context.kind === 'name' ? `${choice}=` : `${context.name}${context.op}${quote(choice)} `;
  const after = text.slice(cursor).replace(/^\S*/, '');
  const next = text.slice(0, context.start) + insert + after.replace(/^\s+/, '');
  return { text: next, cursor: context.start + insert.length };
}

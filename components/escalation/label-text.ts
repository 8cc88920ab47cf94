/**
 * Labels typed as text for the route tester, parsed. Pure. Accepts what people paste from Prometheus
 * or Alertmanager: `name="value"` pairs separated by commas or new lines, optionally in braces, with
 * `\"` and `\\` escapes in quoted values; a value without quotes ends at the next comma.
 *
 *   parseLabels('team="db", severity="critical"') → {labels: {team: 'db', severity: 'critical'}}
 *   parseLabels('{team="db"}')                   → {labels: {team: 'db'}}
 *   parseLabels('team=db')                       → {labels: {team: 'db'}}
 *   parseLabels('team')                          → {error: 'Write "team" as team="value"'}
 *   parseLabels('team=~"pay.*"')                 → {error: 'team=~ is a matcher, …: give the labels …'}
 *   parseLabels("team='payments'")               → {error: 'Quote the value of team with "…", …'}
 *
 * The tester takes an alert's labels, not matchers: a regex or inequality operator, or a single-quoted
 * value, is refused rather than read as a bare value (`~"pay.*"`, `'payments'`), which matched no route
 * and silently answered "default route".
 */

export type ParsedLabels = { labels: Record<string, string> } | { error: string };

const NAME = /^[a-zA-Z_][a-zA-Z0-9_]*/;

export function parseLabels(text: string): ParsedLabels {
  let rest = text.trim();
  if (rest.startsWith('{') && rest.endsWith('}')) rest = rest.slice(1, -1);
  const labels: Record<string, string> = {};
  for (;;) {
    rest = rest.replace(/^[\s,]+/, '');
    if (rest === '') return { labels };
    const name = NAME.exec(rest)?.[0];
    if (!name) return { error: `"${rest.split(/[,\n]/)[0]}" is not a label name: use letters, digits and _` };
    rest = rest.slice(name.length).trimStart();
    const operator = /^(=~|!=|!~)/.exec(rest)?.[0];
    if (operator)
      return {
        error: `${name}${operator} is a matcher, and the tester takes an alert’s labels: give the value it would have, e.g. ${name}="payments"`,
      };
    if (!rest.startsWith('=')) return { error: `Write "${name}" as ${name}="value"` };
    rest = rest.slice(1).trimStart();
    if (rest.startsWith("'"))
      return { error: `Quote the value of ${name} with "…", as Prometheus writes labels: ${name}="value"` };
    const value = rest.startsWith('"') ? quoted(rest) : bare(rest);
    if (value === null) return { error: `The value of ${name} has no closing quote` };
    if (name in labels) return { error: `The label ${name} is given twice` };
    labels[name] = value.value;
    rest = rest.slice(value.length);
  }
}

/** A quoted value at the start of `text`: its content and how many characters it took, or null. */
function quoted(text: string): { value: string; length: number } | null {
  let value = '';
  for (let i = 1; i < text.length; i++) {
    const c = text[i];
    if (c === '\\' && i + 1 < text.length) {
      const next = text[++i];
      value += next === 'n' ? '\n' : next;
    } else if (c === '"') return { value, length: i + 1 };
    else value += c;
  }
  return null;
}

function bare(text: string): { value: string; length: number } {
  const end = text.search(/[,\n]/);
  const raw = end === -1 ? text : text.slice(0, end);
  return { value: raw.trim(), length: raw.length };
}

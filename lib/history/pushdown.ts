import type { Matcher } from '@/lib/alertmanager/filter-syntax';

/**
 * Which matchers PostgreSQL may evaluate, and which stay with Vigil's RE2 matcher. Equality with a
 * non-empty value goes down, as one JSON containment (`labels @> '{"job":"node"}'`, served by the GIN
 * jsonb_path_ops index) and, for alertname, the indexed column. Regexes never run in the database:
 * PostgreSQL's regex dialect is not RE2 (different classes, backreferences, no linear-time bound), so a
 * user's pattern could both match differently from Alertmanager and run for minutes there. What goes
 * down of a regex is the literal text every value it matches starts with (`starts_with`), so that the
 * database leaves out what cannot match and RE2 here decides on the rest: a 30-day search for
 * `instance=~"db-1.*"` read 41,979 events into Vigil, 2,000 per round trip, to find 50 firings.
 * `x=""` stays too: it also matches alerts without the label, which containment cannot say. Pure.
 *
 *   splitMatchers([{name:'alertname', op:'=', value:'HighCPU'}, {name:'instance', op:'=~', value:'db-.*'}])
 *     → {labels: {alertname: 'HighCPU'}, alertname: 'HighCPU', prefixes: [{name: 'instance', prefix: 'db-'}],
 *        rest: [instance=~"db-.*"]}
 *   splitMatchers([{name:'job', op:'=', value:'a'}, {name:'job', op:'=', value:'b'}])
 *     → {labels: {job: 'a'}, alertname: undefined, prefixes: [], rest: [job="b"]}   (the second can only narrow further)
 */
export type PushedDown = {
  /** Labels every firing must carry with exactly these values. */
  labels: Record<string, string>;
  /** The alertname equality, for the (alertname, starts_at) index. */
  alertname: string | undefined;
  /** Labels whose value must start with this text (from a regex's literal start; RE2 still decides). */
  prefixes: { name: string; prefix: string }[];
  /** Matchers evaluated in Vigil on each candidate's labels. */
  rest: Matcher[];
};

export function splitMatchers(matchers: readonly Matcher[]): PushedDown {
  const labels: Record<string, string> = {};
  const prefixes: PushedDown['prefixes'] = [];
  const rest: Matcher[] = [];
  for (const m of matchers) {
    if (m.op === '=' && m.value !== '' && !Object.hasOwn(labels, m.name)) {
      labels[m.name] = m.value;
      continue;
    }
    rest.push(m);
    const prefix = m.op === '=~' ? literalPrefix(m.value) : '';
    if (prefix !== '') prefixes.push({ name: m.name, prefix });
  }
  return { labels, alertname: labels.alertname, prefixes, rest };
}

/** Characters with a meaning in RE2 outside a character class. */
const OPERATORS = new Set('\\.+*?()|[]{}^$');
/** What makes the character before it optional or repeated. */
const QUANTIFIERS = new Set('*+?{');

/**
 * The text every value an RE2 pattern matches begins with, the pattern anchored as Alertmanager anchors
 * it (`^(?:pattern)$`): its characters before the first operator (escaped punctuation is literal), less
 * the last one when a quantifier or a `(?` group (flags, after which a quantifier still repeats that
 * character: `a(?i)*` matches "") follows it. Nothing for a pattern with an alternation anywhere (`a|b`
 * may start with either; `a)|(b` breaks out of the anchor) or a `\Q…\E` quote, nor past a NUL (which
 * PostgreSQL text cannot hold). It may say less than it could, never more.
 *
 *   literalPrefix('db-1.*') → 'db-1'
 *   literalPrefix('web\\.example\\.com:.*') → 'web.example.com:'
 *   literalPrefix('dbs?-1') → 'db'
 *   literalPrefix('db|web') → '';  literalPrefix('(?i)db.*') → '';  literalPrefix('\\d+') → ''
 */
export function literalPrefix(pattern: string): string {
  if (pattern.includes('|') || pattern.includes('\\Q')) return '';
  // By code point: a quantifier after an astral character repeats the whole character.
  const chars = [...pattern];
  const literals: string[] = [];
  for (let i = 0; i < chars.length; i++) {
    let c = chars[i] as string;
    if (c === '\\') {
      // RE2 reads a backslash before ASCII punctuation as that character; before a letter or digit it
      // is a class, an assertion or a code (\d, \b, \x41), where the literal text ends.
      const next = chars[i + 1];
      if (next === undefined || !/^[\x21-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e ]$/.test(next)) break;
      c = next;
      i++;
    } else if (OPERATORS.has(c)) {
      // A flag group (`(?i)`) is no atom of its own: a quantifier after it repeats the character before.
      if (c === '(' && chars[i + 1] === '?') literals.pop();
      break;
    }
    if (c === '\0') break;
    const after = chars[i + 1];
    if (after !== undefined && QUANTIFIERS.has(after)) break;
    literals.push(c);
  }
  return literals.join('');
}

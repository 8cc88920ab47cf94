import { RE2JS, RE2JSException, RE2JSSyntaxException } from 're2js';
import { type Matcher, type ParsedFilter, parseFilterSyntax } from '@/lib/alertmanager/filter-syntax';
import { regexSize } from '@/lib/alertmanager/regex-size';

export {
  formatMatcher,
  MATCH_OPERATORS,
  type Matcher,
  MatcherSyntaxError,
  type ParsedFilter,
} from '@/lib/alertmanager/filter-syntax';

/**
 * The filter bar's language (see filter-syntax.ts) with every regex checked by RE2 as Alertmanager
 * would compile it; throws MatcherSyntaxError with the position of the first problem.
 *
 *   parseFilter('instance=~"db.*" disk') → {matchers: [{name:'instance', op:'=~', value:'db.*'}], text: ['disk']}
 *   parseFilter('instance=~"db["') → throws MatcherSyntaxError('invalid regular expression for instance: missing closing ]: …')
 */
export function parseFilter(input: string): ParsedFilter {
  return parseFilterSyntax(input, regexProblem);
}

/**
 * Prometheus and Alertmanager regexes are RE2 (Go's regexp), fully anchored: Alertmanager compiles
 * `instance=~"db.*"` as `^(?:db.*)$`, so "db-1" matches and "mydb-1" does not. They run here on RE2 too
 * (re2js, a port of Go's engine), so Vigil reads the same syntax (`(?i)`, `\pL`, `[[:alpha:]]`, no
 * backreferences or lookaround) and matches exactly what Alertmanager matches, in time linear in the
 * value: a backtracking JavaScript RegExp took 0.7 s for `(.*.*.*)*X` on a 10-character value and
 * blocked the whole process meanwhile.
 *
 *   regexMatches('db.*', 'db-1') → true;  regexMatches('db.*', 'mydb') → false
 *   regexMatches('(?i)critical', 'CRITICAL') → true
 */
export function regexMatches(source: string, value: string): boolean {
  // A search for Alertmanager's own anchored pattern (Go's MatchString), not RE2JS's whole-input
  // matches(): the two agree on every pattern the parsers here accept, and only this one also agrees on
  // a silence amtool made with a pattern that breaks out of the group (`a)|(b` → `^(?:a)|(b)$`).
  return compiledRegex(source).test(value);
}

// Compiled patterns by source, shared by every filter: the alerts query runs one filter over 10,000
// alerts, the silences page a few patterns over every silence. Bounded (oldest out first), since the
// patterns come from users.
const MAX_COMPILED = 500;
const compiled = new Map<string, RE2JS>();

function compiledRegex(source: string): RE2JS {
  let re = compiled.get(source);
  if (!re) {
    re = RE2JS.compile(`^(?:${source})$`);
    if (compiled.size >= MAX_COMPILED) compiled.delete(compiled.keys().next().value ?? '');
    compiled.set(source, re);
  }
  return re;
}

/**
 * Why RE2 refuses a regex, or undefined when it compiles (alone, then anchored as Alertmanager does).
 *
 *   regexProblem('db.*') → undefined
 *   regexProblem('db[') → 'missing closing ]: "[" in "db["'
 *   regexProblem('.{0,1000}'.repeat(2)) → 'too large: its repetitions make about 4000 steps, more than …'
 *   regexProblem('(a)\\1') → `backreference "\\1" in "(a)\\1": RE2, Alertmanager's regex engine, has none`
 */
export function regexProblem(source: string): string | undefined {
  const size = regexSize(source);
  if (size > MAX_REGEX_SIZE)
    return `too large: its repetitions make about ${size} steps, more than the ${MAX_REGEX_SIZE} Vigil compiles, in "${source}"`;
  try {
    // Alone first, so "a)|(b" is not accepted just because the anchoring group balances it.
    RE2JS.compile(source);
    compiledRegex(source);
    return undefined;
  } catch (error) {
    if (!(error instanceof RE2JSException)) throw error;
    return problemOf(error, source);
  }
}

// Compiling is linear in the size (see regexSize): this bound keeps it near 0.1 s at worst, and is far
// above what label matchers need (`.{0,1000}` alone is 2,000). Alertmanager's own bound is higher, so
// Vigil refuses a few patterns Alertmanager would take; it matches the same as Alertmanager on the rest.
const MAX_REGEX_SIZE = 3000;

const NOT_IN_RE2 = "RE2, Alertmanager's regex engine, has none";

function problemOf(error: RE2JSException, source: string): string {
  const where = `in "${source}"`;
  if (!(error instanceof RE2JSSyntaxException)) return `${error.message} ${where}`;
  const piece = error.getPattern() ?? source;
  // JavaScript and PCRE habits get the reason rather than RE2's bare "invalid escape sequence".
  if (/^\\(?:[1-9]|k)/.test(piece)) return `backreference "${piece}" ${where}: ${NOT_IN_RE2}`;
  if (/^\(\?<?[=!]/.test(piece)) return `lookahead or lookbehind "${piece}" ${where}: ${NOT_IN_RE2}`;
  const description = error.getDescription();
  return piece === source ? `${description} ${where}` : `${description}: "${piece}" ${where}`;
}

/**
 * Whether a label set satisfies every matcher. A missing label counts as the empty string, as in
 * Prometheus: `team!="db"` and `team!~"db.*"` match alerts without `team`, `team=""` matches only those.
 * Each regex is compiled once (see compiledRegex), so filtering thousands of alerts with the same
 * matchers compiles nothing after the first alert.
 *
 *   matchesLabels([{name:'severity', op:'=~', value:'crit.*'}], {severity:'critical'}) → true
 *   matchesLabels([{name:'team', op:'!=', value:'db'}], {alertname:'X'}) → true
 */
export function matchesLabels(
  matchers: readonly Matcher[],
  labels: Readonly<Record<string, string>>,
): boolean {
  for (const m of matchers) {
    const actual = labels[m.name] ?? '';
    let ok: boolean;
    switch (m.op) {
      case '=':
        ok = actual === m.value;
        break;
      case '!=':
        ok = actual !== m.value;
        break;
      case '=~':
        ok = regexMatches(m.value, actual);
        break;
      case '!~':
        ok = !regexMatches(m.value, actual);
        break;
    }
    if (!ok) return false;
  }
  return true;
}

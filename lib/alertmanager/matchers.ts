import { RE2JS, RE2JSException, RE2JSSyntaxException } from 're2js';
import { regexSize } from '@/lib/alertmanager/regex-size';

/**
 * The alerts filter bar's language: Prometheus label matchers plus free text, as amtool and
 * Alertmanager's own UI accept them. Pure.
 *
 *   parseFilter('severity="critical" instance=~"db.*" disk full')
 *     → { matchers: [{name:'severity', op:'=', value:'critical'}, {name:'instance', op:'=~', value:'db.*'}],
 *         text: ['disk', 'full'] }
 *   parseFilter('{alertname="InstanceDown", job!="node"}') → two matchers, no text (Prometheus selector style)
 *   parseFilter('severity=critical "disk full"') → severity="critical" (bare value, as amtool allows) and the
 *     phrase 'disk full'
 *   parseFilter('severity="crit') → throws MatcherSyntaxError('unclosed quote in value of severity, starting at column 10')
 *
 * Grammar (whitespace separates items; commas between matchers are allowed, as in a selector):
 *   - matcher: `name op value`. `name` is a Prometheus label name (`[a-zA-Z_][a-zA-Z0-9_]*`); `op` is one
 *     of `=`, `!=`, `=~`, `!~`; spaces may surround the operator when the value is quoted.
 *   - value: double-quoted or single-quoted with escapes (`\"`, `\'`, `\\`, `\n`, `\t`; any other
 *     backslash is kept, so `"10\.0\..*"` is the regex `10\.0\..*` whether or not the user doubled it),
 *     backtick-quoted without escapes (PromQL's raw strings), or bare up to the next space, comma or brace.
 *   - `{…}` around matchers, as in a PromQL selector: only matchers inside.
 *   - free text: any other word, or a quoted phrase (`"disk full"`) to search for spaces or `=`.
 */

export const MATCH_OPERATORS = ['=', '!=', '=~', '!~'] as const;
export type MatchOperator = (typeof MATCH_OPERATORS)[number];

export type Matcher = { name: string; op: MatchOperator; value: string };

export type ParsedFilter = { matchers: Matcher[]; text: string[] };

/** A filter the parser refuses; `position` is the 0-based offset of the problem, `column` 1-based. */
export class MatcherSyntaxError extends Error {
  readonly column: number;
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(message);
    this.name = 'MatcherSyntaxError';
    this.column = position + 1;
  }
}

const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const QUOTES = '"\'`';
/** Characters that end a bare label name or value. */
const STOP = new Set([...' \t\n\r\f\v', ',', '{', '}', ...QUOTES, '=', '!', '~']);
const isSpace = (c: string | undefined) => c !== undefined && /\s/.test(c);

/** Parses a filter string; throws MatcherSyntaxError with the position of the first problem. */
export function parseFilter(input: string): ParsedFilter {
  return new FilterParser(input).parse();
}

class FilterParser {
  private pos = 0;
  private readonly matchers: Matcher[] = [];
  private readonly text: string[] = [];

  constructor(private readonly input: string) {}

  parse(): ParsedFilter {
    for (;;) {
      this.skipSpaces();
      const c = this.peek();
      if (c === undefined) return { matchers: this.matchers, text: this.text };
      if (c === '{') this.braces();
      else if (c === '}') throw this.error(`unexpected "}" at column ${this.pos + 1}`);
      else if (c === ',') this.pos++;
      else if (QUOTES.includes(c)) this.text.push(this.quoted('free text'));
      else if (this.atMatcher()) this.matchers.push(this.matcher());
      else this.text.push(this.word());
    }
  }

  /** `{a="b", c=~"d"}`: matchers only, separated by commas or spaces. */
  private braces(): void {
    const open = this.pos++;
    for (;;) {
      this.skipSpaces();
      const c = this.peek();
      if (c === undefined) throw new MatcherSyntaxError(`unclosed "{" at column ${open + 1}`, open);
      if (c === '}') {
        this.pos++;
        return;
      }
      if (c === ',') this.pos++;
      else if (this.atMatcher()) this.matchers.push(this.matcher());
      else {
        const found = this.input.slice(this.pos).split(/[\s,}]/, 1)[0];
        throw this.error(
          `expected a matcher like name="value" inside {…}, found "${found}" at column ${this.pos + 1}`,
        );
      }
    }
  }

  /**
   * Whether a matcher starts here: name characters (possibly none), optional spaces, then operator
   * characters with a "=" or "~" among them, so that typos like `severity==` are reported rather than
   * searched for, while "down!" stays text. Without a name only a real operator counts: "~/notes" and
   * "!important" are text, `="x"` is a matcher missing its name.
   */
  private atMatcher(): boolean {
    let i = this.pos;
    while (i < this.input.length && !STOP.has(this.input[i] as string)) i++;
    const named = i > this.pos;
    while (isSpace(this.input[i])) i++;
    const run = /^[=!~]*/.exec(this.input.slice(i, i + 8))?.[0] ?? '';
    return named ? /[=~]/.test(run) : /^(=|!=|!~)/.test(run);
  }

  private matcher(): Matcher {
    const nameStart = this.pos;
    while (this.pos < this.input.length && !STOP.has(this.input[this.pos] as string)) this.pos++;
    const name = this.input.slice(nameStart, this.pos);
    this.skipSpaces();
    const opStart = this.pos;
    while ('=!~'.includes(this.input[this.pos] ?? 'x')) this.pos++;
    const op = this.input.slice(opStart, this.pos);
    if (name === '')
      throw new MatcherSyntaxError(`missing label name before "${op}" at column ${opStart + 1}`, opStart);
    if (!LABEL_NAME.test(name))
      throw new MatcherSyntaxError(
        `bad label name "${name}": use letters, digits and _, not starting with a digit (quote the word to search for it as text)`,
        nameStart,
      );
    if (!isOperator(op))
      throw new MatcherSyntaxError(`unknown operator "${op}" after ${name}; use =, !=, =~ or !~`, opStart);
    const valueStart = this.pos;
    const value = this.value(name, op);
    if (op === '=~' || op === '!~') {
      const problem = regexProblem(value);
      if (problem)
        throw new MatcherSyntaxError(`invalid regular expression for ${name}: ${problem}`, valueStart);
    }
    return { name, op, value };
  }

  private value(name: string, op: string): string {
    let c = this.peek();
    if (isSpace(c)) {
      // Spaces after the operator only before a quoted value: "severity= critical" is more likely a typo.
      const afterOp = this.pos;
      this.skipSpaces();
      c = this.peek();
      if (c === undefined || !QUOTES.includes(c)) this.pos = afterOp;
    }
    c = this.peek();
    if (c !== undefined && QUOTES.includes(c)) return this.quoted(`value of ${name}`);
    const start = this.pos;
    while (this.pos < this.input.length && !isSpace(this.peek()) && !',{}"\'`'.includes(this.peek() ?? ''))
      this.pos++;
    if (this.pos === start)
      throw new MatcherSyntaxError(
        `missing value after ${name}${op} at column ${start + 1}; e.g. ${name}${op}"value"`,
        start,
      );
    if (QUOTES.includes(this.peek() ?? ' '))
      throw this.error(
        `unexpected quote in the value of ${name} at column ${this.pos + 1}; quote the whole value instead`,
      );
    return this.input.slice(start, this.pos);
  }

  /** A quoted string starting at the current position (see the grammar above for escapes). */
  private quoted(what: string): string {
    const start = this.pos;
    const quote = this.input[this.pos++] as string;
    let out = '';
    while (this.pos < this.input.length) {
      const c = this.input[this.pos++] as string;
      if (c === quote) return out;
      if (c !== '\\' || quote === '`') {
        out += c;
        continue;
      }
      const next = this.input[this.pos++];
      if (next === undefined) break;
      out += ESCAPES[next] ?? `\\${next}`;
    }
    throw new MatcherSyntaxError(`unclosed quote in ${what}, starting at column ${start + 1}`, start);
  }

  private word(): string {
    const start = this.pos;
    while (this.pos < this.input.length && !isSpace(this.peek())) this.pos++;
    return this.input.slice(start, this.pos);
  }

  private skipSpaces(): void {
    while (isSpace(this.peek())) this.pos++;
  }

  private peek(): string | undefined {
    return this.input[this.pos];
  }

  private error(message: string): MatcherSyntaxError {
    return new MatcherSyntaxError(message, this.pos);
  }
}

const ESCAPES: Record<string, string> = { '"': '"', "'": "'", '\\': '\\', n: '\n', t: '\t' };

const isOperator = (op: string): op is MatchOperator => (MATCH_OPERATORS as readonly string[]).includes(op);

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
 * A matcher as Prometheus and Alertmanager print it, quoted and escaped, ready for a silence or a URL.
 *
 *   formatMatcher({name:'severity', op:'=', value:'critical'}) → 'severity="critical"'
 *   formatMatcher({name:'path', op:'=~', value:'C:\\tmp\\"x"'}) → 'path=~"C:\\\\tmp\\\\\\"x\\""'
 */
export function formatMatcher({ name, op, value }: Matcher): string {
  const escaped = value.replace(/[\\"\n]/g, (c) => (c === '\n' ? '\\n' : `\\${c}`));
  return `${name}${op}"${escaped}"`;
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

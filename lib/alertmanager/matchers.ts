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
 * Prometheus regexes are RE2, fully anchored: `instance=~"db.*"` means `^(?:db.*)$`, so "db-1" matches
 * and "mydb-1" does not. They run here as JavaScript regexes, which agree on everything matchers use in
 * practice; RE2's leading `(?i)` (case-insensitive), which JavaScript lacks, is turned into the `i` flag.
 *
 *   anchoredRegex('db.*').test('db-1') → true;  anchoredRegex('db.*').test('mydb') → false
 *   anchoredRegex('(?i)critical').test('CRITICAL') → true
 */
export function anchoredRegex(source: string): RegExp {
  const insensitive = source.startsWith('(?i)');
  const body = insensitive ? source.slice(4) : source;
  return new RegExp(`^(?:${body})$`, insensitive ? 'i' : '');
}

/** Why a regex does not compile, e.g. 'unterminated character class in "db["', or undefined. */
function regexProblem(source: string): string | undefined {
  try {
    // Alone first, so "a)|(b" is not accepted just because the anchoring group balances it.
    new RegExp(source.startsWith('(?i)') ? source.slice(4) : source);
    anchoredRegex(source);
    return undefined;
  } catch (error) {
    // V8: "Invalid regular expression: /db[/: Unterminated character class"
    const reason = (error as Error).message.split(': ').at(-1) ?? 'does not compile';
    return `${reason.charAt(0).toLowerCase()}${reason.slice(1)} in "${source}"`;
  }
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

const compiled = new WeakMap<Matcher, RegExp>();

function regexOf(m: Matcher): RegExp {
  let re = compiled.get(m);
  if (!re) {
    re = anchoredRegex(m.value);
    compiled.set(m, re);
  }
  return re;
}

/**
 * Whether a label set satisfies every matcher. A missing label counts as the empty string, as in
 * Prometheus: `team!="db"` and `team!~"db.*"` match alerts without `team`, `team=""` matches only those.
 * Each matcher's regex is compiled once (cached per matcher object), so filtering thousands of alerts
 * with the same parsed matchers compiles nothing after the first alert.
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
        ok = regexOf(m).test(actual);
        break;
      case '!~':
        ok = !regexOf(m).test(actual);
        break;
    }
    if (!ok) return false;
  }
  return true;
}

// Safe for the browser: no RE2 here (see parseFilterSyntax), so the alerts page does not ship it.

/**
 * The alerts filter bar's language: Prometheus label matchers plus free text, as amtool and
 * Alertmanager's own UI accept them. Pure.
 *
 *   parseFilterSyntax('severity="critical" instance=~"db.*" disk full')
 *     → { matchers: [{name:'severity', op:'=', value:'critical'}, {name:'instance', op:'=~', value:'db.*'}],
 *         text: ['disk', 'full'] }
 *   parseFilterSyntax('{alertname="InstanceDown", job!="node"}') → two matchers, no text (Prometheus selector style)
 *   parseFilterSyntax('severity=critical "disk full"') → severity="critical" (bare value, as amtool allows) and the
 *     phrase 'disk full'
 *   parseFilterSyntax('severity="crit') → throws MatcherSyntaxError('unclosed quote in value of severity, starting at column 10')
 *
 * Grammar (whitespace separates items; commas between matchers are allowed, as in a selector):
 *   - a comma only after an item, the last one included (`{a="1",}` and `a="1",`, as PromQL and amtool
 *     take them). An empty item, between two commas (`a="1",,b="2"`) or before the first (`,a="1"`,
 *     `{,}`), is refused rather than read as nothing: Alertmanager refuses it too (its classic parser,
 *     amtool 0.25's, says "bad matcher format", its UTF-8 one "unexpected ,").
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

/** Why a regex cannot be used, or undefined when it can (see regexProblem in matchers.ts). */
export type RegexCheck = (source: string) => string | undefined;

/**
 * Parses a filter string; throws MatcherSyntaxError with the position of the first problem. The
 * syntax alone unless `regexProblem` is given: checking a regex needs RE2 (re2js, ~58 KB compressed),
 * which the server always passes (parseFilter in matchers.ts) and the browser loads only once a regex
 * matcher is typed (components/alerts/filter-check.ts).
 *
 *   parseFilterSyntax('instance=~"db["') → {matchers: [{name:'instance', op:'=~', value:'db['}], text: []}
 *   parseFilterSyntax('instance=~"db["', regexProblem) → throws MatcherSyntaxError('invalid regular expression for instance: …')
 */
export function parseFilterSyntax(input: string, regexProblem?: RegexCheck): ParsedFilter {
  return new FilterParser(input, regexProblem).parse();
}

/** What came last in a list of items: none yet, an item, or a comma (its position). */
type Last = 'nothing' | 'item' | number;

class FilterParser {
  private pos = 0;
  private readonly matchers: Matcher[] = [];
  private readonly text: string[] = [];

  constructor(
    private readonly input: string,
    private readonly regexProblem: RegexCheck | undefined,
  ) {}

  parse(): ParsedFilter {
    let last: Last = 'nothing';
    for (;;) {
      this.skipSpaces();
      const c = this.peek();
      if (c === undefined) return { matchers: this.matchers, text: this.text };
      if (c === ',') {
        last = this.comma(last);
        continue;
      }
      last = 'item';
      if (c === '{') this.braces();
      else if (c === '}') throw this.error(`unexpected "}" at column ${this.pos + 1}`);
      else if (QUOTES.includes(c)) this.text.push(this.quoted('free text'));
      else if (this.atMatcher()) this.matchers.push(this.matcher());
      else this.text.push(this.word());
    }
  }

  /** `{a="b", c=~"d"}`: matchers only, separated by commas or spaces. */
  private braces(): void {
    const open = this.pos++;
    let last: Last = 'nothing';
    for (;;) {
      this.skipSpaces();
      const c = this.peek();
      if (c === undefined) throw new MatcherSyntaxError(`unclosed "{" at column ${open + 1}`, open);
      if (c === '}') {
        this.pos++;
        return;
      }
      if (c === ',') last = this.comma(last);
      else if (this.atMatcher()) {
        this.matchers.push(this.matcher());
        last = 'item';
      } else {
        const found = this.input.slice(this.pos).split(/[\s,}]/, 1)[0];
        throw this.error(
          `expected a matcher like name="value" inside {…}, found "${found}" at column ${this.pos + 1}`,
        );
      }
    }
  }

  /**
   * Steps over the comma here, which must follow an item (`last`: what came before it, in this `{…}`
   * or at the top level), and returns its position. A comma after a comma or at the start stands for
   * an empty matcher, which Alertmanager refuses too.
   *
   *   'a="1",,b="2"' → throws 'empty matcher between the commas at columns 6 and 7; remove one of them'
   *   '{,a="1"}' → throws 'comma at column 2 with no matcher before it; remove it'
   */
  private comma(last: Last): number {
    const at = this.pos++;
    if (last === 'nothing')
      throw new MatcherSyntaxError(`comma at column ${at + 1} with no matcher before it; remove it`, at);
    if (typeof last === 'number')
      throw new MatcherSyntaxError(
        `empty matcher between the commas at columns ${last + 1} and ${at + 1}; remove one of them`,
        at,
      );
    return at;
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
    if (this.regexProblem && (op === '=~' || op === '!~')) {
      const problem = this.regexProblem(value);
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
 * A matcher as Prometheus and Alertmanager print it, quoted and escaped, ready for a silence or a URL.
 *
 *   formatMatcher({name:'severity', op:'=', value:'critical'}) → 'severity="critical"'
 *   formatMatcher({name:'path', op:'=~', value:'C:\\tmp\\"x"'}) → 'path=~"C:\\\\tmp\\\\\\"x\\""'
 */
export function formatMatcher({ name, op, value }: Matcher): string {
  const escaped = value.replace(/[\\"\n]/g, (c) => (c === '\n' ? '\\n' : `\\${c}`));
  return `${name}${op}"${escaped}"`;
}

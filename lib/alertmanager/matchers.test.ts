import { describe, expect, it } from 'vitest';
import {
  formatMatcher,
  type Matcher,
  MatcherSyntaxError,
  matchesLabels,
  parseFilter,
  regexMatches,
  regexProblem,
} from './matchers';

/** The error parseFilter throws for `input`. */
function syntaxError(input: string): MatcherSyntaxError {
  try {
    parseFilter(input);
  } catch (error) {
    if (error instanceof MatcherSyntaxError) return error;
    throw error;
  }
  throw new Error(`parseFilter accepted ${JSON.stringify(input)}`);
}

describe('parseFilter', () => {
  it('splits matchers from free text', () => {
    expect(parseFilter('severity="critical" instance=~"db.*" disk full')).toEqual({
      matchers: [
        { name: 'severity', op: '=', value: 'critical' },
        { name: 'instance', op: '=~', value: 'db.*' },
      ],
      text: ['disk', 'full'],
    });
  });

  it('reads all four operators', () => {
    expect(parseFilter('a="1" b!="2" c=~"3" d!~"4"').matchers).toEqual([
      { name: 'a', op: '=', value: '1' },
      { name: 'b', op: '!=', value: '2' },
      { name: 'c', op: '=~', value: '3' },
      { name: 'd', op: '!~', value: '4' },
    ]);
  });

  it('returns nothing for an empty or blank filter', () => {
    expect(parseFilter('')).toEqual({ matchers: [], text: [] });
    expect(parseFilter('  \t ')).toEqual({ matchers: [], text: [] });
  });

  it('accepts a PromQL-style selector with braces and commas, and text around it', () => {
    expect(parseFilter('{alertname="InstanceDown", job!="node",} down')).toEqual({
      matchers: [
        { name: 'alertname', op: '=', value: 'InstanceDown' },
        { name: 'job', op: '!=', value: 'node' },
      ],
      text: ['down'],
    });
    expect(parseFilter('{ a = "1" , b =~ "2" }').matchers).toEqual([
      { name: 'a', op: '=', value: '1' },
      { name: 'b', op: '=~', value: '2' },
    ]);
    expect(parseFilter('{}')).toEqual({ matchers: [], text: [] });
  });

  it('accepts commas between matchers without braces, as amtool does', () => {
    expect(parseFilter('a="1",b="2", c="3"').matchers.map((m) => m.name)).toEqual(['a', 'b', 'c']);
  });

  it('accepts one comma after the last matcher, as PromQL and amtool do', () => {
    const one = [{ name: 'a', op: '=', value: '1' }];
    expect(parseFilter('a="1",')).toEqual({ matchers: one, text: [] });
    expect(parseFilter('a="1" , ')).toEqual({ matchers: one, text: [] });
    expect(parseFilter('{a="1" ,}')).toEqual({ matchers: one, text: [] });
    expect(parseFilter('{a="1"}, x')).toEqual({ matchers: one, text: ['x'] });
    // A comma inside a word is part of the word.
    expect(parseFilter('disk,, a="1"')).toEqual({ matchers: one, text: ['disk,,'] });
  });

  it('accepts bare values up to a space, comma or brace, as amtool does', () => {
    expect(parseFilter('severity=critical instance=~db-.* x').matchers).toEqual([
      { name: 'severity', op: '=', value: 'critical' },
      { name: 'instance', op: '=~', value: 'db-.*' },
    ]);
    expect(parseFilter('{a=1,b=2}').matchers).toEqual([
      { name: 'a', op: '=', value: '1' },
      { name: 'b', op: '=', value: '2' },
    ]);
  });

  it('allows spaces around the operator before a quoted value', () => {
    expect(parseFilter('severity = "critical"').matchers).toEqual([
      { name: 'severity', op: '=', value: 'critical' },
    ]);
  });

  it('unescapes \\" and \\\\ in double-quoted values, and keeps spaces and operators inside quotes', () => {
    expect(parseFilter(String.raw`summary="say \"hi\" = \\o/" x`)).toEqual({
      matchers: [{ name: 'summary', op: '=', value: 'say "hi" = \\o/' }],
      text: ['x'],
    });
    expect(parseFilter(String.raw`a="line\nnext\ttab"`).matchers[0]?.value).toBe('line\nnext\ttab');
  });

  it('keeps other backslashes, so a regex escape works written once or twice', () => {
    expect(parseFilter(String.raw`instance=~"10\.0\..*"`).matchers[0]?.value).toBe(String.raw`10\.0\..*`);
    expect(parseFilter(String.raw`instance=~"10\\.0\\..*"`).matchers[0]?.value).toBe(String.raw`10\.0\..*`);
  });

  it('accepts single quotes (with escapes) and backticks (raw), like PromQL', () => {
    expect(parseFilter(String.raw`a='it\'s "x"'`).matchers[0]?.value).toBe(`it's "x"`);
    expect(parseFilter('a=`C:\\tmp\\`').matchers[0]?.value).toBe('C:\\tmp\\');
  });

  it('reads a quoted phrase as one free-text item', () => {
    expect(parseFilter('"disk full" sda')).toEqual({ matchers: [], text: ['disk full', 'sda'] });
    expect(parseFilter(`'a=b'`)).toEqual({ matchers: [], text: ['a=b'] });
  });

  it('reads words that merely contain ! or start with ~ as text', () => {
    expect(parseFilter('down! ~/notes').text).toEqual(['down!', '~/notes']);
  });

  it('lets the same label appear twice (both must hold)', () => {
    expect(parseFilter('job!="a" job!="b"').matchers).toHaveLength(2);
  });

  describe('errors', () => {
    it('names an unclosed quote and the column it starts at', () => {
      const error = syntaxError('severity="crit');
      expect(error.message).toBe('unclosed quote in value of severity, starting at column 10');
      expect(error).toMatchObject({ position: 9, column: 10, name: 'MatcherSyntaxError' });
      expect(syntaxError('x "disk full').message).toBe('unclosed quote in free text, starting at column 3');
      // An escaped quote does not close the value.
      expect(syntaxError(String.raw`a="b\"`).message).toBe(
        'unclosed quote in value of a, starting at column 3',
      );
    });

    it('names an invalid regular expression and why', () => {
      const error = syntaxError('instance=~"db[" ');
      expect(error.message).toBe('invalid regular expression for instance: missing closing ]: "[" in "db["');
      expect(error.position).toBe(10);
      expect(syntaxError('job!~"(a"').message).toMatch(/^invalid regular expression for job: .*"\(a"$/);
    });

    it('rejects a regex that only the anchoring group would balance', () => {
      expect(syntaxError('job=~"a)|(b"').message).toMatch(/^invalid regular expression for job: /);
    });

    it.each([
      ['severity=="x"', '=='],
      ['severity~="x"', '~='],
      ['severity~"x"', '~'],
      ['severity=!"x"', '=!'],
      ['severity!!="x"', '!!='],
    ])('names an unknown operator: %s', (input, op) => {
      const error = syntaxError(input);
      expect(error.message).toBe(`unknown operator "${op}" after severity; use =, !=, =~ or !~`);
      expect(error.position).toBe(8);
    });

    it.each([
      ['severity=', 'missing value after severity= at column 10; e.g. severity="value"'],
      ['severity= critical', 'missing value after severity= at column 10; e.g. severity="value"'],
      ['severity!=,x', 'missing value after severity!= at column 11; e.g. severity!="value"'],
      ['{severity=}', 'missing value after severity= at column 11; e.g. severity="value"'],
    ])('names a missing value: %s', (input, message) => {
      expect(syntaxError(input).message).toBe(message);
    });

    it('names a bad label name', () => {
      const error = syntaxError('x foo-bar="1"');
      expect(error.message).toBe(
        'bad label name "foo-bar": use letters, digits and _, not starting with a digit (quote the word to search for it as text)',
      );
      expect(error.column).toBe(3);
      expect(syntaxError('1abc="x"').message).toMatch(/^bad label name "1abc"/);
    });

    it('names a missing label name', () => {
      expect(syntaxError('="x"').message).toBe('missing label name before "=" at column 1');
      expect(syntaxError('a="1" !="x"').message).toBe('missing label name before "!=" at column 7');
    });

    it('names braces that do not balance or hold text', () => {
      expect(syntaxError('{a="1"').message).toBe('unclosed "{" at column 1');
      expect(syntaxError('a="1"}').message).toBe('unexpected "}" at column 6');
      expect(syntaxError('{a="1" disk}').message).toBe(
        'expected a matcher like name="value" inside {…}, found "disk" at column 8',
      );
    });

    it.each([
      ['alertname="x",,', 14, 15],
      ['a="1",,b="2"', 6, 7],
      ['a="1", ,b="2"', 6, 8],
      ['{a="1",,}', 7, 8],
      ['a=1,,b=2', 4, 5],
      ['disk , , a="1"', 6, 8],
    ])('refuses an empty matcher between two commas: %s', (input, first, second) => {
      const error = syntaxError(input);
      expect(error.message).toBe(
        `empty matcher between the commas at columns ${first} and ${second}; remove one of them`,
      );
      expect(error.column).toBe(second);
    });

    it.each([
      [',', 1],
      [' , ', 2],
      [',a="1"', 1],
      ['{,}', 2],
      ['{ ,a="1"}', 3],
      ['x {,a="1"}', 4],
    ])('refuses a comma with no matcher before it: %s', (input, column) => {
      const error = syntaxError(input);
      expect(error.message).toBe(`comma at column ${column} with no matcher before it; remove it`);
      expect(error.column).toBe(column);
    });

    it('names a quote in the middle of a bare value', () => {
      expect(syntaxError('a=b"c"').message).toBe(
        'unexpected quote in the value of a at column 4; quote the whole value instead',
      );
    });
  });
});

describe('regexMatches', () => {
  it('anchors at both ends, like Prometheus', () => {
    expect(regexMatches('db.*', 'db-1')).toBe(true);
    expect(regexMatches('db.*', 'mydb-1')).toBe(false);
    expect(regexMatches('db', 'db-1')).toBe(false);
  });

  it('anchors every alternative, not only the first and last', () => {
    expect(regexMatches('a|b', 'ab')).toBe(false);
    expect(regexMatches('a|b', 'b')).toBe(true);
  });

  it("reads RE2's inline flags, leading or not", () => {
    expect(regexMatches('(?i)crit.*', 'CRITICAL')).toBe(true);
    expect(parseFilter('severity=~"(?i)crit.*"').matchers).toHaveLength(1);
    // JavaScript has no inline flags: this was refused before RE2.
    expect(regexMatches('db-(?i:PRIMARY)', 'db-primary')).toBe(true);
    expect(regexMatches('(?s)a.b', 'a\nb')).toBe(true);
  });

  it('reads RE2-only syntax as Go does: POSIX classes, Unicode classes, \\Q…\\E, \\z', () => {
    expect(regexMatches('[[:alpha:]]+-[[:digit:]]', 'db-1')).toBe(true);
    expect(regexMatches(String.raw`\pL+`, 'Zürich')).toBe(true);
    expect(regexMatches(String.raw`\Q10.0.0.1\E:.*`, '10.0.0.1:9100')).toBe(true);
    expect(regexMatches(String.raw`\Q10.0.0.1\E:.*`, '10a0b0c1:9100')).toBe(false);
    expect(regexMatches(String.raw`a\z`, 'a')).toBe(true);
  });

  it('lets . skip a newline and $ end only at the end, as in Go', () => {
    expect(regexMatches('a.*', 'a\nb')).toBe(false);
    expect(regexMatches('a$', 'a\n')).toBe(false);
    expect(regexMatches('a', 'a\n')).toBe(false);
  });

  it("matches a pattern that breaks out of the anchoring group as Alertmanager's Go code does", () => {
    // Alertmanager compiles `a)|(b` (accepted from amtool) as ^(?:a)|(b)$: "a" at the start or "b" at the end.
    expect(regexMatches('a)|(b', 'axyz')).toBe(true);
    expect(regexMatches('a)|(b', 'xyzb')).toBe(true);
    expect(regexMatches('a)|(b', 'xyz')).toBe(false);
  });

  it('answers a catastrophic-backtracking pattern over a 30-character value at once', () => {
    // A JavaScript RegExp takes 0.7 s at 10 characters and doubles per character: years at 30.
    const started = performance.now();
    expect(regexMatches('(.*.*.*)*X', 'x'.repeat(30))).toBe(false);
    expect(regexMatches('(a+)+$', `${'a'.repeat(30)}!`)).toBe(false);
    expect(regexMatches('(x+x+)+y', 'x'.repeat(30))).toBe(false);
    expect(matchesLabels(parseFilter('instance=~"(.*.*.*)*X"').matchers, { instance: 'x'.repeat(30) })).toBe(
      false,
    );
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

describe('regexProblem', () => {
  it('accepts what RE2 compiles', () => {
    expect(regexProblem('db-.*')).toBeUndefined();
    expect(regexProblem('(?P<host>[a-z]+)-\\d+')).toBeUndefined();
  });

  it('refuses what RE2 refuses, naming the piece and the pattern', () => {
    expect(regexProblem('db[')).toBe('missing closing ]: "[" in "db["');
    expect(regexProblem('a**')).toBe('invalid nested repetition operator: "**" in "a**"');
    expect(regexProblem('x{2,1}')).toBe('invalid repeat count: "{2,1}" in "x{2,1}"');
    expect(regexProblem('a{1001}')).toBe('invalid repeat count: "{1001}" in "a{1001}"');
    expect(regexProblem(String.raw`\u0041`)).toBe(String.raw`invalid escape sequence: "\u" in "\u0041"`);
    expect(regexProblem('a)|(b')).toBe('unexpected ) in "a)|(b"');
  });

  it('says that RE2 has no backreferences or lookaround, which JavaScript accepted', () => {
    expect(regexProblem(String.raw`(a)\1`)).toBe(
      String.raw`backreference "\1" in "(a)\1": RE2, Alertmanager's regex engine, has none`,
    );
    expect(regexProblem(String.raw`(?<n>a)\k<n>`)).toMatch(/^backreference "\\k" .*has none$/);
    for (const pattern of ['db(?=-1)', 'db(?!-1)', '(?<=x)db', '(?<!x)db'])
      expect(regexProblem(pattern), pattern).toMatch(/^lookahead or lookbehind "\(\?<?[=!].*has none$/);
  });

  it('refuses a pattern whose repetitions would take long to compile, before compiling it', () => {
    const started = performance.now();
    expect(regexProblem('.{0,1000}'.repeat(20))).toBe(
      `too large: its repetitions make about 40000 steps, more than the 3000 Vigil compiles, in "${'.{0,1000}'.repeat(20)}"`,
    );
    expect(performance.now() - started).toBeLessThan(100);
    expect(regexProblem('.{0,1000}')).toBeUndefined();
    expect(syntaxError('instance=~"((.{0,10}){10}){10}((.{0,10}){10}){10}"').message).toMatch(
      /^invalid regular expression for instance: too large: /,
    );
  });

  it('is what the filter parser reports, as a field error with the label', () => {
    expect(syntaxError('instance=~"db(?=-1)"').message).toBe(
      `invalid regular expression for instance: lookahead or lookbehind "(?=" in "db(?=-1)": RE2, Alertmanager's regex engine, has none`,
    );
    expect(syntaxError(String.raw`job=~"(a)\1"`).message).toMatch(
      /^invalid regular expression for job: backreference/,
    );
  });
});

describe('matchesLabels', () => {
  const labels = { alertname: 'InstanceDown', severity: 'critical', instance: 'db-1:9100' };
  const m = (filter: string): Matcher[] => parseFilter(filter).matchers;

  it.each([
    ['severity="critical"', true],
    ['severity="warning"', false],
    ['severity!="warning"', true],
    ['severity!="critical"', false],
    ['instance=~"db-.*"', true],
    ['instance=~"db"', false],
    ['instance!~"web.*"', true],
    ['instance!~"db.*"', false],
    ['severity="critical" instance=~"web.*"', false],
    ['', true],
  ])('%s → %s', (filter, expected) => {
    expect(matchesLabels(m(filter), labels)).toBe(expected);
  });

  it('treats an absent label as the empty string, like Prometheus', () => {
    expect(matchesLabels(m('team!="db"'), labels)).toBe(true);
    expect(matchesLabels(m('team!~"db.*"'), labels)).toBe(true);
    expect(matchesLabels(m('team=""'), labels)).toBe(true);
    expect(matchesLabels(m('team=~".*"'), labels)).toBe(true);
    expect(matchesLabels(m('team=~".+"'), labels)).toBe(false);
    expect(matchesLabels(m('team="db"'), labels)).toBe(false);
    expect(matchesLabels(m('severity=""'), labels)).toBe(false);
  });

  it('compares values exactly for = (no case folding, no substring)', () => {
    expect(matchesLabels(m('severity="Critical"'), labels)).toBe(false);
    expect(matchesLabels(m('severity="crit"'), labels)).toBe(false);
  });
});

describe('formatMatcher', () => {
  it('prints a matcher as Prometheus does', () => {
    expect(formatMatcher({ name: 'severity', op: '=', value: 'critical' })).toBe('severity="critical"');
    expect(formatMatcher({ name: 'instance', op: '!~', value: 'db.*' })).toBe('instance!~"db.*"');
  });

  it('escapes quotes, backslashes and newlines so the result parses back to the same matcher', () => {
    const tricky = { name: 'path', op: '=' as const, value: 'C:\\tmp\\"x"\nnext' };
    const printed = formatMatcher(tricky);
    expect(printed).toBe(String.raw`path="C:\\tmp\\\"x\"\nnext"`);
    expect(parseFilter(printed).matchers).toEqual([tricky]);
  });
});

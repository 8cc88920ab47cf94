import fc from 'fast-check';
import { RE2JS } from 're2js';
import { describe, expect, it } from 'vitest';
import {
  formatMatcher,
  MATCH_OPERATORS,
  type Matcher,
  MatcherSyntaxError,
  matchesLabels,
  parseFilter,
  regexMatches,
} from './matchers';
import { regexPatterns, SHARED_ATOMS } from './testing/regex-patterns';

/**
 * Properties of the filter language (matchers.ts), over generated input rather than examples: what
 * formatMatcher writes parses back to the same matcher, nothing but a MatcherSyntaxError escapes the
 * parser, and matchesLabels agrees with a plain reference implementation.
 */

const labelName = fc.stringMatching(/^[a-zA-Z_][a-zA-Z0-9_]{0,15}$/);

/** Characters that stress quoting: quotes of every kind, backslashes, escapes, operators, braces, unicode. */
const tricky = fc.constantFrom(
  '"',
  "'",
  '`',
  '\\',
  '\n',
  '\t',
  '\r',
  ' ',
  ',',
  '{',
  '}',
  '=',
  '!',
  '~',
  'n',
  't',
  'é',
  '💥',
  '\u2028',
  '\u0000',
);
const valueText = fc.string({
  unit: fc.oneof(tricky, fc.string({ minLength: 1, maxLength: 1 })),
  maxLength: 30,
});
const fullUnicode = fc.string({ unit: 'binary', maxLength: 30 });

/** A regex source RE2 compiles both alone and anchored (what the parser accepts for =~ and !~). */
const compiles = (source: string) => {
  try {
    RE2JS.compile(source);
    RE2JS.compile(`^(?:${source})$`);
    return true;
  } catch {
    return false;
  }
};

const equalityMatcher = fc.record({
  name: labelName,
  op: fc.constantFrom('=' as const, '!=' as const),
  value: fc.oneof(valueText, fullUnicode),
});
const regexMatcher = fc
  .record({
    name: labelName,
    op: fc.constantFrom('=~' as const, '!~' as const),
    value: fc.oneof(
      valueText,
      fc.string({
        unit: fc.constantFrom('a', 'b', '.', '*', '+', '?', '|', '(', ')', '[', ']', '\\', '^', '$', '"'),
        maxLength: 12,
      }),
    ),
  })
  .filter((m) => compiles(m.value));
const matcher: fc.Arbitrary<Matcher> = fc.oneof(equalityMatcher, regexMatcher);

const PARAMS = { numRuns: 2000 };

describe('formatMatcher → parseFilter', () => {
  it('gives back the same matcher, whatever the value holds', () => {
    fc.assert(
      fc.property(matcher, (m) => {
        expect(parseFilter(formatMatcher(m))).toEqual({ matchers: [m], text: [] });
      }),
      PARAMS,
    );
  });

  it('gives back a whole list, joined with spaces, commas or as a {…} selector, a trailing comma or not', () => {
    fc.assert(
      fc.property(
        fc.array(matcher, { minLength: 1, maxLength: 6 }),
        fc.constantFrom(' ', ', ', ','),
        fc.boolean(),
        fc.constantFrom('', ',', ' , '),
        (list, sep, braces, trailing) => {
          const body = list.map(formatMatcher).join(sep) + trailing;
          expect(parseFilter(braces ? `{${body}}` : body)).toEqual({ matchers: list, text: [] });
        },
      ),
      PARAMS,
    );
  });
});

describe('parseFilter on a comma-separated list with an empty item', () => {
  it('refuses it, pointing at the comma after the empty item, whatever the matchers hold', () => {
    fc.assert(
      fc.property(
        fc.array(matcher, { minLength: 1, maxLength: 5 }),
        fc.constantFrom(',', ', ', ' , '),
        fc.constantFrom('', ' '),
        fc.nat(),
        fc.boolean(),
        (list, sep, blank, at, braces) => {
          const items = list.map(formatMatcher);
          const k = at % (items.length + 1);
          // An empty item before item k, or after the last one (then followed by a comma of its own).
          const withEmpty = [...items.slice(0, k), blank, ...items.slice(k)];
          const body = withEmpty.join(sep) + (k === items.length ? sep : '');
          const input = braces ? `{${body}}` : body;
          let error: unknown;
          try {
            parseFilter(input);
          } catch (e) {
            error = e;
          }
          expect(error, input).toBeInstanceOf(MatcherSyntaxError);
          const { position, message } = error as MatcherSyntaxError;
          expect(input[position], input).toBe(',');
          expect(message).toMatch(
            /^(empty matcher between the commas at columns \d+ and \d+; remove one of them|comma at column \d+ with no matcher before it; remove it)$/,
          );
          // The columns it names are commas of the input, the last one where it stopped.
          const columns = [...message.matchAll(/\d+/g)].map(Number);
          expect(columns.at(-1)).toBe(position + 1);
          for (const column of columns) expect(input[column - 1], input).toBe(',');
        },
      ),
      PARAMS,
    );
  });
});

describe('parseFilter on arbitrary input', () => {
  const assertOnlySyntaxErrors = (input: string) => {
    try {
      const parsed = parseFilter(input);
      // Whatever it accepts is well formed: label names, known operators, compiling regexes.
      for (const m of parsed.matchers) {
        expect(m.name).toMatch(/^[a-zA-Z_][a-zA-Z0-9_]*$/);
        expect(MATCH_OPERATORS).toContain(m.op);
        if (m.op.endsWith('~')) expect(compiles(m.value)).toBe(true);
      }
      for (const word of parsed.text) expect(typeof word).toBe('string');
    } catch (error) {
      expect(error).toBeInstanceOf(MatcherSyntaxError);
      const { position, column, message } = error as MatcherSyntaxError;
      expect(message.length).toBeGreaterThan(0);
      expect(position).toBeGreaterThanOrEqual(0);
      expect(position).toBeLessThanOrEqual(input.length);
      expect(column).toBe(position + 1);
    }
  };

  it('throws nothing but MatcherSyntaxError, with a position inside the input (any unicode)', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 60 }), assertOnlySyntaxErrors), PARAMS);
  });

  it('throws nothing but MatcherSyntaxError on near-miss filters built from its own tokens', () => {
    const token = fc.constantFrom(
      'severity',
      'job',
      '1abc',
      '=',
      '!=',
      '=~',
      '!~',
      '==',
      '!',
      '~',
      '"',
      "'",
      '`',
      '\\',
      '{',
      '}',
      ',',
      ' ',
      'db.*',
      '[',
      '(',
      ')',
      '(?i)',
      'é',
    );
    fc.assert(
      fc.property(
        fc.array(token, { maxLength: 20 }).map((t) => t.join('')),
        assertOnlySyntaxErrors,
      ),
      PARAMS,
    );
  });
});

/**
 * Prometheus semantics written out independently: missing label = '', regexes fully anchored, (?i) prefix.
 * The regexes are JavaScript's, which agree with RE2 on the simple patterns used here.
 */
function referenceMatches(matchers: readonly Matcher[], labels: Record<string, string>): boolean {
  return matchers.every(({ name, op, value }) => {
    const actual = Object.hasOwn(labels, name) ? (labels[name] as string) : '';
    if (op === '=') return actual === value;
    if (op === '!=') return actual !== value;
    const insensitive = value.startsWith('(?i)');
    const re = new RegExp(`^(?:${insensitive ? value.slice(4) : value})$`, insensitive ? 'i' : '');
    return op === '=~' ? re.test(actual) : !re.test(actual);
  });
}

describe('matchesLabels', () => {
  const names = fc.constantFrom('alertname', 'job', 'severity', 'team');
  const values = fc.constantFrom('', 'a', 'A', 'ab', 'db-1', 'critical', 'x"y', '\\');
  const labels = fc.dictionary(names, values, { maxKeys: 4 });
  const regexes = fc.constantFrom('.*', '.+', 'a|b', '(?i)a.*', 'db-.*', 'crit.*', '[ab]+', 'a', '', 'x"y');
  const smallMatcher: fc.Arbitrary<Matcher> = fc.oneof(
    fc.record({ name: names, op: fc.constantFrom('=' as const, '!=' as const), value: values }),
    fc.record({ name: names, op: fc.constantFrom('=~' as const, '!~' as const), value: regexes }),
  );

  it('agrees with the reference implementation', () => {
    fc.assert(
      fc.property(fc.array(smallMatcher, { maxLength: 4 }), labels, (matchers, set) => {
        expect(matchesLabels(matchers, set)).toBe(referenceMatches(matchers, set));
      }),
      PARAMS,
    );
  });

  it('agrees on matchers that went through the text form (the path the filter bar takes)', () => {
    fc.assert(
      fc.property(fc.array(smallMatcher, { maxLength: 4 }), labels, (matchers, set) => {
        const parsed = parseFilter(matchers.map(formatMatcher).join(' ')).matchers;
        expect(matchesLabels(parsed, set)).toBe(referenceMatches(matchers, set));
      }),
      PARAMS,
    );
  });
});

/**
 * Generated patterns in the syntax JavaScript and RE2 share, with the same meaning there (literals, `.`,
 * classes, the four quantifiers, groups, alternation, a leading `(?i)`), over values from a small
 * alphabet: RE2's answer equals JavaScript's anchored RegExp. The values avoid what `.` and case folding
 * treat differently in the two (\r, U+2028, Unicode folds such as ſ ~ s), so a difference is a bug in how
 * the pattern is anchored or handed to RE2.
 */
describe('regexMatches on generated patterns', () => {
  const source = regexPatterns(SHARED_ATOMS);
  const value = fc.string({ unit: fc.constantFrom('a', 'b', 'A', 'B', '-', '.', '0', '\n'), maxLength: 8 });

  const javascript = (p: string, v: string) => {
    const insensitive = p.startsWith('(?i)');
    return new RegExp(`^(?:${insensitive ? p.slice(4) : p})$`, insensitive ? 'i' : '').test(v);
  };

  it('agrees with JavaScript where the two syntaxes mean the same', () => {
    fc.assert(
      fc.property(source, value, (p, v) => {
        expect(regexMatches(p, v), `${JSON.stringify(p)} on ${JSON.stringify(v)}`).toBe(javascript(p, v));
      }),
      PARAMS,
    );
  });

  it('generates both matching and failing cases, often enough to mean something', () => {
    const samples = fc.sample(fc.tuple(source, value), { numRuns: 1000, seed: 7 });
    const matching = samples.filter(([p, v]) => regexMatches(p, v)).length;
    expect(matching).toBeGreaterThan(50);
    expect(samples.length - matching).toBeGreaterThan(50);
  });
});

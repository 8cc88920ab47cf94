import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatMatcher,
  MATCH_OPERATORS,
  type Matcher,
  MatcherSyntaxError,
  matchesLabels,
  parseFilter,
} from './matchers';

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

/** A regex source JavaScript compiles both alone and anchored (what the parser accepts for =~ and !~). */
const compiles = (source: string) => {
  try {
    // RE2's leading (?i) is a flag, not part of the pattern (see anchoredRegex).
    const body = source.startsWith('(?i)') ? source.slice(4) : source;
    new RegExp(body);
    new RegExp(`^(?:${body})$`);
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

  it('gives back a whole list, joined with spaces, commas or as a {…} selector', () => {
    fc.assert(
      fc.property(
        fc.array(matcher, { minLength: 1, maxLength: 6 }),
        fc.constantFrom(' ', ', ', ','),
        fc.boolean(),
        (list, sep, braces) => {
          const body = list.map(formatMatcher).join(sep);
          expect(parseFilter(braces ? `{${body}}` : body)).toEqual({ matchers: list, text: [] });
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

/** Prometheus semantics written out independently: missing label = '', regexes fully anchored, (?i) prefix. */
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

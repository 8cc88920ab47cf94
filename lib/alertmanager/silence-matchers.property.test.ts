import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatSilenceMatchers,
  parseSilenceMatchers,
  type SilenceMatcher,
  SilenceMatcherError,
} from './silence-matchers';

/**
 * Properties of silence matchers: a list parseSilenceMatchers accepts is written by
 * formatSilenceMatchers as text that parses back to the same list (the form round trip: list → amtool
 * text in the edit form → list), and nothing but a SilenceMatcherError ever escapes, from text or list.
 */

const labelName = fc.stringMatching(/^[a-zA-Z_][a-zA-Z0-9_]{0,12}$/);
const valueUnit = fc.oneof(
  fc.constantFrom('"', "'", '`', '\\', '\n', '\t', ' ', ',', '{', '}', '=', '!', '~', 'é', '🔕'),
  fc.string({ minLength: 1, maxLength: 1 }),
);
const regexUnit = fc.constantFrom(
  'a',
  'b',
  '.',
  '*',
  '+',
  '?',
  '|',
  '(',
  ')',
  '[',
  ']',
  '\\',
  '^',
  '$',
  '"',
  '{',
  '}',
);
const matcher: fc.Arbitrary<SilenceMatcher> = fc.oneof(
  fc.record({
    name: labelName,
    value: fc.string({ unit: valueUnit, maxLength: 20 }),
    isRegex: fc.constant(false),
    isEqual: fc.boolean(),
  }),
  fc.record({
    name: labelName,
    value: fc.string({ unit: fc.oneof(regexUnit, valueUnit), maxLength: 12 }),
    isRegex: fc.constant(true),
    isEqual: fc.boolean(),
  }),
);
const list = fc.array(matcher, { minLength: 1, maxLength: 5 });

/** The list parseSilenceMatchers accepts, or undefined when it refuses it. */
function accepted(input: readonly SilenceMatcher[]): SilenceMatcher[] | undefined {
  try {
    return parseSilenceMatchers(input);
  } catch (error) {
    expect(error).toBeInstanceOf(SilenceMatcherError);
    return undefined;
  }
}

const PARAMS = { numRuns: 3000 };

describe('parseSilenceMatchers(formatSilenceMatchers(list))', () => {
  it('is the list itself, for every list the list form accepts', () => {
    fc.assert(
      fc.property(list, (input) => {
        const valid = accepted(input);
        fc.pre(valid !== undefined);
        expect(parseSilenceMatchers(formatSilenceMatchers(input))).toEqual(input);
      }),
      PARAMS,
    );
  });

  it('refuses, in list form too, a regex that breaks out of the anchoring group (found by the property above)', () => {
    const breakout = { name: 'job', value: 'a)|(b', isRegex: true, isEqual: true };
    expect(() => parseSilenceMatchers([breakout])).toThrow(SilenceMatcherError);
    expect(() => parseSilenceMatchers(formatSilenceMatchers([breakout]))).toThrow(SilenceMatcherError);
  });

  it('accepts enough generated lists for the round trip to mean something', () => {
    const samples = fc.sample(list, { numRuns: 500, seed: 42 });
    expect(samples.filter((l) => accepted(l) !== undefined).length).toBeGreaterThan(100);
  });
});

describe('parseSilenceMatchers never throws anything but SilenceMatcherError', () => {
  const check = (input: string | readonly SilenceMatcher[]) => {
    try {
      const out = parseSilenceMatchers(input);
      expect(out.length).toBeGreaterThan(0);
    } catch (error) {
      expect(error).toBeInstanceOf(SilenceMatcherError);
      expect((error as Error).message.length).toBeGreaterThan(0);
    }
  };

  it('for arbitrary text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 60 }), check), PARAMS);
  });

  it('for text built from matcher tokens', () => {
    const token = fc.constantFrom(
      'alertname',
      'job',
      '9x',
      '=',
      '!=',
      '=~',
      '!~',
      '"',
      '.*',
      '(',
      '[',
      '\\',
      ',',
      ' ',
      '{',
      '}',
      'x',
    );
    fc.assert(
      fc.property(
        fc.array(token, { maxLength: 16 }).map((t) => t.join('')),
        check,
      ),
      PARAMS,
    );
  });

  it('for arbitrary lists (bad names, regexes that do not compile, empty lists)', () => {
    const anyMatcher = fc.record({
      name: fc.string({ maxLength: 8 }),
      value: fc.string({ unit: fc.oneof(regexUnit, valueUnit), maxLength: 10 }),
      isRegex: fc.boolean(),
      isEqual: fc.boolean(),
    });
    fc.assert(fc.property(fc.array(anyMatcher, { maxLength: 4 }), check), PARAMS);
  });
});

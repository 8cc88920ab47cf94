import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Matcher } from '@/lib/alertmanager/filter-syntax';
import { regexMatches, regexProblem } from '@/lib/alertmanager/matchers';
import { literalPrefix, splitMatchers } from './pushdown';

const m = (name: string, op: Matcher['op'], value: string): Matcher => ({ name, op, value });

describe('splitMatchers', () => {
  it('pushes non-empty equalities down (alertname also to its column) and keeps regexes and negatives', () => {
    expect(
      splitMatchers([
        m('alertname', '=', 'HighCPU'),
        m('instance', '=~', 'db-.*'),
        m('team', '=', 'db'),
        m('severity', '!=', 'info'),
        m('env', '!~', 'dev|test'),
      ]),
    ).toEqual({
      labels: { alertname: 'HighCPU', team: 'db' },
      alertname: 'HighCPU',
      prefixes: [{ name: 'instance', prefix: 'db-' }],
      rest: [m('instance', '=~', 'db-.*'), m('severity', '!=', 'info'), m('env', '!~', 'dev|test')],
    });
  });

  it('keeps `x=""` (it matches a missing label) and a repeated name for Vigil to evaluate', () => {
    expect(splitMatchers([m('team', '=', ''), m('job', '=', 'a'), m('job', '=', 'b')])).toEqual({
      labels: { job: 'a' },
      alertname: undefined,
      prefixes: [],
      rest: [m('team', '=', ''), m('job', '=', 'b')],
    });
  });

  it('pushes nothing for no matchers', () => {
    expect(splitMatchers([])).toEqual({ labels: {}, alertname: undefined, prefixes: [], rest: [] });
  });
});

describe('literalPrefix', () => {
  it.each([
    ['db-1.*', 'db-1'],
    ['db-1', 'db-1'],
    ['web\\.example\\.com:.*', 'web.example.com:'],
    ['dbs?-1', 'db'],
    ['db+', 'd'],
    ['db*x', 'd'],
    ['db{2}', 'd'],
    ['ab(cd)*', 'ab'],
    ['a(?i)*', ''],
    ['ab(?i)?c', 'a'],
    ['ab(?:cd)', 'a'],
    ['ab[cd]', 'ab'],
    ['host\\_1\\ x.*', 'host_1 x'],
    ['a\\d+', 'a'],
    ['caf\u00e9-\u{1f525}+', 'caf\u00e9-'],
    ['db|web', ''],
    ['a)|(b', ''],
    ['[|]x', ''],
    ['\\Qa.b\\E.*', ''],
    ['(?i)db.*', ''],
    ['^db', ''],
    ['.*db', ''],
    ['a\u0000b.*', 'a'],
    ['', ''],
  ])('%j starts every match with %j', (pattern, prefix) => {
    expect(literalPrefix(pattern)).toBe(prefix);
  });

  it('never claims more than RE2 matches: every value the anchored pattern matches starts with it', () => {
    // Short patterns and values over a small alphabet, so that many values match.
    const token = fc.constantFrom(
      'a',
      'b',
      '-',
      '.',
      '.*',
      '*',
      '+',
      '?',
      '{0,2}',
      '{1}',
      '(',
      ')',
      '(a|b)',
      '[ab]',
      '[^a]',
      '|',
      '\\.',
      '\\-',
      '\\d',
      '\\b',
      '(?i)',
      '(?s)',
      '(?:',
      '\\A',
      '\\pL',
      '[[:alpha:]]',
      '{',
      '\\x61',
      'A',
      '^',
      '$',
      '\u00e9',
      '\u{1f525}',
    );
    const pattern = fc.array(token, { maxLength: 6 }).map((t) => t.join(''));
    const value = fc
      .array(fc.constantFrom('a', 'b', '-', '.', 'A', '1', '\u00e9', '\u{1f525}'), { maxLength: 6 })
      .map((c) => c.join(''));
    let matched = 0;
    fc.assert(
      fc.property(pattern, fc.array(value, { minLength: 20, maxLength: 20 }), (source, values) => {
        if (regexProblem(source) !== undefined) return;
        const prefix = literalPrefix(source);
        // Values built to start with the prefix too, so that matches are not all of the trivial kind.
        for (const v of [...values, ...values.map((x) => prefix + x)])
          if (regexMatches(source, v)) {
            matched++;
            expect(v.startsWith(prefix)).toBe(true);
          }
      }),
      { numRuns: 2000 },
    );
    expect(matched).toBeGreaterThan(1000);
  });
});

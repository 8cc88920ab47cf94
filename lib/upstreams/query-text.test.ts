import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alignToStep, normaliseQuery } from './query-text';

describe('normaliseQuery', () => {
  it.each([
    ['  sum (rate(x[5m]))\n  by (job)  ', 'sum (rate(x[5m])) by (job)'],
    ['up\t==\r\n0', 'up == 0'],
    ['{job="a  b"}   |= "x" # why', '{job="a  b"} |= "x"'],
    ['up # first\n  + on() # second\n vector(1)', 'up + on() vector(1)'],
    ['{a="say \\"hi  there\\"  # not a comment"}', '{a="say \\"hi  there\\"  # not a comment"}'],
    ["{a='x  y'} |~ `a\\  b`  ", "{a='x  y'} |~ `a\\  b`"],
    ['', ''],
  ])('%j → %j', (query, normalised) => {
    expect(normaliseQuery(query)).toBe(normalised);
  });

  it('gives one key for layouts that differ only in whitespace between tokens', () => {
    const token = fc.constantFrom('sum', '(', 'rate', 'x', '[5m]', ')', 'by', 'job', '+', '1', '{a="b  c"}');
    const gap = fc.constantFrom(' ', '  ', '\n', '\t', ' \n ');
    fc.assert(
      fc.property(fc.array(fc.tuple(token, gap, gap), { minLength: 1 }), (parts) => {
        const spaced = parts.map(([t, g]) => `${g}${t}`).join('');
        const other = parts.map(([t, , g]) => `${t}${g}`).join('');
        expect(normaliseQuery(spaced)).toBe(normaliseQuery(other));
        expect(normaliseQuery(normaliseQuery(spaced))).toBe(normaliseQuery(spaced));
      }),
    );
  });
});

describe('alignToStep', () => {
  it('widens the range to whole steps, so times within a step share a key', () => {
    expect(alignToStep({ start: 1_700_000_007, end: 1_700_003_601, stepSeconds: 15 })).toEqual({
      start: 1_699_999_995,
      end: 1_700_003_610,
      stepSeconds: 15,
    });
    expect(alignToStep({ start: 1_700_000_001.5, end: 1_700_003_609, stepSeconds: 15 })).toEqual(
      alignToStep({ start: 1_700_000_000, end: 1_700_003_600.25, stepSeconds: 15 }),
    );
    expect(alignToStep({ start: 60, end: 120, stepSeconds: 60 })).toEqual({
      start: 60,
      end: 120,
      stepSeconds: 60,
    });
  });
});

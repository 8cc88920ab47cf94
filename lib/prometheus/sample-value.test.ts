import { describe, expect, it } from 'vitest';
import { parseSampleValue } from './sample-value';

describe('parseSampleValue', () => {
  it.each([
    ['1', 1],
    ['1.5', 1.5],
    ['-0.25', -0.25],
    ['95.02922222222224', 95.02922222222224],
    ['0e+00', 0],
    ['1e+00', 1],
    ['1.5E-3', 0.0015],
    ['.5', 0.5],
    ['1795248902', 1795248902],
    ['+Inf', Number.POSITIVE_INFINITY],
    ['-Inf', Number.NEGATIVE_INFINITY],
    ['Inf', Number.POSITIVE_INFINITY],
  ])('reads %j as %d', (text, value) => {
    expect(parseSampleValue(text)).toBe(value);
  });

  it('reads "NaN" as NaN, which is a value, not a failure', () => {
    expect(parseSampleValue('NaN')).toBeNaN();
  });

  it.each(['', ' ', 'abc', '1,5', '0x10', '1 2', 'constructor', 'Infinite'])(
    'refuses %j instead of guessing',
    (text) => {
      expect(parseSampleValue(text)).toBeUndefined();
    },
  );
});

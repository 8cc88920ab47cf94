import { describe, expect, it } from 'vitest';
import { formatValue } from './format';

describe('formatValue', () => {
  it.each([
    [93.456, 'percent', '93.5%'],
    [0.973, 'ratio', '97.3%'],
    [1536, 'bytes', '1.5 KiB'],
    [5 * 1024 ** 3, 'bytes', '5 GiB'],
    [2048, 'bytesPerSecond', '2 KiB/s'],
    [0.0042, 'seconds', '4.2 ms'],
    [0.0000123, 'seconds', '12.3 µs'],
    [2.5, 'seconds', '2.5 s'],
    [1234, 'perSecond', '1.23k/s'],
    [0.5, 'count', '0.5'],
    [3_400_000, 'count', '3.4M'],
    [Number.NaN, 'count', 'NaN'],
  ] as const)('%s %s → %s', (value, unit, text) => {
    expect(formatValue(value, unit)).toBe(text);
  });
});

import { describe, expect, it } from 'vitest';
import { formatTick, formatValue } from './format';

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
    [0, 'seconds', '0 s'],
    [600, 'seconds', '10 min'],
    [0.005, 'perSecond', '18/h'],
    [0.5, 'perSecond', '30/min'],
    [0, 'perSecond', '0/s'],
  ] as const)('%s %s → %s', (value, unit, text) => {
    expect(formatValue(value, unit)).toBe(text);
  });
});

describe('formatTick', () => {
  const at = Date.parse('2026-12-04T16:14:00Z');
  it('writes the clock in the viewer’s zone for a day or less, with the date beyond', () => {
    expect(formatTick(at, 3600, 'Europe/Brussels')).toBe('17:14');
    expect(formatTick(at, 3600, 'UTC')).toBe('16:14');
    expect(formatTick(at, 7 * 86_400, 'America/New_York')).toBe('12-04 11:14');
  });
});

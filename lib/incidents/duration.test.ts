import { describe, expect, it } from 'vitest';
import { DurationError, formatDurationMs, parseDuration } from './duration';

describe('parseDuration', () => {
  it.each([
    ['90m', 90 * 60_000],
    ['4h', 4 * 3_600_000],
    ['1d', 86_400_000],
    ['1w', 7 * 86_400_000],
    ['1h30m', 90 * 60_000],
    [' 2h 15m ', 135 * 60_000],
    ['1H', 3_600_000],
    ['120s', 120_000],
  ])('%s → %i ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each([
    ['', 'write a duration'],
    ['soon', '"soon" is not a duration'],
    ['4', 'is not a duration'],
    ['-1h', 'is not a duration'],
    ['1.5h', 'is not a duration'],
    ['30m1h', 'largest down'],
    ['1h1h', 'largest down'],
    ['30s', 'at least 1m'],
    ['0m', 'at least 1m'],
    ['53w', 'at most 365d'],
  ])('refuses %j', (text, message) => {
    expect(() => parseDuration(text)).toThrow(DurationError);
    expect(() => parseDuration(text)).toThrow(message);
  });
});

describe('formatDurationMs', () => {
  it('writes the shortest form, largest unit first', () => {
    expect(formatDurationMs(90 * 60_000)).toBe('1h30m');
    expect(formatDurationMs(86_400_000)).toBe('1d');
    expect(formatDurationMs(8 * 86_400_000)).toBe('1w1d');
    expect(formatDurationMs(0)).toBe('0s');
  });

  it('round-trips with parseDuration', () => {
    for (const text of ['1h30m', '4h', '1w', '2d3h', '45m'])
      expect(formatDurationMs(parseDuration(text))).toBe(text);
  });
});

import { describe, expect, it } from 'vitest';
import { nsToMs, secondsToMs, toNs } from './nanoseconds';

describe('toNs', () => {
  it('writes a Date as a Unix nanosecond string', () => {
    expect(toNs(new Date(1700000000000))).toBe('1700000000000000000');
    expect(toNs(new Date('2026-11-21T08:12:54.123Z'))).toBe('1795248774123000000');
  });

  it('keeps every digit where a number would round', () => {
    // 8640000000000000 ms is the largest Date: ×1e6 is far beyond 2^53.
    expect(toNs(new Date(8640000000000000))).toBe('8640000000000000000000');
  });

  it('refuses an invalid Date instead of sending "NaN"', () => {
    expect(() => toNs(new Date('not a date'))).toThrow(RangeError);
  });
});

describe('nsToMs', () => {
  it('truncates to milliseconds', () => {
    expect(nsToMs('1700000000123456789')).toBe(1700000000123);
    expect(nsToMs('1795248400761163376')).toBe(1795248400761);
  });

  it('does not lose precision through floating point', () => {
    // As a double, 1700000000123999999 is exactly 1700000000124000000, so float division gives …124.
    expect(Math.floor(Number('1700000000123999999') / 1e6)).toBe(1700000000124);
    expect(nsToMs('1700000000123999999')).toBe(1700000000123);
  });

  it('round-trips with toNs', () => {
    const date = new Date('2026-11-21T08:06:00.001Z');
    expect(nsToMs(toNs(date))).toBe(date.getTime());
  });

  it('throws on a string that is not an integer', () => {
    expect(() => nsToMs('1.5e18')).toThrow(SyntaxError);
  });
});

describe('secondsToMs', () => {
  it('converts whole and fractional Unix seconds', () => {
    expect(secondsToMs(1795247865)).toBe(1795247865000);
    expect(secondsToMs(1700000000.123)).toBe(1700000000123);
  });
});

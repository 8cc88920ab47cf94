import { describe, expect, it } from 'vitest';
import { themeOf } from './theme';

describe('themeOf', () => {
  it('reads a picked theme and falls back to the system for anything else', () => {
    expect(themeOf('dark')).toBe('dark');
    expect(themeOf('light')).toBe('light');
    expect(themeOf('system')).toBe('system');
    expect(themeOf('<script>')).toBe('system');
    expect(themeOf(undefined)).toBe('system');
  });
});

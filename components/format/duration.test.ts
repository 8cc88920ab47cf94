import { describe, expect, it } from 'vitest';
import { formatDuration, secondsSince } from './duration';

describe('formatDuration', () => {
  it.each([
    [-3, '0s'],
    [45, '45s'],
    [754, '12m'],
    [3600, '1h'],
    [11_520, '3h 12m'],
    [86_400, '1d'],
    [187_200, '2d 4h'],
  ])('%i s → %s', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });

  it('measures from an ISO time', () => {
    expect(secondsSince('2026-11-21T08:00:00Z', Date.parse('2026-11-21T08:01:30Z'))).toBe(90);
  });
});

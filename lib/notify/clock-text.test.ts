import { describe, expect, it } from 'vitest';
import { clockIn } from './clock-text';

describe('clockIn', () => {
  it("says the time of day in the person's zone, across daylight saving", () => {
    expect(clockIn(new Date('2026-12-05T02:12:00Z'), 'Europe/Brussels')).toBe('03:12 Europe/Brussels');
    expect(clockIn(new Date('2026-07-05T01:12:00Z'), 'Europe/Brussels')).toBe('03:12 Europe/Brussels');
    // New York springs forward at 02:00 on 8 March 2026: 06:30 UTC is 01:30 EST, 07:30 UTC 03:30 EDT.
    expect(clockIn(new Date('2026-03-08T06:30:00Z'), 'America/New_York')).toBe('01:30 America/New_York');
    expect(clockIn(new Date('2026-03-08T07:30:00Z'), 'America/New_York')).toBe('03:30 America/New_York');
    expect(clockIn(new Date('2026-12-05T02:12:00Z'), 'UTC')).toBe('02:12 UTC');
  });

  it('falls back to UTC for a zone the runtime does not know', () => {
    expect(clockIn(new Date('2026-12-05T02:12:00Z'), 'Mars/Olympus')).toBe('02:12 UTC');
  });
});

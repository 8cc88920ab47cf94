import { describe, expect, it } from 'vitest';
import { formatClock, formatFor, formatRelative, formatTime, formatUtcTitle } from './time';

describe('formatTime', () => {
  it.each([
    ['UTC', 'minute', '2026-12-04 16:14 UTC'],
    ['UTC', 'second', '2026-12-04 16:14:05 UTC'],
    ['UTC', 'day', '2026-12-04'],
    ['Europe/Brussels', 'minute', '2026-12-04 17:14 CET'],
    ['America/New_York', 'second', '2026-12-04 11:14:05 GMT-5'],
    ['Asia/Kolkata', 'minute', '2026-12-04 21:44 GMT+5:30'],
  ] as const)('in %s to the %s', (zone, precision, text) => {
    expect(formatTime('2026-12-04T16:14:05Z', zone, precision, 'en-GB')).toBe(text);
  });

  it('takes ISO strings, epoch milliseconds and Dates alike', () => {
    const ms = Date.parse('2026-12-04T16:14:05Z');
    for (const at of ['2026-12-04T16:14:05.000Z', ms, new Date(ms)])
      expect(formatTime(at, 'UTC', 'second', 'en-GB')).toBe('2026-12-04 16:14:05 UTC');
  });

  it('writes a day that differs from the UTC day in the zone’s own date', () => {
    expect(formatTime('2026-12-31T23:30:00Z', 'Europe/Brussels', 'day')).toBe('2027-01-01');
    expect(formatTime('2026-12-31T23:30:00Z', 'UTC', 'day')).toBe('2026-12-31');
  });

  // Europe/Brussels springs forward on 2026-03-29 at 01:00 UTC (02:00 CET → 03:00 CEST).
  it('crosses the spring DST change in Europe/Brussels', () => {
    expect(formatTime('2026-03-29T00:59:00Z', 'Europe/Brussels', 'minute', 'en-GB')).toBe(
      '2026-03-29 01:59 CET',
    );
    expect(formatTime('2026-03-29T01:00:00Z', 'Europe/Brussels', 'minute', 'en-GB')).toBe(
      '2026-03-29 03:00 CEST',
    );
  });

  // America/New_York falls back on 2026-11-01 at 06:00 UTC (02:00 EDT → 01:00 EST): 01:30 happens twice,
  // and only the zone name tells the two apart.
  it('tells apart the repeated hour of the autumn DST change in America/New_York', () => {
    const first = formatTime('2026-11-01T05:30:00Z', 'America/New_York', 'minute', 'en-US');
    const second = formatTime('2026-11-01T06:30:00Z', 'America/New_York', 'minute', 'en-US');
    expect(first).toBe('2026-11-01 01:30 EDT');
    expect(second).toBe('2026-11-01 01:30 EST');
  });

  it('says — for a time that is not one', () => {
    expect(formatTime('not a time', 'UTC')).toBe('—');
    expect(formatClock(Number.NaN, 'UTC')).toBe('—');
  });
});

describe('formatClock', () => {
  it('is the 24-hour clock to the second in the zone', () => {
    expect(formatClock('2026-12-04T23:05:09Z', 'UTC')).toBe('23:05:09');
    expect(formatClock('2026-12-04T23:05:09Z', 'Europe/Brussels')).toBe('00:05:09');
  });
});

describe('formatUtcTitle', () => {
  it('is UTC to the second whatever the viewer’s zone', () => {
    expect(formatUtcTitle('2026-03-29T01:30:00.250Z')).toBe('2026-03-29 01:30:00 UTC');
  });
});

describe('relative times', () => {
  const now = Date.parse('2026-12-04T10:00:00Z');
  it.each([
    ['2026-12-04T10:04:00Z', 'in 4m'],
    ['2026-12-04T09:48:00Z', '12m ago'],
    ['2026-12-04T10:00:00Z', '0s ago'],
    ['2026-12-02T06:00:00Z', '2d 4h ago'],
  ])('%s → %s', (at, text) => {
    expect(formatRelative(at, now)).toBe(text);
  });

  it('says how long something has lasted', () => {
    expect(formatFor('2026-12-04T09:48:00Z', now)).toBe('for 12m');
    expect(formatFor('2026-12-04T10:00:30Z', now)).toBe('for 0s');
  });
});

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { formatClock, formatEnd, formatFor, formatRelative, formatTime, formatUtcTitle } from './time';

describe('formatTime', () => {
  it.each([
    ['UTC', 'minute', '2026-12-04 16:14 UTC'],
    ['UTC', 'second', '2026-12-04 16:14:05 UTC'],
    ['UTC', 'day', '2026-12-04'],
    ['Europe/Brussels', 'minute', '2026-12-04 17:14 CET'],
    ['America/New_York', 'second', '2026-12-04 11:14:05 EST'],
    ['Asia/Kolkata', 'minute', '2026-12-04 21:44 GMT+5:30'],
  ] as const)('in %s to the %s', (zone, precision, text) => {
    expect(formatTime('2026-12-04T16:14:05Z', zone, precision)).toBe(text);
  });

  it('takes ISO strings, epoch milliseconds and Dates alike', () => {
    const ms = Date.parse('2026-12-04T16:14:05Z');
    for (const at of ['2026-12-04T16:14:05.000Z', ms, new Date(ms)])
      expect(formatTime(at, 'UTC', 'second')).toBe('2026-12-04 16:14:05 UTC');
  });

  it('writes a day that differs from the UTC day in the zone’s own date', () => {
    expect(formatTime('2026-12-31T23:30:00Z', 'Europe/Brussels', 'day')).toBe('2027-01-01');
    expect(formatTime('2026-12-31T23:30:00Z', 'UTC', 'day')).toBe('2026-12-31');
  });

  // Europe/Brussels springs forward on 2026-03-29 at 01:00 UTC (02:00 CET → 03:00 CEST).
  it('crosses the spring DST change in Europe/Brussels', () => {
    expect(formatTime('2026-03-29T00:59:00Z', 'Europe/Brussels')).toBe('2026-03-29 01:59 CET');
    expect(formatTime('2026-03-29T01:00:00Z', 'Europe/Brussels')).toBe('2026-03-29 03:00 CEST');
  });

  // America/New_York falls back on 2026-11-01 at 06:00 UTC (02:00 EDT → 01:00 EST): 01:30 happens twice,
  // and only the zone name tells the two apart.
  it('tells apart the repeated hour of the autumn DST change in America/New_York', () => {
    const first = formatTime('2026-11-01T05:30:00Z', 'America/New_York');
    const second = formatTime('2026-11-01T06:30:00Z', 'America/New_York');
    expect(first).toBe('2026-11-01 01:30 EDT');
    expect(second).toBe('2026-11-01 01:30 EST');
  });

  it('says — for a time that is not one', () => {
    expect(formatTime('not a time', 'UTC')).toBe('—');
    expect(formatClock(Number.NaN, 'UTC')).toBe('—');
    expect(formatEnd('2026-12-08T01:00:00Z', 'not a time', 'UTC')).toBe('—');
  });
});

describe('formatEnd', () => {
  it('writes the clock alone, without seconds, when the span ends on the day it starts', () => {
    expect(formatEnd('2026-12-08T01:00:00Z', '2026-12-08T03:00:00Z', 'Europe/Brussels')).toBe('04:00');
  });

  it('writes the date when the span ends on another day in the zone shown', () => {
    // 23:00 → 02:00 Brussels time: the same UTC day, the next local one.
    expect(formatEnd('2026-12-08T22:00:00Z', '2026-12-09T01:00:00Z', 'Europe/Brussels')).toBe(
      '2026-12-09 02:00 CET',
    );
    expect(formatEnd('2026-12-08T22:00:00Z', '2026-12-09T01:00:00Z', 'UTC')).toBe('2026-12-09 01:00 UTC');
    // A 7-day window ends on the same weekday a week later.
    expect(formatEnd('2026-12-08T01:00:00Z', '2026-12-15T01:00:00Z', 'Europe/Brussels')).toBe(
      '2026-12-15 02:00 CET',
    );
  });

  it('writes the zone when the offset changes within the day', () => {
    // Brussels 2027-03-28: 01:30 CET to 03:30 CEST.
    expect(formatEnd('2027-03-28T00:30:00Z', '2027-03-28T01:30:00Z', 'Europe/Brussels')).toBe(
      '2027-03-28 03:30 CEST',
    );
  });
});

/**
 * The text must not depend on the reader's locale: the server writes the first render and an en-US and
 * an en-GB browser must repeat it. Intl.DateTimeFormat is made to default to each locale in turn (as a
 * browser in it does), and the module is loaded afresh so its cached formatters are made under it.
 */
describe.each(['en-US', 'en-GB'])('in a browser whose locale is %s', (browserLocale) => {
  const Real = Intl.DateTimeFormat;
  let time: typeof import('./time');

  beforeAll(async () => {
    class InBrowserLocale extends Real {
      constructor(locales?: Intl.LocalesArgument, options?: Intl.DateTimeFormatOptions) {
        super(locales ?? browserLocale, options);
      }
    }
    Intl.DateTimeFormat = InBrowserLocale as typeof Intl.DateTimeFormat;
    vi.resetModules();
    time = await import('./time');
  });
  afterAll(() => {
    Intl.DateTimeFormat = Real;
  });

  it.each([
    ['Europe/Brussels', '2026-01-15 13:00 CET', '2026-07-15 14:00 CEST'],
    ['Europe/London', '2026-01-15 12:00 GMT', '2026-07-15 13:00 BST'],
    ['Europe/Lisbon', '2026-01-15 12:00 WET', '2026-07-15 13:00 WEST'],
    ['America/New_York', '2026-01-15 07:00 EST', '2026-07-15 08:00 EDT'],
    ['America/Los_Angeles', '2026-01-15 04:00 PST', '2026-07-15 05:00 PDT'],
    ['Asia/Tokyo', '2026-01-15 21:00 GMT+9', '2026-07-15 21:00 GMT+9'],
    ['Australia/Sydney', '2026-01-15 23:00 GMT+11', '2026-07-15 22:00 GMT+10'],
    ['Asia/Kolkata', '2026-01-15 17:30 GMT+5:30', '2026-07-15 17:30 GMT+5:30'],
    ['UTC', '2026-01-15 12:00 UTC', '2026-07-15 12:00 UTC'],
  ])('%s: %s in winter, %s in summer', (zone, winter, summer) => {
    expect(time.formatTime('2026-01-15T12:00:00Z', zone)).toBe(winter);
    expect(time.formatTime('2026-07-15T12:00:00Z', zone)).toBe(summer);
  });

  it('keeps the date and the 24-hour clock as they were', () => {
    expect(time.formatTime('2026-12-04T23:05:09Z', 'UTC', 'second')).toBe('2026-12-04 23:05:09 UTC');
    expect(time.formatClock('2026-12-04T23:05:09Z', 'Europe/Brussels')).toBe('00:05:09');
  });
});

describe('formatClock', () => {
  it('is the 24-hour clock to the second in the zone', () => {
    expect(formatClock('2026-12-04T23:05:09Z', 'UTC')).toBe('23:05:09');
    expect(formatClock('2026-12-04T23:05:09Z', 'Europe/Brussels')).toBe('00:05:09');
  });
});

describe('formatUtcTitle', () => {
  it('is UTC to the second whatever the reader’s zone', () => {
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

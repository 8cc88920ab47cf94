import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '@/lib/errors';
import { assertTimeZone, isTimeZone, localToEpochMs, parseLocalDate, parseLocalTime } from './zoned';

/** The local-time helpers (zoned.ts) that schedules and their API inputs share. */

describe('parseLocalTime', () => {
  it('reads HH:MM from 00:00 to 23:59 and nothing else', () => {
    expect(parseLocalTime('00:00')?.toString()).toBe('00:00:00');
    expect(parseLocalTime('23:59')?.toString()).toBe('23:59:00');
    for (const bad of ['9:00', '24:00', '12:60', '12:00:00', ' 12:00', ''])
      expect(parseLocalTime(bad)).toBeNull();
  });
});

describe('parseLocalDate', () => {
  it('accepts real dates, the leap day included, and refuses the rest', () => {
    expect(parseLocalDate('2028-02-29')?.toString()).toBe('2028-02-29');
    for (const bad of ['2027-02-29', '2026-13-01', '2026-1-1', '20260101', '2026-01-01T00:00']) {
      expect(parseLocalDate(bad)).toBeNull();
    }
  });
});

describe('isTimeZone / assertTimeZone', () => {
  it('knows IANA zones and UTC, and names an unknown zone in a ValidationError', () => {
    expect(isTimeZone('Europe/Brussels')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Europe/Atlantis')).toBe(false);
    expect(isTimeZone('')).toBe(false);
    expect(() => assertTimeZone('Mars/Olympus', 'timeZone')).toThrow(ValidationError);
    try {
      assertTimeZone('Mars/Olympus', 'timeZone');
    } catch (error) {
      expect((error as ValidationError).fields).toEqual({ timeZone: 'unknown time zone "Mars/Olympus"' });
    }
  });
});

describe('localToEpochMs', () => {
  const date = (text: string) =>
    parseLocalDate(text) ??
    (() => {
      throw new Error(text);
    })();

  it('moves a skipped local time forward by the gap and takes the earlier of a repeated one', () => {
    // Brussels 2027-03-28: 02:00 CET → 03:00 CEST; 02:30 does not exist → 03:30 CEST = 01:30Z.
    expect(
      new Date(
        localToEpochMs(date('2027-03-28'), new Temporal.PlainTime(2, 30), 'Europe/Brussels'),
      ).toISOString(),
    ).toBe('2027-03-28T01:30:00.000Z');
    // Brussels 2026-10-25: 03:00 CEST → 02:00 CET; 02:30 happens twice, the first is CEST = 00:30Z.
    expect(
      new Date(
        localToEpochMs(date('2026-10-25'), new Temporal.PlainTime(2, 30), 'Europe/Brussels'),
      ).toISOString(),
    ).toBe('2026-10-25T00:30:00.000Z');
    // New York 2027-03-14: 02:30 does not exist → 03:30 EDT = 07:30Z; 2026-11-01 01:30 twice → EDT = 05:30Z.
    expect(
      new Date(
        localToEpochMs(date('2027-03-14'), new Temporal.PlainTime(2, 30), 'America/New_York'),
      ).toISOString(),
    ).toBe('2027-03-14T07:30:00.000Z');
    expect(
      new Date(
        localToEpochMs(date('2026-11-01'), new Temporal.PlainTime(1, 30), 'America/New_York'),
      ).toISOString(),
    ).toBe('2026-11-01T05:30:00.000Z');
  });
});

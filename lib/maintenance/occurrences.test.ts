import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isTimeZone,
  localStartProblem,
  nextOccurrence,
  occurrencesBetween,
  recurrenceProblem,
  storedOccurrences,
} from './occurrences';

const brusselsSundays = {
  firstStart: '2026-12-06T02:00',
  timeZone: 'Europe/Brussels',
  durationSeconds: 2 * 3600,
  rrule: 'FREQ=WEEKLY;BYDAY=SU',
};
const iso = (o: { start: Date; end: Date }) => [o.start.toISOString(), o.end.toISOString()] as const;
const between = (w: typeof brusselsSundays, from: string, to: string) =>
  occurrencesBetween(w, new Date(from), new Date(to)).map(iso);

describe('maintenance window occurrences', () => {
  it('keeps 02:00–04:00 local on the Sundays around the spring-forward change (Europe/Brussels)', () => {
    expect(between(brusselsSundays, '2027-03-20T00:00Z', '2027-04-05T00:00Z')).toEqual([
      ['2027-03-21T01:00:00.000Z', '2027-03-21T03:00:00.000Z'], // CET, +01:00
      // 02:00 does not exist on 2027-03-28: the start moves forward by the gap to 03:00 CEST.
      ['2027-03-28T01:00:00.000Z', '2027-03-28T02:00:00.000Z'],
      ['2027-04-04T00:00:00.000Z', '2027-04-04T02:00:00.000Z'], // CEST, +02:00
    ]);
  });

  it('starts at the earlier 02:00 on the fall-back Sunday and still ends at 04:00 local', () => {
    expect(between(brusselsSundays, '2027-10-30T00:00Z', '2027-11-01T00:00Z')).toEqual([
      // 02:00 CEST (00:00Z) to 04:00 CET (03:00Z): three hours that day.
      ['2027-10-31T00:00:00.000Z', '2027-10-31T03:00:00.000Z'],
    ]);
  });

  it('keeps a daily 09:00 in America/New_York across both changes', () => {
    const daily = {
      firstStart: '2027-03-12T09:00',
      timeZone: 'America/New_York',
      durationSeconds: 1800,
      rrule: 'FREQ=DAILY',
    };
    expect(between(daily, '2027-03-13T00:00Z', '2027-03-15T23:00Z').map(([start]) => start)).toEqual([
      '2027-03-13T14:00:00.000Z', // EST
      '2027-03-14T13:00:00.000Z', // EDT from 2027-03-14
      '2027-03-15T13:00:00.000Z',
    ]);
    expect(between(daily, '2027-11-06T00:00Z', '2027-11-08T00:00Z').map(([start]) => start)).toEqual([
      '2027-11-06T13:00:00.000Z',
      '2027-11-07T14:00:00.000Z', // EST again from 2027-11-07
    ]);
  });

  it('includes the occurrence running at the start of the range, and none that ended', () => {
    expect(between(brusselsSundays, '2026-12-06T02:00Z', '2026-12-06T02:30Z')).toEqual([
      ['2026-12-06T01:00:00.000Z', '2026-12-06T03:00:00.000Z'],
    ]);
    expect(between(brusselsSundays, '2026-12-06T03:00Z', '2026-12-06T04:00Z')).toEqual([]);
  });

  it('has nothing before the first start, and one occurrence without a rule', () => {
    expect(between(brusselsSundays, '2026-11-01T00:00Z', '2026-12-05T00:00Z')).toEqual([]);
    const once = { ...brusselsSundays, rrule: '' };
    expect(between(once, '2026-01-01T00:00Z', '2028-01-01T00:00Z')).toEqual([
      ['2026-12-06T01:00:00.000Z', '2026-12-06T03:00:00.000Z'],
    ]);
  });

  it('follows the rule: COUNT ends it, BYMONTHDAY=31 skips short months', () => {
    const three = { ...brusselsSundays, rrule: 'FREQ=WEEKLY;BYDAY=SU;COUNT=3' };
    expect(between(three, '2026-12-01T00:00Z', '2027-02-01T00:00Z')).toHaveLength(3);
    const monthEnd = {
      ...brusselsSundays,
      firstStart: '2027-01-31T22:00',
      rrule: 'FREQ=MONTHLY;BYMONTHDAY=31',
    };
    expect(
      between(monthEnd, '2027-01-01T00:00Z', '2027-06-01T00:00Z').map(([start]) => start.slice(0, 10)),
    ).toEqual(['2027-01-31', '2027-03-31', '2027-05-31']);
  });

  it('gives the next occurrence not yet ended', () => {
    const next = nextOccurrence(brusselsSundays, new Date('2026-12-06T02:59Z'));
    expect(next && iso(next)).toEqual(['2026-12-06T01:00:00.000Z', '2026-12-06T03:00:00.000Z']);
    const after = nextOccurrence(brusselsSundays, new Date('2026-12-06T03:00Z'));
    expect(after && iso(after)).toEqual(['2026-12-13T01:00:00.000Z', '2026-12-13T03:00:00.000Z']);
  });

  it('gives the same occurrences whatever range they are asked in (property)', () => {
    const zones = ['Europe/Brussels', 'America/New_York', 'Australia/Sydney', 'UTC', 'Asia/Kolkata'];
    const rules = [
      'FREQ=DAILY',
      'FREQ=WEEKLY;BYDAY=SU,WE',
      'FREQ=MONTHLY;BYMONTHDAY=1,15',
      'FREQ=DAILY;INTERVAL=3',
    ];
    const base = Date.parse('2026-09-01T00:00Z');
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.constantFrom(...rules),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 15, max: 6 * 60 }),
        fc.integer({ min: 0, max: 200 * 24 }),
        fc.integer({ min: 1, max: 40 * 24 }),
        fc.integer({ min: 1, max: 40 * 24 }),
        (timeZone, rrule, hour, minutes, offsetHours, firstSpan, secondSpan) => {
          const window = {
            firstStart: `2026-09-01T${String(hour).padStart(2, '0')}:30`,
            timeZone,
            durationSeconds: minutes * 60,
            rrule,
          };
          const a = new Date(base + offsetHours * 3_600_000);
          const b = new Date(a.getTime() + firstSpan * 3_600_000);
          const c = new Date(b.getTime() + secondSpan * 3_600_000);
          const whole = occurrencesBetween(window, a, c).map(iso);
          const parts = [...occurrencesBetween(window, a, b), ...occurrencesBetween(window, b, c)].map(iso);
          const unique = [...new Map(parts.map((p) => [p.join(), p])).values()];
          expect(unique).toEqual(whole);
          for (const [start, end] of whole) expect(Date.parse(end)).toBeGreaterThan(Date.parse(start));
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('recurrence rules and zones a window accepts', () => {
  it.each([
    ['FREQ=WEEKLY;BYDAY=SU', undefined],
    ['', undefined],
    ['FREQ=HOURLY', 'repeat at most daily'],
    ['FREQ=DAILY;BYHOUR=2,4', 'leave out BYHOUR'],
    ['DTSTART:20261206T020000;FREQ=DAILY', 'leave out DTSTART'],
    ['FREQ=WEEKLY;TZID=Europe/Brussels', 'leave out TZID'],
    ['FREQ=SOMETIMES', 'FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY'],
    ['FREQ=DAILY;EVERY=2', 'not an RFC 5545 RRULE'],
    ['BYDAY=SU', 'repeat at most daily'],
  ])('%s → %s', (rule, problem) => {
    const found = recurrenceProblem(rule);
    if (problem === undefined) expect(found).toBeUndefined();
    else expect(found).toContain(problem);
  });

  it('knows IANA zones and refuses others', () => {
    expect(isTimeZone('Europe/Brussels')).toBe(true);
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isTimeZone('+02:00')).toBe(true);
  });
});

describe('a window’s first start', () => {
  it('is refused when the calendar has no such day or time', () => {
    expect(localStartProblem('2027-03-28T02:00')).toBeUndefined();
    expect(localStartProblem('2028-02-29T02:00')).toBeUndefined();
    for (const bad of ['2026-02-30T02:00', '2027-04-31T02:00', '2027-02-29T02:00', '2027-03-28T24:00'])
      expect(localStartProblem(bad)).toMatch(new RegExp(`^${bad} is not a date and time`));
  });

  it('of a stored row that cannot be scheduled gives no occurrence instead of stopping the caller', () => {
    const bad = { ...brusselsSundays, firstStart: '2026-02-30T02:00', name: 'bad date' };
    const logged: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => logged.push(args.join(' '));
    try {
      expect(storedOccurrences(bad, new Date('2027-01-01T00:00Z'), new Date('2027-02-01T00:00Z'))).toEqual(
        [],
      );
    } finally {
      console.error = original;
    }
    expect(String(logged[0])).toContain('maintenance window "bad date" cannot be scheduled');
    const good = { ...brusselsSundays, name: 'good' };
    expect(
      storedOccurrences(good, new Date('2027-01-01T00:00Z'), new Date('2027-01-11T00:00Z')),
    ).toHaveLength(2);
  });
});

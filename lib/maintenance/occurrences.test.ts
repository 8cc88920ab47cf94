import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  localStartProblem,
  nextOccurrence,
  occurrencesBetween,
  recurrenceProblem,
  storedOccurrences,
} from './occurrences';
import { timingProblems } from './timing-problems';

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
    ['FREQ=WEEKLY;COUNT=3;INTERVAL=2', undefined],
    ['FREQ=WEEKLY;COUNT=0', 'COUNT=0 means the window never starts: remove COUNT or give a positive number.'],
    [
      'FREQ=DAILY;INTERVAL=0',
      'INTERVAL=0 means the window never starts: remove INTERVAL or give a positive number.',
    ],
    [
      'FREQ=DAILY;COUNT=-1',
      'COUNT=-1 is not a whole number above zero: remove COUNT or give a positive number.',
    ],
    // rrule would never return from these two (it steps backwards, or by NaN, for ever).
    ['FREQ=DAILY;INTERVAL=-1', 'INTERVAL=-1 is not a whole number above zero'],
    ['FREQ=DAILY;INTERVAL=two', 'INTERVAL=two is not a whole number above zero'],
  ])('%s → %s', (rule, problem) => {
    const found = recurrenceProblem(rule);
    if (problem === undefined) expect(found).toBeUndefined();
    else expect(found).toContain(problem);
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

describe('a rule that matches no day', () => {
  const never = { ...brusselsSundays, rrule: 'FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30', name: 'never' };

  it('is refused within the expansion deadline instead of holding the thread for seconds', () => {
    const started = performance.now();
    expect(timingProblems(never, new Date('2026-12-07T00:00Z')).rrule).toMatch(/^The rule matches no day/);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('stored, is skipped and logged by each pass within the deadline', () => {
    const logged: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => logged.push(args.join(' '));
    const started = performance.now();
    try {
      expect(storedOccurrences(never, new Date('2027-01-01T00:00Z'), new Date('2027-02-01T00:00Z'))).toEqual(
        [],
      );
    } finally {
      console.error = original;
    }
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(String(logged[0])).toContain('maintenance window "never" cannot be scheduled (The rule matches');
  });
});

describe('UNTIL, on the wall clock the rule is expanded on', () => {
  const starts = (rrule: string) =>
    between(
      { ...brusselsSundays, firstStart: '2027-03-07T02:00', rrule },
      '2027-03-01T00:00Z',
      '2027-04-30T00:00Z',
    ).map(([start]) => start);

  it('takes a UTC UNTIL (…Z) as an instant: 01:00Z is 02:00 CET, the last Sunday’s start', () => {
    expect(starts('FREQ=WEEKLY;BYDAY=SU;UNTIL=20270321T010000Z')).toEqual([
      '2027-03-07T01:00:00.000Z',
      '2027-03-14T01:00:00.000Z',
      '2027-03-21T01:00:00.000Z',
    ]);
    expect(starts('FREQ=WEEKLY;BYDAY=SU;UNTIL=20270321T005900Z')).toHaveLength(2);
  });

  it('takes a floating UNTIL (no Z) as Brussels wall-clock time', () => {
    expect(starts('FREQ=WEEKLY;BYDAY=SU;UNTIL=20270321T020000')).toHaveLength(3);
    expect(starts('FREQ=WEEKLY;BYDAY=SU;UNTIL=20270321T015900')).toHaveLength(2);
  });
});

describe('a window’s timing as a whole', () => {
  const now = new Date('2026-12-07T00:00:00Z');
  const window = (overrides: Partial<typeof brusselsSundays>) => ({
    ...brusselsSundays,
    firstStart: '2027-03-21T02:00',
    ...overrides,
  });

  it('accepts a weekly window, a one-off and a rule with a future end', () => {
    expect(timingProblems(window({}), now)).toEqual({});
    expect(timingProblems(window({ rrule: '' }), now)).toEqual({});
    expect(timingProblems(window({ rrule: 'FREQ=WEEKLY;BYDAY=SU;COUNT=4' }), now)).toEqual({});
    expect(timingProblems(window({ rrule: 'FREQ=WEEKLY;BYDAY=SU;UNTIL=20270321T010000Z' }), now)).toEqual({});
  });

  it('refuses an UNTIL before the first occurrence, a UTC one compared in the window’s zone', () => {
    // 00:59Z is 01:59 in Brussels (CET), a minute before the 02:00 start.
    expect(timingProblems(window({ rrule: 'FREQ=WEEKLY;BYDAY=SU;UNTIL=20270321T005900Z' }), now)).toEqual({
      rrule:
        'UNTIL=20270321T005900Z (2027-03-21T01:59 in Europe/Brussels) comes before the first occurrence (2027-03-21T02:00 Europe/Brussels), so the window never starts: give a later UNTIL or remove it.',
    });
    expect(timingProblems(window({ rrule: 'FREQ=DAILY;UNTIL=20270301T000000' }), now)).toEqual({
      rrule:
        'UNTIL=20270301T000000 comes before the first occurrence (2027-03-21T02:00 Europe/Brussels), so the window never starts: give a later UNTIL or remove it.',
    });
  });

  it('refuses an UNTIL after the first start but before the first day the rule picks', () => {
    // 2027-03-22 is a Monday: the first Sunday is the 28th.
    const monday = window({ firstStart: '2027-03-22T02:00', rrule: 'FREQ=WEEKLY;BYDAY=SU;UNTIL=20270327' });
    expect(timingProblems(monday, now).rrule).toContain(
      'comes before the first occurrence (2027-03-28T02:00',
    );
  });

  it('refuses a window as long as the gap to its next occurrence, on durationSeconds', () => {
    expect(timingProblems(window({ durationSeconds: 7 * 86_400, rrule: 'FREQ=DAILY' }), now)).toEqual({
      durationSeconds:
        'The window lasts 7 days but the rule starts the next occurrence 1 day later, so occurrences overlap and it never ends: make it shorter than 1 day or repeat it less often.',
    });
    expect(timingProblems(window({ durationSeconds: 25 * 3600, rrule: 'FREQ=DAILY' }), now)).toEqual({
      durationSeconds:
        'The window lasts 25 hours but the rule starts the next occurrence 1 day later, so occurrences overlap and it never ends: make it shorter than 1 day or repeat it less often.',
    });
    expect(
      timingProblems(window({ durationSeconds: 7 * 86_400, rrule: 'FREQ=WEEKLY;BYDAY=SU' }), now),
    ).toHaveProperty('durationSeconds');
  });

  it('measures the shortest gap of the first occurrences, not FREQ', () => {
    const twoDays = 2 * 86_400;
    // Monday and Tuesday: a day apart, although FREQ is WEEKLY.
    expect(
      timingProblems(window({ durationSeconds: twoDays, rrule: 'FREQ=WEEKLY;BYDAY=MO,TU' }), now),
    ).toHaveProperty('durationSeconds', expect.stringContaining('next occurrence 1 day later'));
    // Monday and Thursday: three and four days apart.
    expect(
      timingProblems(window({ durationSeconds: twoDays, rrule: 'FREQ=WEEKLY;BYDAY=MO,TH' }), now),
    ).toEqual({});
    // The 28th and the 1st: one day apart only after February, found within the first year.
    const monthly = window({ firstStart: '2027-03-01T02:00', rrule: 'FREQ=MONTHLY;BYMONTHDAY=1,28' });
    expect(timingProblems({ ...monthly, durationSeconds: 86_400 }, now)).toHaveProperty('durationSeconds');
    expect(timingProblems({ ...monthly, durationSeconds: 23 * 3600 }, now)).toEqual({});
  });

  it('accepts a 23-hour daily window across both Brussels changes and refuses 24 hours', () => {
    // 03:00 daily: across 2027-03-28 the starts are 23 hours apart in UTC, across 2027-10-31 25 hours;
    // on the wall clock, which is how the window's length is kept, always 24.
    for (const firstStart of ['2027-03-26T03:00', '2027-10-29T03:00']) {
      const daily = window({ firstStart, durationSeconds: 23 * 3600, rrule: 'FREQ=DAILY' });
      expect(timingProblems(daily, now)).toEqual({});
      const placed = occurrencesBetween(
        daily,
        new Date(`${firstStart}Z`),
        new Date(Date.parse(`${firstStart}Z`) + 5 * 86_400_000),
      );
      const utcGaps = placed
        .slice(1)
        .map((o, i) => (o.start.getTime() - (placed[i]?.start.getTime() ?? 0)) / 3_600_000);
      expect(utcGaps).toContain(firstStart.startsWith('2027-03') ? 23 : 25);
      for (let i = 1; i < placed.length; i++)
        expect(placed[i - 1]?.end.getTime()).toBeLessThanOrEqual(placed[i]?.start.getTime() ?? 0);
      expect(timingProblems({ ...daily, durationSeconds: 24 * 3600 }, now)).toHaveProperty('durationSeconds');
    }
  });

  it('refuses a rule whose every occurrence has ended, and keeps one still running', () => {
    expect(
      timingProblems(window({ firstStart: '2020-01-05T02:00', rrule: 'FREQ=WEEKLY;BYDAY=SU;COUNT=3' }), now),
    ).toEqual({
      rrule:
        'Every occurrence has already ended (the rule stops at COUNT=3), so the window would never start again: give a later first start or a larger COUNT.',
    });
    expect(
      timingProblems(
        window({ firstStart: '2020-01-05T02:00', rrule: 'FREQ=WEEKLY;BYDAY=SU;UNTIL=20200301T000000Z' }),
        now,
      ),
    ).toEqual({
      rrule:
        'Every occurrence has already ended (the rule stops at UNTIL=20200301T000000Z), so the window would never start again: give a later first start or a later UNTIL.',
    });
    // The last of three Sundays, 2026-12-06 02:00–04:00 Brussels, runs until 03:00Z.
    const lastRunning = window({ firstStart: '2026-11-22T02:00', rrule: 'FREQ=WEEKLY;BYDAY=SU;COUNT=3' });
    expect(timingProblems(lastRunning, new Date('2026-12-06T02:59Z'))).toEqual({});
    expect(timingProblems(lastRunning, new Date('2026-12-06T03:00Z'))).toHaveProperty('rrule');
    // Without an end, a rule that started long ago still runs.
    expect(timingProblems(window({ firstStart: '2020-01-05T02:00' }), now)).toEqual({});
  });
});

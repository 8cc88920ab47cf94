import { describe, expect, it } from 'vitest';
import { dateIn, dayBars, stepAnchor, type TimelineShift, viewAnchor, viewRange, weeksOf } from './timeline';

const shift = (userId: string, start: string, end: string, override = false): TimelineShift => ({
  userId,
  name: userId,
  start,
  end,
  source: override ? { kind: 'override', overrideId: 'o1' } : { kind: 'layer', layerId: 'l1' },
});
const hours = (ms: number) => ms / 3_600_000;

describe('viewRange', () => {
  it('a week is the Monday-to-Sunday week of any of its dates', () => {
    const range = viewRange('week', '2027-03-24', 'UTC');
    expect(range.anchor).toBe('2027-03-22');
    expect(range.days.map((d) => d.date)).toEqual([
      '2027-03-22',
      '2027-03-23',
      '2027-03-24',
      '2027-03-25',
      '2027-03-26',
      '2027-03-27',
      '2027-03-28',
    ]);
    expect(range.days[0]?.label).toBe('Mon 22 Mar');
    expect(new Date(range.fromMs).toISOString()).toBe('2027-03-22T00:00:00.000Z');
    expect(new Date(range.toMs).toISOString()).toBe('2027-03-29T00:00:00.000Z');
  });

  it('in Brussels the week of the spring-forward change has a Sunday of 23 hours', () => {
    const range = viewRange('week', '2027-03-22', 'Europe/Brussels');
    const lengths = range.days.map((d) => hours(d.endMs - d.startMs));
    expect(lengths).toEqual([24, 24, 24, 24, 24, 24, 23]);
    // Midnight in Brussels: 23:00 UTC the day before (CET), 22:00 UTC after the change (CEST).
    expect(new Date(range.fromMs).toISOString()).toBe('2027-03-21T23:00:00.000Z');
    expect(new Date(range.toMs).toISOString()).toBe('2027-03-28T22:00:00.000Z');
  });

  it('in New York the week of the fall-back change has a Sunday of 25 hours', () => {
    const range = viewRange('week', '2027-11-07', 'America/New_York');
    expect(range.days.at(-1)?.date).toBe('2027-11-07');
    expect(hours((range.days.at(-1)?.endMs ?? 0) - (range.days.at(-1)?.startMs ?? 0))).toBe(25);
  });

  it('a month is the whole weeks that cover it', () => {
    const range = viewRange('month', '2027-03-17', 'Europe/Brussels');
    expect(range.anchor).toBe('2027-03-01');
    // 1 March 2027 is a Monday, 31 March a Wednesday: five weeks, to Sunday 4 April.
    expect(range.days[0]?.date).toBe('2027-03-01');
    expect(range.days.at(-1)?.date).toBe('2027-04-04');
    expect(weeksOf(range.days)).toHaveLength(5);
    expect(weeksOf(range.days).every((w) => w.length === 7)).toBe(true);
  });

  it('a leap February starting mid-week begins on the Monday before', () => {
    const range = viewRange('month', '2028-02-29', 'UTC');
    expect(range.anchor).toBe('2028-02-01');
    expect(range.days[0]?.date).toBe('2028-01-31');
    expect(range.days.at(-1)?.date).toBe('2028-03-05');
  });
});

describe('viewAnchor', () => {
  it('is the week’s Monday or the month’s first day', () => {
    expect(viewAnchor('week', '2027-03-28')).toBe('2027-03-22');
    expect(viewAnchor('month', '2027-03-22')).toBe('2027-03-01');
    expect(viewAnchor('week', '2027-03-01')).toBe('2027-03-01');
  });
});

describe('stepAnchor', () => {
  it('moves by a week or by a calendar month', () => {
    expect(stepAnchor('week', '2027-03-22', 1)).toBe('2027-03-29');
    expect(stepAnchor('week', '2027-03-22', -1)).toBe('2027-03-15');
    expect(stepAnchor('month', '2027-01-01', -1)).toBe('2026-12-01');
    expect(stepAnchor('month', '2027-03-01', 1)).toBe('2027-04-01');
  });
});

describe('dayBars', () => {
  // A weekly 09:00 Brussels hand-off either side of the 2027-03-28 change: 08:00 UTC, then 07:00 UTC.
  const before = shift('ann', '2027-03-15T08:00:00Z', '2027-03-22T08:00:00Z');
  const across = shift('bob', '2027-03-22T08:00:00Z', '2027-03-29T07:00:00Z');
  const after = shift('cat', '2027-03-29T07:00:00Z', '2027-04-05T07:00:00Z');

  it('in the schedule zone, the hand-off stays at 09:00 across the change', () => {
    const brussels = viewRange('week', '2027-03-22', 'Europe/Brussels');
    const monday = brussels.days[0];
    if (!monday) throw new Error('no Monday');
    expect(dayBars([before, across], monday, 'Europe/Brussels')).toMatchObject([
      { userId: 'ann', left: 0, width: 9 / 24, startLabel: null, endLabel: '09:00' },
      { userId: 'bob', left: 9 / 24, width: 15 / 24, startLabel: '09:00', endLabel: null },
    ]);
    const nextMonday = viewRange('week', '2027-03-29', 'Europe/Brussels').days[0];
    if (!nextMonday) throw new Error('no Monday');
    expect(dayBars([across, after], nextMonday, 'Europe/Brussels')).toMatchObject([
      { userId: 'bob', endLabel: '09:00' },
      { userId: 'cat', startLabel: '09:00' },
    ]);
  });

  it('a shift over the 23-hour Sunday fills it; a 09:00 end that day sits at 9/23', () => {
    const sunday = viewRange('week', '2027-03-22', 'Europe/Brussels').days[6];
    if (!sunday) throw new Error('no Sunday');
    expect(dayBars([across], sunday, 'Europe/Brussels')).toMatchObject([
      { left: 0, width: 1, startLabel: null, endLabel: null },
    ]);
    // Until 09:00 CEST = 07:00 UTC; the day began 23:00 UTC on Saturday, and 01:00 UTC–02:00 never was.
    const morning = shift('dan', '2027-03-27T23:00:00Z', '2027-03-28T07:00:00Z', true);
    const [bar] = dayBars([morning], sunday, 'Europe/Brussels');
    expect(bar?.width).toBeCloseTo(8 / 23, 10);
    expect(bar).toMatchObject({ override: true, startLabel: '00:00', endLabel: '09:00' });
  });

  it('seen from UTC, the same hand-off is at 08:00 before the change and 07:00 after', () => {
    const monday = viewRange('week', '2027-03-22', 'UTC').days[0];
    const nextMonday = viewRange('week', '2027-03-29', 'UTC').days[0];
    if (!monday || !nextMonday) throw new Error('no Monday');
    expect(dayBars([before, across], monday, 'UTC').map((b) => [b.startLabel, b.endLabel])).toEqual([
      [null, '08:00'],
      ['08:00', null],
    ]);
    expect(dayBars([across, after], nextMonday, 'UTC').map((b) => [b.startLabel, b.endLabel])).toEqual([
      [null, '07:00'],
      ['07:00', null],
    ]);
  });

  it('leaves out shifts that only touch the day', () => {
    const monday = viewRange('week', '2027-03-22', 'UTC').days[0];
    if (!monday) throw new Error('no Monday');
    expect(dayBars([shift('x', '2027-03-21T00:00:00Z', '2027-03-22T00:00:00Z')], monday, 'UTC')).toEqual([]);
    expect(dayBars([shift('x', '2027-03-23T00:00:00Z', '2027-03-24T00:00:00Z')], monday, 'UTC')).toEqual([]);
  });
});

describe('dateIn', () => {
  it('is the local date of an instant', () => {
    expect(dateIn(Date.parse('2027-03-27T23:30:00Z'), 'Europe/Brussels')).toBe('2027-03-28');
    expect(dateIn(Date.parse('2027-03-27T23:30:00Z'), 'UTC')).toBe('2027-03-27');
  });
});

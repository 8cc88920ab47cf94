import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { coverAt } from './cover';
import { ON_CALL_HORIZON_DAYS } from './shifts';
import type { LayerInput, OverrideInput } from './types';

/**
 * A person's cover across schedules (cover.ts). Europe/Brussels and Europe/London spring forward on
 * 2027-03-28 (at 01:00 UTC); UTC does not.
 */

const BRUSSELS = 'Europe/Brussels';

function layer(partial: Partial<LayerInput> = {}): LayerInput {
  return {
    id: 'l1',
    position: 1,
    name: 'Primary',
    rotation: 'daily',
    rotationLength: 1,
    handoffTime: '09:00',
    timeZone: BRUSSELS,
    startDate: '2026-03-01',
    endsAt: null,
    participants: ['ann', 'bob', 'cat'],
    restrictions: [],
    ...partial,
  };
}

/** "2026-03-02T09:00" in `zone` → the instant. */
const local = (dateTime: string, zone = BRUSSELS) =>
  new Date(Temporal.PlainDateTime.from(dateTime).toZonedDateTime(zone).epochMilliseconds);

const override = (id: string, from: string, to: string, userId = 'ann'): OverrideInput => ({
  id,
  userId,
  startsAt: local(from),
  endsAt: local(to),
});

const schedule = (name: string, layers: LayerInput[], overrides: OverrideInput[] = []) => ({
  id: name.toLowerCase().replaceAll(' ', '-'),
  name,
  layers,
  overrides,
});

const names = (cover: ReturnType<typeof coverAt>) => cover?.schedules.map((s) => s.name);

describe('coverAt', () => {
  it('runs on from one schedule straight onto another: until the last hand-off, naming both', () => {
    // Leads: a daily [ann, bob, cat] from Sun 1 Mar; SRE primary: weekly [ann, bob] from Mon 2 Mar 09:00.
    const leads = schedule('Leads', [layer({ id: 'leads' })]);
    const sre = schedule('SRE primary', [
      layer({ id: 'sre', rotation: 'weekly', startDate: '2026-03-02', participants: ['ann', 'bob'] }),
    ]);
    const cover = coverAt([sre, leads], 'ann', local('2026-03-02T08:00'));
    expect(cover).toEqual({
      since: local('2026-03-01T09:00'),
      // Her Leads days within the week (4 and 7 Mar) overlap it and change nothing.
      until: local('2026-03-09T09:00'),
      continues: false,
      schedules: [
        { id: 'leads', name: 'Leads' },
        { id: 'sre-primary', name: 'SRE primary' },
      ],
    });
  });

  it('joins overlapping covers, the one under way first', () => {
    const a = schedule('A', [], [override('a', '2026-03-02T08:00', '2026-03-02T12:00')]);
    const b = schedule('B', [], [override('b', '2026-03-02T10:00', '2026-03-02T18:00')]);
    const cover = coverAt([b, a], 'ann', local('2026-03-02T11:00'));
    expect(cover?.until).toEqual(local('2026-03-02T18:00'));
    expect(cover?.since).toEqual(local('2026-03-02T08:00'));
    expect(names(cover)).toEqual(['A', 'B']);
    // After A's end, only B is left to name.
    expect(names(coverAt([b, a], 'ann', local('2026-03-02T12:00')))).toEqual(['B']);
  });

  it('does not join covers a minute apart: that minute nobody pages her', () => {
    const a = schedule('A', [], [override('a', '2026-03-02T08:00', '2026-03-02T09:00')]);
    const b = schedule('B', [], [override('b', '2026-03-02T09:01', '2026-03-02T18:00')]);
    const cover = coverAt([a, b], 'ann', local('2026-03-02T08:30'));
    expect(cover?.until).toEqual(local('2026-03-02T09:00'));
    expect(names(cover)).toEqual(['A']);
  });

  it('joins hand-offs that meet on the instant across a daylight-saving change, whatever their zones', () => {
    // Leads hands off at 09:00 Brussels: Ann's Saturday runs to Sun 28 Mar 09:00 CEST (07:00 UTC), 23 hours.
    const leads = schedule('Leads', [layer({ id: 'leads', startDate: '2027-03-27' })]);
    const at = local('2027-03-27T12:00');
    // 08:00 London is 09:00 Brussels on both sides of the change: back to back.
    const london = schedule('SRE primary', [
      layer({
        id: 'sre',
        rotation: 'weekly',
        handoffTime: '08:00',
        timeZone: 'Europe/London',
        startDate: '2027-03-28',
        participants: ['ann', 'bob'],
      }),
    ]);
    const cover = coverAt([leads, london], 'ann', at);
    expect(cover?.since).toEqual(local('2027-03-27T09:00'));
    expect(cover?.until).toEqual(local('2027-04-04T09:00'));
    expect(names(cover)).toEqual(['Leads', 'SRE primary']);
    // 08:00 UTC was 09:00 in Brussels on Saturday but is 10:00 on Sunday: an hour off call in between.
    const utc = schedule('SRE primary', [
      layer({
        id: 'sre',
        rotation: 'weekly',
        handoffTime: '08:00',
        timeZone: 'UTC',
        startDate: '2027-03-28',
        participants: ['ann', 'bob'],
      }),
    ]);
    const apart = coverAt([leads, utc], 'ann', at);
    expect(apart?.until).toEqual(local('2027-03-28T09:00'));
    expect(names(apart)).toEqual(['Leads']);
  });

  it(`says when no moment off call comes within ${ON_CALL_HORIZON_DAYS} days: that "until" is no hand-off`, () => {
    const solo = schedule('Solo', [layer({ participants: ['ann'] })]);
    const at = local('2026-06-01T12:00');
    const cover = coverAt([solo], 'ann', at);
    expect(cover?.continues).toBe(true);
    expect(cover?.until).toEqual(new Date(at.getTime() + ON_CALL_HORIZON_DAYS * 86_400_000));
  });

  it('is null when she is on call nowhere at that instant, even with a shift starting soon', () => {
    const later = schedule('Later', [], [override('l', '2026-03-02T09:00', '2026-03-02T18:00')]);
    const bobs = schedule('Bob', [], [override('b', '2026-03-02T00:00', '2026-03-03T00:00', 'bob')]);
    expect(coverAt([later, bobs], 'ann', local('2026-03-02T08:59'))).toBeNull();
    expect(coverAt([], 'ann', local('2026-03-02T08:59'))).toBeNull();
  });
});

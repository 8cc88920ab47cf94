import { describe, expect, it } from 'vitest';
import type { ScheduleDetail } from '@/lib/schedules/schedule-schemas';
import {
  blankLayer,
  blankSchedule,
  formOf,
  inputOf,
  moved,
  rezoned,
  slugOf,
  todayIn,
  unplacedErrors,
} from './schedule-form';

const form = {
  name: 'Payments primary',
  slug: 'payments-primary',
  description: '',
  teamId: '',
  timeZone: 'Europe/Brussels',
  layers: [{ ...blankLayer('Europe/Brussels', '2027-03-22'), participants: ['u1', 'u2', 'u3'] }],
};

describe('the schedule editor', () => {
  it('sends a weekly rotation of three with no restriction and no team', () => {
    expect(inputOf(form)).toEqual({
      name: 'Payments primary',
      slug: 'payments-primary',
      description: '',
      teamId: null,
      timeZone: 'Europe/Brussels',
      layers: [
        {
          name: 'Primary',
          rotation: 'weekly',
          rotationLength: 1,
          handoffTime: '09:00',
          timeZone: 'Europe/Brussels',
          startDate: '2027-03-22',
          participants: ['u1', 'u2', 'u3'],
          restrictions: [],
        },
      ],
    });
  });

  it('sends a business-hours layer as one window, and the length only for hours and days', () => {
    const [layer] = form.layers;
    if (!layer) throw new Error('no layer');
    const input = inputOf({
      ...form,
      layers: [
        {
          ...layer,
          rotation: 'hours',
          length: 12,
          restricted: true,
          days: [5, 1, 3],
          from: '08:00',
          to: '18:00',
        },
      ],
    });
    expect(input.layers?.[0]).toMatchObject({
      rotation: 'hours',
      rotationLength: 12,
      restrictions: [{ days: [1, 3, 5], from: '08:00', to: '18:00' }],
    });
  });

  it('reads a stored schedule back, keeping windows it cannot show as one', () => {
    const stored = {
      id: 's1',
      slug: 'ops',
      name: 'Ops',
      description: 'd',
      timeZone: 'UTC',
      team: { id: 't1', slug: 'sre', name: 'SRE' },
      onCallNow: null,
      canManage: true,
      upcomingOverrides: [],
      layers: [
        {
          id: 'l1',
          position: 0,
          name: 'Nights',
          rotation: 'daily',
          rotationLength: 1,
          handoffTime: '20:00',
          timeZone: 'UTC',
          startDate: '2027-01-04',
          endsAt: null,
          restrictions: [
            { days: [1, 2], from: '20:00', to: '08:00' },
            { days: [6], from: '00:00', to: '00:00' },
          ],
          participants: [{ userId: 'u9', name: 'Nia', email: 'nia@example.com' }],
        },
      ],
    } satisfies ScheduleDetail;
    const back = formOf(stored);
    expect(back).toMatchObject({ teamId: 't1', layers: [{ participants: ['u9'], restricted: true }] });
    expect(inputOf(back).layers?.[0]?.restrictions).toEqual(stored.layers[0]?.restrictions);
  });

  it('suggests a slug from the name and moves participants', () => {
    expect(slugOf('Payments — Primary (EU)')).toBe('payments-primary-eu');
    expect(moved(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moved(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
  });
});

describe('field errors without a place in the editor', () => {
  it('leaves out those shown beside a field of the schedule or of a layer', () => {
    expect(
      unplacedErrors({
        name: 'Give the schedule a name',
        slug: 'Use lowercase letters',
        'layers.0.participants': 'Name at least one participant',
        'layers.1.restrictions.0.days': 'Pick a day',
      }),
    ).toEqual([]);
  });

  it('keeps the others, in order', () => {
    expect(
      unplacedErrors({
        slug: 'Use lowercase letters',
        layers: 'At most 20 layers',
        'layers.0.colour': 'Unknown',
      }),
    ).toEqual(['At most 20 layers', 'Unknown']);
  });
});

describe('a new schedule’s zone and first hand-off date', () => {
  // 23:30 UTC on Sunday 28 March 2027: already Monday in Tokyo, still Sunday in New York.
  const NOW = Date.parse('2027-03-28T23:30:00Z');

  it('starts today in the zone it is given, not on the UTC date', () => {
    expect(todayIn(NOW, 'Asia/Tokyo')).toBe('2027-03-29');
    expect(todayIn(NOW, 'America/New_York')).toBe('2027-03-28');
    expect(blankSchedule('t1', 'Asia/Tokyo', NOW)).toMatchObject({
      teamId: 't1',
      timeZone: 'Asia/Tokyo',
      layers: [{ timeZone: 'Asia/Tokyo', startDate: '2027-03-29' }],
    });
  });

  it('counts in UTC while the zone is empty or being typed', () => {
    expect(todayIn(NOW, '')).toBe('2027-03-28');
    expect(todayIn(NOW, 'Asia/Tok')).toBe('2027-03-28');
  });

  it('fills the zone in once the browser has said, with the first hand-off today there', () => {
    // The server rendered it with no zone (a profile left at UTC): only the browser knows its own.
    const served = blankSchedule('', '', NOW);
    expect(served).toMatchObject({ timeZone: '', layers: [{ timeZone: '', startDate: '2027-03-28' }] });
    expect(rezoned(served, '', 'Asia/Tokyo', NOW)).toMatchObject({
      timeZone: 'Asia/Tokyo',
      layers: [{ timeZone: 'Asia/Tokyo', startDate: '2027-03-29' }],
    });
  });

  it('keeps whatever was typed', () => {
    const served = blankSchedule('', '', NOW);
    const [layer] = served.layers;
    if (!layer) throw new Error('no layer');
    const typed = {
      ...served,
      timeZone: 'America/Chicago',
      layers: [
        { ...layer, timeZone: 'Europe/Brussels' },
        { ...blankLayer('', '2027-04-01'), name: 'Layer 2' },
      ],
    };
    const next = rezoned(typed, '', 'Asia/Tokyo', NOW);
    expect(next.timeZone).toBe('America/Chicago');
    expect(next.layers.map((l) => [l.timeZone, l.startDate])).toEqual([
      ['Europe/Brussels', '2027-03-28'],
      ['Asia/Tokyo', '2027-04-01'],
    ]);
    // Layer keys stay: React keeps each layer's fields.
    expect(next.layers.map((l) => l.key)).toEqual(typed.layers.map((l) => l.key));
  });
});

import { describe, expect, it } from 'vitest';
import type { ScheduleDetail } from '@/lib/schedules/schedule-schemas';
import { blankLayer, formOf, inputOf, moved, slugOf, unplacedErrors } from './schedule-form';

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

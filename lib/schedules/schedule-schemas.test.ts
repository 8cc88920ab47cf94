import { describe, expect, it } from 'vitest';
import { rangeQuerySchema, scheduleInputSchema } from './schedule-schemas';

const layer = {
  name: 'Primary',
  rotation: 'weekly',
  handoffTime: '09:00',
  timeZone: 'Europe/Brussels',
  startDate: '2027-01-04',
  participants: ['u1', 'u2'],
};
const schedule = { slug: 'payments', name: 'Payments', timeZone: 'Europe/Brussels', layers: [layer] };

/** The paths of the issues zod reports for a schedule body, e.g. ["layers.0.timeZone"]. */
const problems = (body: unknown) =>
  scheduleInputSchema.safeParse(body).error?.issues.map((i) => i.path.join('.')) ?? [];

describe('scheduleInputSchema', () => {
  it('accepts a weekly layer and fills the defaults', () => {
    const parsed = scheduleInputSchema.parse(schedule);
    expect(parsed).toMatchObject({ description: '', teamId: null });
    expect(parsed.layers[0]).toMatchObject({ rotationLength: 1, endsAt: null, restrictions: [] });
  });

  it('names an unknown zone, on the schedule and on a layer', () => {
    const result = scheduleInputSchema.safeParse({ ...schedule, timeZone: 'Europe/Brusels' });
    expect(result.error?.issues[0]?.message).toContain('"Europe/Brusels"');
    expect(problems({ ...schedule, layers: [{ ...layer, timeZone: 'CET+1' }] })).toEqual([
      'layers.0.timeZone',
    ]);
  });

  it('refuses times, dates and slugs people mistype', () => {
    expect(problems({ ...schedule, layers: [{ ...layer, handoffTime: '9:00' }] })).toEqual([
      'layers.0.handoffTime',
    ]);
    expect(problems({ ...schedule, layers: [{ ...layer, startDate: '2027-02-29' }] })).toEqual([
      'layers.0.startDate',
    ]);
    expect(problems({ ...schedule, layers: [{ ...layer, startDate: '2028-02-29' }] })).toEqual([]);
    expect(problems({ ...schedule, slug: '-payments' })).toEqual(['slug']);
    expect(problems({ ...schedule, layers: [{ ...layer, participants: [] }] })).toEqual([
      'layers.0.participants',
    ]);
  });

  it('bounds rotation lengths: 1 for daily and weekly, a year of hours or days', () => {
    const withRotation = (rotation: string, rotationLength: number) => ({
      ...schedule,
      layers: [{ ...layer, rotation, rotationLength }],
    });
    expect(problems(withRotation('hours', 8760))).toEqual([]);
    expect(problems(withRotation('hours', 8761))).toEqual(['layers.0.rotationLength']);
    expect(problems(withRotation('days', 366))).toEqual([]);
    expect(problems(withRotation('days', 367))).toEqual(['layers.0.rotationLength']);
    expect(problems(withRotation('weekly', 2))).toEqual(['layers.0.rotationLength']);
    expect(problems(withRotation('days', 0))).toEqual(['layers.0.rotationLength']);
  });

  it('checks restriction windows: ISO weekdays 1–7 and HH:MM', () => {
    const restricted = (restrictions: unknown) => ({ ...schedule, layers: [{ ...layer, restrictions }] });
    expect(problems(restricted([{ days: [1, 2, 3, 4, 5], from: '09:00', to: '17:00' }]))).toEqual([]);
    expect(problems(restricted([{ days: [8], from: '09:00', to: '17:00' }]))).toEqual([
      'layers.0.restrictions.0.days.0',
    ]);
    expect(problems(restricted([{ days: [1], from: '09:00', to: '25:00' }]))).toEqual([
      'layers.0.restrictions.0.to',
    ]);
  });
});

describe('rangeQuerySchema', () => {
  it('takes ISO times with an offset, in order, at most 400 days apart', () => {
    expect(rangeQuerySchema.parse({ from: '2027-03-28T09:00:00+02:00' }).from).toEqual(
      new Date('2027-03-28T07:00:00Z'),
    );
    expect(rangeQuerySchema.safeParse({ from: '2027-03-28 09:00' }).success).toBe(false);
    const issues = (q: object) => rangeQuerySchema.safeParse(q).error?.issues.map((i) => i.path.join('.'));
    expect(issues({ from: '2027-03-28T00:00:00Z', to: '2027-03-27T00:00:00Z' })).toEqual(['to']);
    expect(issues({ from: '2027-01-01T00:00:00Z', to: '2028-02-06T00:00:00Z' })).toEqual(['to']);
    expect(issues({ from: '2027-01-01T00:00:00Z', to: '2028-02-05T00:00:00Z' })).toBeUndefined();
  });
});

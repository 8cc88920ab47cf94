import { describe, expect, it } from 'vitest';
import {
  overrideInputSchema,
  rangeQuerySchema,
  scheduleInputSchema,
  swapInputSchema,
} from './schedule-schemas';

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

  it('stores a zone by its canonical id and refuses EST and the like, on the schedule and on a layer', () => {
    const parsed = scheduleInputSchema.parse({
      ...schedule,
      timeZone: 'europe/brussels',
      layers: [{ ...layer, timeZone: 'america/new_york' }],
    });
    expect(parsed.timeZone).toBe('Europe/Brussels');
    expect(parsed.layers[0]?.timeZone).toBe('America/New_York');
    const result = scheduleInputSchema.safeParse({ ...schedule, layers: [{ ...layer, timeZone: 'EST' }] });
    expect(result.error?.issues[0]).toMatchObject({
      path: ['layers', 0, 'timeZone'],
      message: 'EST has no daylight saving; use a city zone such as America/New_York.',
    });
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

describe('input that could never put anyone on call, or was mistyped', () => {
  it('refuses an unknown key on the schedule, a layer, a restriction, an override and a swap request', () => {
    const keys = (
      schema: {
        safeParse: (v: unknown) => { error?: { issues: { path: PropertyKey[]; message: string }[] } };
      },
      body: unknown,
    ) => schema.safeParse(body).error?.issues.map((i) => [i.path.join('.'), i.message]) ?? [];
    expect(keys(scheduleInputSchema, { ...schedule, foo: 1 })).toEqual([['', 'Unrecognized key: "foo"']]);
    expect(keys(scheduleInputSchema, { ...schedule, layers: [{ ...layer, timezone: 'UTC' }] })).toEqual([
      ['layers.0', 'Unrecognized key: "timezone"'],
    ]);
    expect(
      keys(scheduleInputSchema, {
        ...schedule,
        layers: [{ ...layer, restrictions: [{ days: [1], from: '09:00', to: '17:00', tz: 'UTC' }] }],
      }),
    ).toEqual([['layers.0.restrictions.0', 'Unrecognized key: "tz"']]);
    const interval = { startsAt: '2027-03-01T09:00:00Z', endsAt: '2027-03-01T17:00:00Z' };
    expect(keys(overrideInputSchema, { ...interval, userId: 'u1', user: 'u2' })).toEqual([
      ['', 'Unrecognized key: "user"'],
    ]);
    expect(keys(swapInputSchema, { ...interval, target: 'u2' })).toEqual([
      ['', 'Unrecognized key: "target"'],
    ]);
  });

  it('refuses a layer that ends at or before its first hand-off, in the layer’s zone', () => {
    // 2027-01-04 09:00 in Brussels is 08:00 UTC.
    const ending = (endsAt: string) => ({ ...schedule, layers: [{ ...layer, endsAt }] });
    const refused = scheduleInputSchema.safeParse(ending('2027-01-04T08:00:00Z'));
    expect(refused.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      [
        'layers.0.endsAt',
        'The layer ends before its first hand-off (2027-01-04 09:00 Europe/Brussels), so it would never have anyone on call; end it later or start it earlier.',
      ],
    ]);
    expect(problems(ending('2026-12-01T00:00:00Z'))).toEqual(['layers.0.endsAt']);
    expect(problems(ending('2027-01-04T08:00:01Z'))).toEqual([]);
  });

  it('refuses a start date before 1970, where zones keep their local mean time', () => {
    const from = (startDate: string) => ({
      ...schedule,
      layers: [{ ...layer, rotation: 'hours', startDate }],
    });
    const refused = scheduleInputSchema.safeParse(from('0001-01-01'));
    expect(refused.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      [
        'layers.0.startDate',
        'Use a date from 1970-01-01 on, e.g. "2027-01-04"; the rotation counts from it.',
      ],
    ]);
    expect(problems(from('1969-12-31'))).toEqual(['layers.0.startDate']);
    expect(problems(from('1970-01-01'))).toEqual([]);
  });
});

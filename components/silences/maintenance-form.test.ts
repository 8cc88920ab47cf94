import { describe, expect, it } from 'vitest';
import type { MaintenanceWindow } from '@/lib/maintenance/schemas';
import { blankForm, formOf, inputOf, repeatText } from './maintenance-form';

const form = {
  ...blankForm('Europe/Brussels'),
  name: 'Sunday patching',
  matchers: 'job="db"',
  firstStart: '2026-12-06T02:00',
  comment: 'Kernel patching',
};

const stored = (rrule: string): MaintenanceWindow => ({
  id: 'w1',
  name: 'Sunday patching',
  matchers: 'job="db"',
  firstStart: '2026-12-06T02:00',
  timeZone: 'Europe/Brussels',
  durationSeconds: 5400,
  rrule,
  clusters: [],
  comment: 'Kernel patching',
  leadSeconds: 3600,
  paused: false,
  createdBy: 'Ana',
  upcoming: [],
  silences: [],
  wouldSuppress: { count: 0, alerts: [] },
});

describe('the maintenance window form', () => {
  it('turns the repeat choice and duration into the API input', () => {
    expect(inputOf({ ...form, days: ['SU', 'SA'] })).toEqual({
      input: expect.objectContaining({ rrule: 'FREQ=WEEKLY;BYDAY=SA,SU', durationSeconds: 7200 }),
    });
    expect(inputOf({ ...form, repeat: 'once' })).toEqual({ input: expect.objectContaining({ rrule: '' }) });
    expect(inputOf({ ...form, repeat: 'custom', customRule: ' FREQ=MONTHLY;BYDAY=1SU ' })).toEqual({
      input: expect.objectContaining({ rrule: 'FREQ=MONTHLY;BYDAY=1SU' }),
    });
  });

  it('says what is wrong before asking the server', () => {
    expect(inputOf({ ...form, duration: 'soon', days: [] })).toEqual({
      problems: { duration: expect.stringContaining('not a duration'), days: 'Choose at least one day' },
    });
  });

  it('reads a stored window back into the form', () => {
    expect(formOf(stored('FREQ=WEEKLY;BYDAY=SA,SU'))).toMatchObject({
      repeat: 'weekly',
      days: ['SA', 'SU'],
      duration: '1h30m',
    });
    expect(formOf(stored(''))).toMatchObject({ repeat: 'once', customRule: '' });
    expect(formOf(stored('FREQ=YEARLY;BYMONTH=12'))).toMatchObject({
      repeat: 'custom',
      customRule: 'FREQ=YEARLY;BYMONTH=12',
    });
  });

  it('describes the rule in the list', () => {
    expect(repeatText('FREQ=WEEKLY;BYDAY=SU')).toBe('every week on SU');
    expect(repeatText('')).toBe('once');
    expect(repeatText('FREQ=YEARLY')).toBe('FREQ=YEARLY');
  });
});

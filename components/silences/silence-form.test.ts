import { describe, expect, it } from 'vitest';
import type { SilenceRow } from '@/lib/incidents/silence-list';
import { checkMatchers } from './matcher-rows';
import { endTimeProblem, resolveTimes, type SilenceDraft, silenceRequest, timeFields } from './silence-form';

const now = new Date('2026-11-21T10:00:00Z');

const draft = (partial: Partial<SilenceDraft> = {}): SilenceDraft => ({
  matchers: checkMatchers('alertname="X"'),
  choice: '4h',
  customDuration: '',
  endsAtLocal: '',
  zone: 'UTC',
  comment: 'deploy',
  incidentId: '',
  cluster: '',
  ...partial,
});

const row = (partial: Partial<SilenceRow> = {}): SilenceRow => ({
  id: 's1',
  cluster: 'default',
  state: 'active',
  matchers: [{ name: 'alertname', value: 'X', isRegex: false, isEqual: true }],
  matchersText: 'alertname="X"',
  startsAt: '2026-11-21T09:00:00.000Z',
  endsAt: '2026-11-21T12:00:00.000Z',
  createdBy: 'alice@example.com',
  comment: 'deploy',
  silencedAlerts: 1,
  expiringSoon: false,
  longLived: false,
  matchesNothing: false,
  record: null,
  ...partial,
});

describe('silenceRequest for a new silence', () => {
  it('sends the canonical matchers, a preset duration and the comment', () => {
    expect(silenceRequest(draft(), { now })).toEqual({
      create: { matchers: 'alertname="X"', duration: '4h', comment: 'deploy' },
    });
  });

  it('sends a custom duration, an incident and a cluster when given', () => {
    expect(
      silenceRequest(
        draft({ choice: 'custom', customDuration: ' 90m ', incidentId: ' inc1 ', cluster: 'eu' }),
        { now },
      ),
    ).toEqual({
      create: {
        matchers: 'alertname="X"',
        duration: '90m',
        comment: 'deploy',
        incidentId: 'inc1',
        cluster: 'eu',
      },
    });
  });

  it('sends an end time typed in UTC as an instant', () => {
    expect(silenceRequest(draft({ choice: 'end time', endsAtLocal: '2026-11-21T18:30' }), { now })).toEqual({
      create: { matchers: 'alertname="X"', endsAt: '2026-11-21T18:30:00.000Z', comment: 'deploy' },
    });
  });

  it('reports every problem on its field, as the server would, and sends nothing', () => {
    expect(
      silenceRequest(
        draft({
          matchers: checkMatchers('instance=~"db["'),
          comment: ' ',
          choice: 'custom',
          customDuration: 'soon',
        }),
        {
          now,
        },
      ),
    ).toEqual({
      errors: {
        matchers: expect.stringContaining('invalid regular expression for instance'),
        comment: 'say why (a comment is required)',
        duration: expect.stringContaining('"soon" is not a duration'),
      },
    });
  });

  it('refuses an end time in the past or missing', () => {
    expect(silenceRequest(draft({ choice: 'end time', endsAtLocal: '2026-11-21T09:00' }), { now })).toEqual({
      errors: { endsAt: 'That time has passed; choose a later end' },
    });
    expect(silenceRequest(draft({ choice: 'end time', endsAtLocal: '' }), { now })).toEqual({
      errors: { endsAt: 'pick the date and time it ends' },
    });
  });
});

describe('silenceRequest for an edit', () => {
  it('sends only what changed, with the cluster to find the silence in', () => {
    const editing = row();
    expect(
      silenceRequest(draft({ choice: 'unchanged', comment: 'deploy, longer' }), { now, editing }),
    ).toEqual({
      id: 's1',
      update: { comment: 'deploy, longer', cluster: 'default' },
    });
    expect(
      silenceRequest(draft({ choice: '1h', matchers: checkMatchers('alertname = "X",job=api') }), {
        now,
        editing,
      }),
    ).toEqual({
      id: 's1',
      update: { matchers: 'alertname="X", job="api"', duration: '1h', cluster: 'default' },
    });
  });

  it('does not resend unchanged matchers written differently (that would give the silence a new id)', () => {
    expect(
      silenceRequest(draft({ choice: 'unchanged', matchers: checkMatchers('{alertname=X}') }), {
        now,
        editing: row(),
      }),
    ).toEqual({ errors: { form: expect.stringContaining('Nothing to save') } });
  });

  it('links an incident only when it changes', () => {
    const editing = row({
      record: { id: 'r1', incident: { id: 'inc1', number: 4 }, ackId: null, previousIds: [] },
    });
    expect(
      silenceRequest(draft({ choice: 'unchanged', incidentId: 'inc1', comment: 'x' }), { now, editing }),
    ).toEqual({
      id: 's1',
      update: { comment: 'x', cluster: 'default' },
    });
    expect(silenceRequest(draft({ choice: 'unchanged', incidentId: 'inc2' }), { now, editing })).toEqual({
      id: 's1',
      update: { incidentId: 'inc2', cluster: 'default' },
    });
  });
});

describe('endTimeProblem', () => {
  const typed = (endsAtLocal: string, zone = 'UTC') => ({
    choice: 'end time' as const,
    customDuration: '',
    endsAtLocal,
    zone,
  });

  it('says an end time that has passed, in words that say what to do', () => {
    expect(endTimeProblem(typed('2026-11-21T09:00'), now)).toBe('That time has passed; choose a later end');
    expect(endTimeProblem(typed('2026-11-21T10:00'), now)).toBe('That time has passed; choose a later end');
    // 10:30 in Brussels is 09:30 UTC: passed, though the same clock in UTC is not.
    expect(endTimeProblem(typed('2026-11-21T10:30', 'Europe/Brussels'), now)).toBe(
      'That time has passed; choose a later end',
    );
    expect(endTimeProblem(typed('2026-11-21T10:30'), now)).toBeUndefined();
  });

  it('says the other problems of a complete end time, as the server would', () => {
    expect(endTimeProblem(typed('2028-01-01T00:00'), now)).toBe('the silence must end within 365 days');
  });

  it('says nothing for another choice or an end time not typed in full yet', () => {
    expect(endTimeProblem(typed(''), now)).toBeUndefined();
    expect(endTimeProblem(typed('2026-11-21T'), now)).toBeUndefined();
    expect(endTimeProblem({ ...typed('2026-11-21T09:00'), choice: '4h' }, now)).toBeUndefined();
  });
});

describe('times', () => {
  it('maps the choice to the body fields', () => {
    expect(timeFields({ choice: 'unchanged', customDuration: '', endsAtLocal: '', zone: 'UTC' })).toEqual({});
    expect(timeFields({ choice: '1w', customDuration: '', endsAtLocal: '', zone: 'UTC' })).toEqual({
      duration: '1w',
    });
  });

  it('resolves a duration from a pending start, as the server does', () => {
    const editing = row({
      state: 'pending',
      startsAt: '2026-11-21T11:00:00.000Z',
      endsAt: '2026-11-21T12:00:00.000Z',
    });
    expect(resolveTimes({ duration: '1h' }, now, editing)).toEqual({
      startsAt: new Date('2026-11-21T11:00:00.000Z'),
      endsAt: new Date('2026-11-21T12:00:00.000Z'),
    });
    expect(resolveTimes({ duration: '1h' }, now)).toEqual({
      startsAt: now,
      endsAt: new Date('2026-11-21T11:00:00.000Z'),
    });
  });
});

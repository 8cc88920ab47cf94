import { describe, expect, it } from 'vitest';
import { ValidationError } from '@/lib/errors';
import { parseInput } from '@/lib/validation';
import {
  ackDurationMs,
  groupAckBodySchema,
  silenceBodySchema,
  silencePreviewBodySchema,
  silenceTimes,
} from './silence-input';
import { silenceRequestOf } from './silence-request';

const now = new Date('2026-11-21T10:00:00Z');
const at = (iso: string) => new Date(iso);

function fieldsOf(run: () => unknown): Record<string, string> {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationError) return error.fields;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

/** A create body as the route hands it over (parsed by the operation's schema), then checked further. */
const requestFrom = (input: unknown, at: Date) => silenceRequestOf(parseInput(silenceBodySchema, input), at);

describe('silenceBodySchema, then silenceRequestOf', () => {
  it('reads amtool text and a duration from now', () => {
    expect(
      requestFrom({ matchers: 'alertname="X", instance=~"db.*"', duration: '90m', comment: 'deploy' }, now),
    ).toEqual({
      matchers: [
        { name: 'alertname', value: 'X', isRegex: false, isEqual: true },
        { name: 'instance', value: 'db.*', isRegex: true, isEqual: true },
      ],
      startsAt: now,
      endsAt: at('2026-11-21T11:30:00Z'),
      comment: 'deploy',
    });
  });

  it("reads Alertmanager's list (isEqual defaults to true), an end time, a cluster and an incident", () => {
    const body = requestFrom(
      {
        matchers: [{ name: 'job', value: 'api', isRegex: false }],
        endsAt: '2026-11-22T10:00:00Z',
        comment: ' night ',
        cluster: 'prod',
        incidentId: 'inc1',
      },
      now,
    );
    expect(body.matchers).toEqual([{ name: 'job', value: 'api', isRegex: false, isEqual: true }]);
    expect(body).toMatchObject({
      endsAt: at('2026-11-22T10:00:00Z'),
      comment: 'night',
      cluster: 'prod',
      incidentId: 'inc1',
    });
  });

  it('makes a pending silence when the start is later, and counts the duration from it', () => {
    const body = requestFrom(
      { matchers: 'job="api"', startsAt: '2026-11-21T20:00:00Z', duration: '2h', comment: 'maintenance' },
      now,
    );
    expect(body).toMatchObject({ startsAt: at('2026-11-21T20:00:00Z'), endsAt: at('2026-11-21T22:00:00Z') });
  });

  it.each([
    [{ matchers: 'instance=~"db["', duration: '1h', comment: 'x' }, 'matchers'],
    [{ matchers: 'disk full', duration: '1h', comment: 'x' }, 'matchers'],
    [{ matchers: 'job=~".*"', duration: '1h', comment: 'x' }, 'matchers'],
    [{ matchers: 'job="a"', duration: 'soon', comment: 'x' }, 'duration'],
    [{ matchers: 'job="a"', comment: 'x' }, 'duration'],
    [{ matchers: 'job="a"', duration: '1h', endsAt: '2026-11-22T10:00:00Z', comment: 'x' }, 'duration'],
    [{ matchers: 'job="a"', endsAt: '2026-11-21T09:00:00Z', comment: 'x' }, 'endsAt'],
    [{ matchers: 'job="a"', endsAt: 'tomorrow', comment: 'x' }, 'endsAt'],
    [{ matchers: 'job="a"', duration: '1h', comment: '  ' }, 'comment'],
    [{ matchers: 'job="a"', duration: '1h' }, 'comment'],
  ])('refuses %j on the field %s', (body, field) => {
    expect(Object.keys(fieldsOf(() => requestFrom(body, now)))).toEqual([field]);
  });
});

describe('silenceTimes for an update', () => {
  const current = { startsAt: at('2026-11-21T09:00:00Z'), endsAt: at('2026-11-21T11:00:00Z') };

  it('keeps the current end when neither duration nor end is given', () => {
    expect(silenceTimes({}, now, current)).toEqual({ startsAt: now, endsAt: current.endsAt });
  });

  it('extends from now for an active silence', () => {
    expect(silenceTimes({ duration: '4h' }, now, current).endsAt).toEqual(at('2026-11-21T14:00:00Z'));
  });
});

describe('acknowledgement bodies', () => {
  it('takes the configured duration unless one is given', () => {
    expect(ackDurationMs(undefined, 3600)).toBe(3_600_000);
    expect(ackDurationMs('30m', 3600)).toBe(1_800_000);
    expect(fieldsOf(() => ackDurationMs('30', 3600))).toHaveProperty('duration');
  });

  it('limits a group acknowledgement to 1000 hex fingerprints', () => {
    expect(groupAckBodySchema.safeParse({ alerts: [] }).success).toBe(false);
    expect(groupAckBodySchema.safeParse({ alerts: [{ fingerprint: 'zz' }] }).success).toBe(false);
    expect(groupAckBodySchema.safeParse({ alerts: Array(1001).fill({ fingerprint: 'ab' }) }).success).toBe(
      false,
    );
    expect(groupAckBodySchema.parse({ alerts: [{ fingerprint: 'ab12' }], comment: 'on it' })).toEqual({
      alerts: [{ fingerprint: 'ab12' }],
      comment: 'on it',
    });
  });
});

describe('matchers of the wrong shape, and unknown keys', () => {
  const fields = (schema: typeof silenceBodySchema | typeof silencePreviewBodySchema, body: unknown) =>
    schema.safeParse(body).error?.issues.map((i) => [i.path.join('.'), i.message]);
  const SHAPES =
    'give matchers as one string such as alertname="X", severity=~"crit.*" or as a list of objects {name, value, isRegex, isEqual}, e.g. [{"name":"alertname","value":"X","isRegex":false,"isEqual":true}]';

  it("says which shapes matchers take when given a route's list of strings", () => {
    expect(fields(silenceBodySchema, { matchers: ['alertname="X"'], comment: 'deploy' })).toEqual([
      ['matchers', SHAPES],
    ]);
    expect(fields(silencePreviewBodySchema, { matchers: [{ name: 'alertname' }] })).toEqual([
      ['matchers', SHAPES],
    ]);
    expect(
      fields(silenceBodySchema, { matchers: 'x'.repeat(10_001), comment: 'deploy' })?.[0]?.[1],
    ).toContain('10000');
  });

  it('refuses an unknown key in a silence, a preview and an acknowledgement', () => {
    expect(fields(silenceBodySchema, { matchers: 'alertname="X"', comment: 'c', durration: '2h' })).toEqual([
      ['', 'Unrecognized key: "durration"'],
    ]);
    expect(fields(silencePreviewBodySchema, { matchers: 'a="b"', clustr: 'eu' })).toEqual([
      ['', 'Unrecognized key: "clustr"'],
    ]);
    expect(
      groupAckBodySchema.safeParse({ alerts: [{ fingerprint: 'ab', cluster: 'eu' }], silenced: false }).error
        ?.issues[0]?.message,
    ).toBe('Unrecognized key: "silenced"');
  });
});

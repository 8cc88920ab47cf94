import { describe, expect, it } from 'vitest';
import { createPolicySchema, updatePolicySchema } from './policy-schemas';

const level = (delaySeconds: number, partial: Record<string, unknown> = {}) => ({
  name: `after ${delaySeconds} s`,
  delaySeconds,
  scheduleIds: ['s1'],
  ...partial,
});

const problems = (input: unknown) =>
  createPolicySchema.safeParse(input).error?.issues.map((i) => [i.path.join('.'), i.message]) ?? [];

describe('createPolicySchema', () => {
  it('fills the defaults: no team, no repeat, 30 minutes before a repeat, empty target lists', () => {
    expect(createPolicySchema.parse({ name: 'db', levels: [level(0)] })).toEqual({
      name: 'db',
      description: '',
      teamId: null,
      repeat: 0,
      repeatAfterSeconds: 1800,
      levels: [{ name: 'after 0 s', delaySeconds: 0, targets: [], scheduleIds: ['s1'], userIds: [] }],
    });
  });

  it('refuses delays that decrease from one level to the next (equal ones are fine)', () => {
    expect(problems({ name: 'db', levels: [level(0), level(600), level(600), level(300)] })).toEqual([
      [
        'levels.3.delaySeconds',
        "must be at least the previous level's (600 s): delays count from the opening",
      ],
    ]);
  });

  it('refuses a level that pages nobody, a policy without levels, and repeat outside 0..9', () => {
    expect(problems({ name: 'db', levels: [level(0, { scheduleIds: [] })] })).toEqual([
      ['levels.0', 'A level must page someone: name a channel, a schedule or a user'],
    ]);
    expect(problems({ name: 'db', levels: [] })).toEqual([['levels', 'A policy needs at least one level']]);
    expect(problems({ name: 'db', repeat: 10, levels: [level(0)] }).map(([path]) => path)).toEqual([
      'repeat',
    ]);
  });
});

describe('updatePolicySchema', () => {
  it('takes any subset of the fields, and checks the levels when they are given', () => {
    expect(updatePolicySchema.parse({ repeat: 2 })).toEqual({ repeat: 2 });
    expect(updatePolicySchema.safeParse({ levels: [level(60), level(0)] }).success).toBe(false);
    expect(updatePolicySchema.safeParse({ isDefault: true }).success).toBe(false);
  });
});

describe('repeating without a wait', () => {
  it('refuses a repeat that would start over at once, naming repeatAfterSeconds; no repeat needs no wait', () => {
    expect(problems({ name: 'db', repeat: 2, repeatAfterSeconds: 0, levels: [level(0)] })).toEqual([
      [
        'repeatAfterSeconds',
        'With repeat 2, wait at least 60 s before starting over (repeatAfterSeconds), so people can answer a round; or set repeat to 0.',
      ],
    ]);
    expect(
      createPolicySchema.safeParse({ name: 'db', repeat: 0, repeatAfterSeconds: 0, levels: [level(0)] })
        .success,
    ).toBe(true);
    expect(
      createPolicySchema.safeParse({ name: 'db', repeat: 1, repeatAfterSeconds: 60, levels: [level(0)] })
        .success,
    ).toBe(true);
    expect(updatePolicySchema.safeParse({ repeat: 1, repeatAfterSeconds: 59 }).success).toBe(false);
  });
});

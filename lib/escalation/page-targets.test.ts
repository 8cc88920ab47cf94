import { describe, expect, it } from 'vitest';
import { type PersonalRule, pageTargets, reminderTargets } from './page-targets';

const methods = [
  { id: 'm1', kind: 'ntfy', verified: true },
  { id: 'm2', kind: 'sms', verified: false },
  { id: 'm3', kind: 'slack', verified: true },
];
const rule = (r: Partial<PersonalRule>): PersonalRule => ({
  urgency: 'high',
  delaySeconds: 0,
  contactMethodId: null,
  builtin: null,
  ...r,
});

describe('pageTargets', () => {
  it('without rules, reaches a person on every verified method and on push, at once', () => {
    expect(pageTargets({ methods, push: true, rules: [] }, 'high')).toEqual([
      { channel: 'ntfy', contactMethodId: 'm1', key: 'm:m1', delaySeconds: 0 },
      { channel: 'slack', contactMethodId: 'm3', key: 'm:m3', delaySeconds: 0 },
      { channel: 'push', contactMethodId: null, key: 'push', delaySeconds: 0 },
    ]);
  });

  it("falls back to the account's e-mail with nothing verified", () => {
    const email = [{ channel: 'email', contactMethodId: null, key: null, delaySeconds: 0 }];
    expect(
      pageTargets({ methods: [methods[1] as (typeof methods)[number]], push: false, rules: [] }, 'high'),
    ).toEqual(email);
    expect(pageTargets(undefined, 'low')).toEqual(email);
  });

  it("follows the person's rules for the page's urgency, earliest first, unverified methods included", () => {
    const rules = [
      rule({ delaySeconds: 300, contactMethodId: 'm2' }),
      rule({ builtin: 'push' }),
      rule({ urgency: 'low', contactMethodId: 'm3' }),
      rule({ delaySeconds: 900, builtin: 'email' }),
    ];
    expect(pageTargets({ methods, push: true, rules }, 'high')).toEqual([
      { channel: 'push', contactMethodId: null, key: 'push', delaySeconds: 0 },
      { channel: 'sms', contactMethodId: 'm2', key: 'm:m2@300', delaySeconds: 300 },
      { channel: 'email', contactMethodId: null, key: 'email@900', delaySeconds: 900 },
    ]);
    expect(pageTargets({ methods, push: true, rules }, 'low')).toEqual([
      { channel: 'slack', contactMethodId: 'm3', key: 'm:m3', delaySeconds: 0 },
    ]);
  });

  it('drops repeats and rules naming nothing usable, falling back to e-mail when none is left', () => {
    const twice = [rule({ contactMethodId: 'm1' }), rule({ contactMethodId: 'm1' })];
    expect(pageTargets({ methods, push: false, rules: twice }, 'high')).toHaveLength(1);
    expect(pageTargets({ methods, push: false, rules: [rule({ builtin: 'push' })] }, 'high')).toEqual([
      { channel: 'email', contactMethodId: null, key: null, delaySeconds: 0 },
    ]);
  });
});

describe('reminderTargets', () => {
  it("is the first step of the person's rules for the urgency, sent at once", () => {
    const rules = [
      rule({ delaySeconds: 300, contactMethodId: 'm1' }),
      rule({ delaySeconds: 300, builtin: 'email' }),
      rule({ delaySeconds: 900, contactMethodId: 'm3' }),
      rule({ urgency: 'low', builtin: 'push' }),
    ];
    expect(reminderTargets({ methods, push: true, rules }, 'high')).toEqual([
      { channel: 'ntfy', contactMethodId: 'm1', key: 'm:m1@300', delaySeconds: 0 },
      { channel: 'email', contactMethodId: null, key: 'email@300', delaySeconds: 0 },
    ]);
    expect(reminderTargets({ methods, push: true, rules }, 'low')).toEqual([
      { channel: 'push', contactMethodId: null, key: 'push', delaySeconds: 0 },
    ]);
  });

  it('without rules, every verified method and push; with nothing, the account e-mail', () => {
    expect(reminderTargets({ methods, push: false, rules: [] }, 'high').map((t) => t.channel)).toEqual([
      'ntfy',
      'slack',
    ]);
    expect(reminderTargets(undefined, 'high')).toEqual([
      { channel: 'email', contactMethodId: null, key: null, delaySeconds: 0 },
    ]);
  });
});

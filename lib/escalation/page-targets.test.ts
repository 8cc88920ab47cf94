import { describe, expect, it } from 'vitest';
import { pageTargets } from './page-targets';

describe('pageTargets', () => {
  it('reaches a person on every verified method and on push', () => {
    expect(
      pageTargets({
        methods: [
          { id: 'm1', kind: 'ntfy', verified: true },
          { id: 'm2', kind: 'sms', verified: false },
          { id: 'm3', kind: 'slack', verified: true },
        ],
        push: true,
      }),
    ).toEqual([
      { channel: 'ntfy', contactMethodId: 'm1', key: 'm:m1' },
      { channel: 'slack', contactMethodId: 'm3', key: 'm:m3' },
      { channel: 'push', contactMethodId: null, key: 'push' },
    ]);
  });

  it("falls back to the account's e-mail with nothing verified", () => {
    const email = [{ channel: 'email', contactMethodId: null, key: null }];
    expect(pageTargets({ methods: [{ id: 'm2', kind: 'sms', verified: false }], push: false })).toEqual(
      email,
    );
    expect(pageTargets(undefined)).toEqual(email);
  });
});

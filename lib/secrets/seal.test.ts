import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CONTACT_SECRET_CONTEXT, open, SealedValueError, seal } from './seal';

const key = randomBytes(32);
const secret = '{"url":"https://hooks.slack.com/services/T0/B0/very-secret"}';

/** Flips one bit of the base64url part at `index` (1 IV, 2 tag, 3 ciphertext). */
function flip(sealed: string, index: number): string {
  const parts = sealed.split('.');
  const bytes = Buffer.from(parts[index] ?? '', 'base64url');
  bytes[0] = (bytes[0] ?? 0) ^ 1;
  parts[index] = bytes.toString('base64url');
  return parts.join('.');
}

describe('seal / open', () => {
  it('opens what it sealed, and never shows the plaintext', () => {
    const sealed = seal(key, secret, 'push.endpoint');
    expect(sealed).toMatch(/^v1\.[\w-]{16}\.[\w-]{22}\.[\w-]+$/);
    expect(sealed).not.toContain('very-secret');
    expect(open(key, sealed, 'push.endpoint')).toBe(secret);
    expect(open(key, seal(key, secret, CONTACT_SECRET_CONTEXT), CONTACT_SECRET_CONTEXT)).toBe(secret);
  });

  it('seals the same value differently each time (a fresh IV)', () => {
    expect(seal(key, secret, 'f')).not.toBe(seal(key, secret, 'f'));
  });

  it.each([
    [1, 'the IV'],
    [2, 'the tag'],
    [3, 'the ciphertext'],
  ])('refuses a value whose part %s (%s) was changed', (index) => {
    expect(() => open(key, flip(seal(key, secret, 'c'), index), 'c')).toThrow(SealedValueError);
  });

  it('refuses another key (AUTH_SECRET rotated) or another context (a value moved between fields)', () => {
    const sealed = seal(key, secret, 'push.auth');
    expect(() => open(randomBytes(32), sealed, 'push.auth')).toThrow(/AUTH_SECRET changed/);
    expect(() => open(key, sealed, 'push.p256dh')).toThrow(SealedValueError);
    // A push value does not open as a contact secret, nor a contact secret as a push value.
    expect(() => open(key, sealed, CONTACT_SECRET_CONTEXT)).toThrow(SealedValueError);
    expect(() => open(key, seal(key, secret, CONTACT_SECRET_CONTEXT), 'push.endpoint')).toThrow(
      SealedValueError,
    );
  });

  it('refuses an unknown version, a missing part, or a short IV or tag', () => {
    const sealed = seal(key, secret, 'c');
    expect(() => open(key, sealed.replace(/^v1/, 'v2'), 'c')).toThrow(/not a v1 sealed value/);
    expect(() => open(key, sealed.split('.').slice(0, 3).join('.'), 'c')).toThrow(SealedValueError);
    expect(() => open(key, 'plain text', 'c')).toThrow(/not a v1 sealed value/);
    expect(() => open(key, 'v1.AAAA.AAAA.AAAA', 'c')).toThrow(/truncated/);
    // Node would accept a 4-byte GCM tag; ours are 16, and a shorter one makes forging easier.
    const [version, iv, tag, ciphertext] = sealed.split('.');
    const shortTag = Buffer.from(tag ?? '', 'base64url')
      .subarray(0, 4)
      .toString('base64url');
    expect(() => open(key, [version, iv, shortTag, ciphertext].join('.'), 'c')).toThrow(/truncated/);
  });
});

/**
 * Values sealed by the two modules this one replaced (lib/contacts/seal.ts sealSecret, no additional
 * data; lib/push/secret-box.ts seal, a context as additional data), produced by that code with the key
 * below before it was deleted. Rows in existing databases hold exactly such values.
 */
describe('values stored before the two sealing modules became one', () => {
  const oldKey = Buffer.alloc(32, 7);

  it('opens a contact secret sealed without additional data', () => {
    const stored =
      'v1.-1fyr0Ebq3zR1uUQ.6GY6KGDK5fnBmxiA0W7w4g._hk9WeheThaFzfNcZyg1oOg_zJgkzPOKiovJIAaGX79T3hkq6o8jwmqRCh97wECstzb67z6-fQ';
    expect(open(oldKey, stored, CONTACT_SECRET_CONTEXT)).toBe(
      '{"kind":"ntfy","topicUrl":"https://ntfy.example/pager"}',
    );
  });

  it('opens push values sealed with their context, and only with it', () => {
    const endpoint = 'v1.69gqPC-p5WHkc1m_.vKQpG4w0NWaVkUMps2fzHQ.bbak_g1lNKrzLXWuOa0kL8sD3S-U8V2JmwLXW3s';
    const vapid = 'v1.ILGJOqF_6U0UWyDL.8ieoCXhYYx8yBdnbgUEv6Q.2LkYA8j0zqJHFmCNnQ';
    expect(open(oldKey, endpoint, 'push.endpoint')).toBe('https://push.example/send/abc');
    expect(open(oldKey, vapid, 'push.vapid-private-key')).toBe('vapid-private');
    expect(() => open(oldKey, endpoint, CONTACT_SECRET_CONTEXT)).toThrow(SealedValueError);
  });
});

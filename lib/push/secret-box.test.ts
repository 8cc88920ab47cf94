import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { open, SealedValueError, seal } from './secret-box';

const key = randomBytes(32);

describe('seal / open', () => {
  it('round-trips and never stores the plaintext', () => {
    const sealed = seal(key, 'https://push.example/abc', 'push.endpoint');
    expect(sealed).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(sealed).not.toContain('push.example');
    expect(open(key, sealed, 'push.endpoint')).toBe('https://push.example/abc');
  });

  it('gives a different value each time (random IV)', () => {
    expect(seal(key, 'same', 'f')).not.toBe(seal(key, 'same', 'f'));
  });

  it('refuses another key, another context, or an altered value', () => {
    const sealed = seal(key, 'secret', 'push.auth');
    expect(() => open(randomBytes(32), sealed, 'push.auth')).toThrow(SealedValueError);
    expect(() => open(key, sealed, 'push.p256dh')).toThrow(/AUTH_SECRET changed/);
    const parts = sealed.split('.');
    const flipped = Buffer.from(parts[3] as string, 'base64url');
    flipped[0] = (flipped[0] as number) ^ 1;
    parts[3] = flipped.toString('base64url');
    expect(() => open(key, parts.join('.'), 'push.auth')).toThrow(SealedValueError);
    expect(() => open(key, 'plain text', 'push.auth')).toThrow(/not a sealed value/);
    const [version, iv, tag, ciphertext] = sealed.split('.');
    const shortTag = Buffer.from(tag as string, 'base64url')
      .subarray(0, 4)
      .toString('base64url');
    expect(() => open(key, [version, iv, shortTag, ciphertext].join('.'), 'push.auth')).toThrow(/truncated/);
  });
});

import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openSecret, SealedSecretError, sealSecret } from './seal';

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

describe('sealed contact secrets', () => {
  it('opens what it sealed, and never shows the plaintext', () => {
    const sealed = sealSecret(secret, key);
    expect(sealed).toMatch(/^v1\.[\w-]{16}\.[\w-]{22}\.[\w-]+$/);
    expect(sealed).not.toContain('very-secret');
    expect(openSecret(sealed, key)).toBe(secret);
  });

  it('seals the same value differently each time (a fresh IV)', () => {
    expect(sealSecret(secret, key)).not.toBe(sealSecret(secret, key));
  });

  it.each([
    [1, 'the IV'],
    [2, 'the tag'],
    [3, 'the ciphertext'],
  ])('refuses a value whose %s part (%s) was changed', (index) => {
    expect(() => openSecret(flip(sealSecret(secret, key), index), key)).toThrow(SealedSecretError);
  });

  it('refuses a value sealed under another key (AUTH_SECRET rotated)', () => {
    expect(() => openSecret(sealSecret(secret, key), randomBytes(32))).toThrow(/AUTH_SECRET changed/);
  });

  it('refuses an unknown version or a truncated value', () => {
    const sealed = sealSecret(secret, key);
    expect(() => openSecret(sealed.replace(/^v1/, 'v2'), key)).toThrow(/not a v1 sealed secret/);
    expect(() => openSecret(sealed.split('.').slice(0, 3).join('.'), key)).toThrow(SealedSecretError);
    expect(() => openSecret('v1.AAAA.AAAA.AAAA', key)).toThrow(/truncated/);
  });
});

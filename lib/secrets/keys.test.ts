import { afterEach, describe, expect, it, vi } from 'vitest';

const secret = { value: 'a'.repeat(32) };
vi.mock('@/lib/env', () => ({ env: () => ({ AUTH_SECRET: secret.value }) }));

const { derivedKey } = await import('./keys');

describe('derivedKey', () => {
  afterEach(() => {
    secret.value = 'a'.repeat(32);
  });

  it('gives 32 bytes, the same for the same purpose and secret', () => {
    const key = derivedKey('contact-secrets');
    expect(key).toHaveLength(32);
    expect(derivedKey('contact-secrets').equals(key)).toBe(true);
  });

  it('gives independent keys per purpose and per secret', () => {
    const contact = derivedKey('contact-secrets');
    expect(derivedKey('action-links').equals(contact)).toBe(false);
    secret.value = 'b'.repeat(32);
    expect(derivedKey('contact-secrets').equals(contact)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { bearerToken, generateApiToken, hashApiToken } from './api-token';

describe('API tokens', () => {
  it('generates a random secret and stores only its hash and a short prefix', () => {
    const a = generateApiToken();
    const b = generateApiToken();
    expect(a.secret).toMatch(/^vgl_[A-Za-z0-9_-]{43}$/);
    expect(a.secret).not.toBe(b.secret);
    expect(a.hash).toBe(hashApiToken(a.secret));
    expect(a.hash).not.toContain(a.secret.slice(4));
    expect(a.secret.startsWith(a.prefix)).toBe(true);
    expect(a.prefix).toHaveLength(10);
  });

  it('reads only well-formed bearer tokens', () => {
    const { secret } = generateApiToken();
    expect(bearerToken(`Bearer ${secret}`)).toBe(secret);
    expect(bearerToken(`bearer  ${secret} `)).toBeUndefined();
    expect(bearerToken(`Basic ${secret}`)).toBeUndefined();
    expect(bearerToken('Bearer vgl_short')).toBeUndefined();
    expect(bearerToken(null)).toBeUndefined();
  });
});

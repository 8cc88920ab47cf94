import { describe, expect, it } from 'vitest';
import { feedSecretMatches, generateFeedSecret, hashFeedSecret } from './feed-secret';

describe('calendar feed secrets', () => {
  it('are 256 random bits behind a recognisable prefix, stored only as their SHA-256', () => {
    const a = generateFeedSecret();
    const b = generateFeedSecret();
    expect(a.secret).toMatch(/^vcal_[A-Za-z0-9_-]{43}$/);
    expect(a.secret).not.toBe(b.secret);
    expect(a.prefix).toBe(a.secret.slice(0, 11));
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.hash).not.toContain(a.secret.slice(5));
    expect(hashFeedSecret(a.secret)).toBe(a.hash);
  });

  it('match their own hash only', () => {
    const { secret, hash } = generateFeedSecret();
    expect(feedSecretMatches(secret, hash)).toBe(true);
    expect(feedSecretMatches(`${secret}x`, hash)).toBe(false);
    expect(feedSecretMatches(generateFeedSecret().secret, hash)).toBe(false);
    expect(feedSecretMatches(secret, 'not-a-hash')).toBe(false);
  });
});

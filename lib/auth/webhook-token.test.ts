import { describe, expect, it } from 'vitest';
import { bearerTokenMatches } from './webhook-token';

describe('bearerTokenMatches', () => {
  const token = 'a-webhook-token-of-24-chars';

  it('accepts the token as a Bearer credential, scheme case-insensitive', () => {
    expect(bearerTokenMatches(`Bearer ${token}`, token)).toBe(true);
    expect(bearerTokenMatches(`bearer ${token}`, token)).toBe(true);
  });

  it.each([
    ['no header', null],
    ['empty', ''],
    ['another token', 'Bearer a-webhook-token-of-24-chart'],
    ['a prefix', 'Bearer a-webhook-token'],
    ['basic auth', `Basic ${token}`],
    ['the bare token', token],
    ['two tokens', `Bearer ${token} ${token}`],
  ])('refuses %s', (_, header) => {
    expect(bearerTokenMatches(header, token)).toBe(false);
  });
});

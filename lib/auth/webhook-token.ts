import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Whether an Authorization header carries the webhook token (`Authorization: Bearer <token>`, what
 * Alertmanager sends for `http_config.authorization.credentials`). Compared in constant time: both
 * sides are hashed first, so neither the content nor the length of the token leaks through timing.
 *
 * @example bearerTokenMatches('Bearer s3cret-token-0123', 's3cret-token-0123') → true
 * @example bearerTokenMatches('Basic czNjcmV0', 's3cret-token-0123') → false
 */
export function bearerTokenMatches(authorization: string | null, token: string): boolean {
  const given = /^Bearer +(\S+) *$/i.exec(authorization ?? '')?.[1];
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  // Always compare, also without a bearer token, so a missing header costs the same as a wrong one.
  const same = timingSafeEqual(digest(given ?? ''), digest(token));
  return same && given !== undefined;
}

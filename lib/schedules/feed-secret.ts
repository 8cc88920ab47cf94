import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Calendar feed secrets look like `vcal_<43 url-safe chars>` (256 random bits): only their SHA-256 is
 * stored, as for API tokens (lib/auth/api-token.ts), and the prefix tells feeds apart in lists.
 */

const PREFIX = 'vcal_';

export function generateFeedSecret(): { secret: string; hash: string; prefix: string } {
  const secret = PREFIX + randomBytes(32).toString('base64url');
  return { secret, hash: hashFeedSecret(secret), prefix: secret.slice(0, PREFIX.length + 6) };
}

export function hashFeedSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** Compares a presented secret with a stored hash in constant time (both are 64 hex characters). */
export function feedSecretMatches(secret: string, storedHash: string): boolean {
  const presented = Buffer.from(hashFeedSecret(secret), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}

import { createHash, randomBytes } from 'node:crypto';

/**
 * API tokens look like `vgl_<43 url-safe chars>`. Only the SHA-256 of the whole token is stored (a fast
 * hash is right here: the secret has 256 random bits, so it cannot be guessed); the prefix lets people
 * tell their tokens apart in lists.
 */

const PREFIX = 'vgl_';

export function generateApiToken(): { secret: string; hash: string; prefix: string } {
  const secret = PREFIX + randomBytes(32).toString('base64url');
  return { secret, hash: hashApiToken(secret), prefix: secret.slice(0, PREFIX.length + 6) };
}

export function hashApiToken(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** `Bearer vgl_…` → the token, or undefined for any other Authorization header. */
export function bearerToken(header: string | null): string | undefined {
  const match = header?.match(/^Bearer\s+(vgl_[A-Za-z0-9_-]{20,})\s*$/);
  return match?.[1];
}

import 'server-only';
import { hkdfSync } from 'node:crypto';
import { env } from '@/lib/env';

/** What a derived key is for; each purpose gets its own key, so one leaking reveals nothing of another. */
export type KeyPurpose = 'contact-secrets' | 'action-links';

const derived = new Map<string, Buffer>();

/**
 * A 32-byte key for one purpose, derived (HKDF-SHA256) from AUTH_SECRET: operators configure one secret,
 * and rotating it invalidates sessions, signed action links and encrypted contact secrets alike
 * (README, "Secrets").
 */
export function derivedKey(purpose: KeyPurpose): Buffer {
  const secret = env().AUTH_SECRET;
  const cacheKey = `${purpose}\0${secret}`;
  let key = derived.get(cacheKey);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', secret, 'vigil', `vigil ${purpose} v1`, 32));
    derived.set(cacheKey, key);
  }
  return key;
}

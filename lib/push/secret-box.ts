import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * AES-256-GCM for the few secrets stored in a database row (a push subscription's endpoint and keys,
 * the generated VAPID private key). Pure: the key is a parameter, so it is tested without AUTH_SECRET;
 * callers pass `derivedKey('contact-secrets')` (lib/secrets/keys.ts). The branch adding contact methods
 * encrypts its secrets the same way; the two can share one module once merged.
 *
 * `context` is authenticated but not stored (GCM's additional data): a value sealed as one field
 * ("push.endpoint") does not open as another, so swapping columns between rows or fields is detected.
 *
 *   seal(key, 'https://fcm…', 'push.endpoint') → "v1.<iv>.<tag>.<ciphertext>" (base64url parts)
 *   open(key, that, 'push.endpoint')            → 'https://fcm…'
 */

const VERSION = 'v1';

export function seal(key: Buffer, plaintext: string, context: string): string {
  // A random 96-bit IV per value: GCM's recommended size; with far fewer than 2^32 values per key the
  // chance of a repeat is negligible.
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(context));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), ciphertext]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join('.');
}

/** Throws SealedValueError when the value was not sealed with this key and context (or was altered). */
export function open(key: Buffer, sealed: string, context: string): string {
  const [version, iv, tag, ciphertext, ...rest] = sealed.split('.');
  if (version !== VERSION || !iv || !tag || ciphertext === undefined || rest.length > 0)
    throw new SealedValueError(`not a sealed value (expected "${VERSION}.<iv>.<tag>.<ciphertext>")`);
  // Node accepts GCM tags as short as 4 bytes; ours are always 16, and a shorter one is a forgery aid.
  if (Buffer.from(iv, 'base64url').length !== 12 || Buffer.from(tag, 'base64url').length !== 16)
    throw new SealedValueError('truncated sealed value; register the device again');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
  } catch {
    throw new SealedValueError(
      'cannot decrypt: AUTH_SECRET changed since it was stored, or the value was altered; register the device again',
    );
  }
}

export class SealedValueError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SealedValueError';
  }
}

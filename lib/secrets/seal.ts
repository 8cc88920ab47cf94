import 'server-only';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * AES-256-GCM for the secrets Vigil keeps in database rows: contact-method settings (webhook URLs,
 * tokens, numbers), a push subscription's endpoint and keys, the generated VAPID private key. Pure: the
 * key is a parameter (callers pass `derivedKey('contact-secrets')`, lib/secrets/keys.ts), so it is tested
 * without AUTH_SECRET. A random 12-byte IV per value; stored as `v1.<iv>.<tag>.<ciphertext>` (base64url),
 * the version leaving room for a later scheme without guessing what an old row holds.
 *
 * `context` is authenticated but not stored (GCM's additional data): a value sealed as one field
 * ("push.endpoint") does not open as another, so swapping columns between rows or fields is detected.
 * Contact secrets are sealed with CONTACT_SECRET_CONTEXT, the empty string: they were stored before this
 * module with no additional data at all, and GCM with empty additional data is exactly GCM without it
 * (NIST SP 800-38D: the GHASH input is the same), so every stored contact secret still opens, and a push
 * value (non-empty context) can still not be moved into a contact row nor the reverse.
 *
 *   seal(key, 'https://fcm…', 'push.endpoint') → "v1.<iv>.<tag>.<ciphertext>"
 *   open(key, that, 'push.endpoint')            → 'https://fcm…'
 *   open(key, that, 'push.auth')                → throws SealedValueError
 */

/** The context of every contact-method secret (see above: it must stay empty to open stored rows). */
export const CONTACT_SECRET_CONTEXT = '';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A sealed value that does not open: tampered with, truncated, moved from another field, or another key. */
export class SealedValueError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SealedValueError';
  }
}

export function seal(key: Buffer, plaintext: string, context: string): string {
  // A random 96-bit IV per value: GCM's recommended size; with far fewer than 2^32 values per key the
  // chance of a repeat is negligible.
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [VERSION, ...[iv, cipher.getAuthTag(), ciphertext].map((b) => b.toString('base64url'))].join('.');
}

/**
 * The plaintext, or SealedValueError when the value was not sealed with this key and context (or was
 * altered). Messages say what happened; the caller adds what the person should do (re-enter the
 * contact method, enable push on the device again).
 */
export function open(key: Buffer, sealed: string, context: string): string {
  const [version, iv, tag, ciphertext, ...rest] = sealed.split('.');
  if (version !== VERSION || iv === undefined || tag === undefined || ciphertext === undefined || rest.length)
    throw new SealedValueError(
      `not a ${VERSION} sealed value (expected "${VERSION}.<iv>.<tag>.<ciphertext>")`,
    );
  const ivBytes = Buffer.from(iv, 'base64url');
  const tagBytes = Buffer.from(tag, 'base64url');
  // Node accepts GCM tags as short as 4 bytes; ours are always 16, and a shorter one is a forgery aid.
  if (ivBytes.length !== IV_BYTES || tagBytes.length !== TAG_BYTES)
    throw new SealedValueError('the sealed value is truncated');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, ivBytes);
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(tagBytes);
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
  } catch {
    throw new SealedValueError(
      'the sealed value does not open: it was changed, or AUTH_SECRET changed since it was saved',
    );
  }
}

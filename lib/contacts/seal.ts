import 'server-only';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { derivedKey } from '@/lib/secrets/keys';

/**
 * Contact-method secrets at rest: AES-256-GCM under `derivedKey('contact-secrets')`, a random 12-byte IV
 * per value, sealed as `v1.<iv>.<tag>.<ciphertext>` (base64url). The version prefix leaves room for a
 * later scheme without guessing what an old row holds. GCM authenticates: a changed byte, or a key
 * derived from another AUTH_SECRET, fails to open instead of yielding garbage.
 *
 *   openSecret(sealSecret('{"url":"https://hooks.slack.com/…"}')) → '{"url":"https://hooks.slack.com/…"}'
 */

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A sealed value that does not open: tampered with, truncated, or sealed under another AUTH_SECRET. */
export class SealedSecretError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SealedSecretError';
  }
}

export function sealSecret(plaintext: string, key: Buffer = derivedKey('contact-secrets')): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const parts = [iv, cipher.getAuthTag(), ciphertext].map((b) => b.toString('base64url'));
  return [VERSION, ...parts].join('.');
}

export function openSecret(sealed: string, key: Buffer = derivedKey('contact-secrets')): string {
  const [version, iv, tag, ciphertext, ...rest] = sealed.split('.');
  if (version !== VERSION || iv === undefined || tag === undefined || ciphertext === undefined || rest.length)
    throw new SealedSecretError(`not a ${VERSION} sealed secret; re-enter the contact method`);
  const ivBytes = Buffer.from(iv, 'base64url');
  const tagBytes = Buffer.from(tag, 'base64url');
  if (ivBytes.length !== IV_BYTES || tagBytes.length !== TAG_BYTES)
    throw new SealedSecretError('the sealed secret is truncated; re-enter the contact method');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, ivBytes);
    decipher.setAuthTag(tagBytes);
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
  } catch {
    throw new SealedSecretError(
      'the secret does not open: it was changed, or AUTH_SECRET changed since it was saved; re-enter the contact method',
    );
  }
}

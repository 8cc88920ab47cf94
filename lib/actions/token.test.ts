import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { type ActionToken, isFresh, signActionToken, verifyActionToken } from './token';

const key = Buffer.alloc(32, 7);
const otherKey = Buffer.alloc(32, 8);
const token: ActionToken = {
  action: 'ack',
  incidentId: 'cm1incident',
  userId: 'cm1user',
  status: 'open',
  issuedAt: 1_000_000,
  expiresAt: 1_086_400,
};

/** The token with one character of its payload or signature changed (kept base64url). */
function flip(text: string, part: 0 | 1): string {
  const parts = text.split('.');
  const s = parts[part] ?? '';
  const i = Math.floor(s.length / 2);
  parts[part] = s.slice(0, i) + (s[i] === 'A' ? 'B' : 'A') + s.slice(i + 1);
  return parts.join('.');
}

describe('action tokens', () => {
  const signed = signActionToken(token, key);

  it('a valid token verifies and carries what was signed', () => {
    expect(verifyActionToken(signed, 'ack', key, 1_000_100)).toEqual({ ok: true, token });
    expect(signed).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
  });

  it('a push notification’s token carries its channel under the signature: it cannot be added by hand', () => {
    const push = signActionToken({ ...token, sentBy: 'push' }, key);
    expect(verifyActionToken(push, 'ack', key, 1_000_100)).toEqual({
      ok: true,
      token: { ...token, sentBy: 'push' },
    });
    // The link token's payload with `"c":"push"` spliced in, under the link's own mac: tampered.
    const json = JSON.parse(Buffer.from(signed.split('.')[0] ?? '', 'base64url').toString());
    const forged = `${Buffer.from(JSON.stringify({ ...json, c: 'push' })).toString('base64url')}.${signed.split('.')[1]}`;
    expect(verifyActionToken(forged, 'ack', key, 1_000_100)).toEqual({ ok: false, reason: 'tampered' });
  });

  it('an expired token is refused, at its expiry second too', () => {
    expect(verifyActionToken(signed, 'ack', key, 1_086_400)).toEqual({ ok: false, reason: 'expired' });
    expect(verifyActionToken(signed, 'ack', key, 1_086_399).ok).toBe(true);
  });

  it('a tampered payload is refused', () => {
    expect(verifyActionToken(flip(signed, 0), 'ack', key, 1_000_100)).toEqual({
      ok: false,
      reason: 'tampered',
    });
    // A payload re-encoded for another user, with the original signature.
    const forged = signActionToken({ ...token, userId: 'cm1admin' }, key).split('.')[0];
    expect(verifyActionToken(`${forged}.${signed.split('.')[1]}`, 'ack', key, 1_000_100)).toEqual({
      ok: false,
      reason: 'tampered',
    });
  });

  it('a tampered signature, or one made with another key, is refused', () => {
    expect(verifyActionToken(flip(signed, 1), 'ack', key, 1_000_100)).toEqual({
      ok: false,
      reason: 'tampered',
    });
    expect(verifyActionToken(signed, 'ack', otherKey, 1_000_100)).toEqual({ ok: false, reason: 'tampered' });
  });

  it('a token for another action is refused', () => {
    expect(verifyActionToken(signed, 'open', key, 1_000_100)).toEqual({ ok: false, reason: 'wrong_action' });
    const silence = signActionToken({ ...token, action: 'silence' }, key);
    expect(verifyActionToken(silence, 'ack', key, 1_000_100)).toEqual({ ok: false, reason: 'wrong_action' });
  });

  it('malformed text is refused before any MAC is computed', () => {
    for (const text of ['', 'abc', 'a.b.c', `${signed}x`, `${'a'.repeat(600)}.${signed.split('.')[1]}`])
      expect(verifyActionToken(text, 'ack', key, 1_000_100)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('a correctly signed payload that is not ours is malformed', () => {
    const payload = Buffer.from(JSON.stringify({ v: 2, a: 'ack' })).toString('base64url');
    const mac = createHmac('sha256', key).update(payload).digest('base64url');
    expect(verifyActionToken(`${payload}.${mac}`, 'ack', key, 1_000_100)).toEqual({
      ok: false,
      reason: 'malformed',
    });
  });

  it('is fresh only within the window after issue', () => {
    expect(isFresh(token, 3600, 1_000_000 + 3599)).toBe(true);
    expect(isFresh(token, 3600, 1_000_000 + 3600)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { slackSignature, verifySlackSignature } from './slack-signature';

// Slack's documented example (api.slack.com/authentication/verifying-requests-from-slack).
const secret = '8f742231b10e8888abcd99yyyzzz85a5';
const timestamp = '1531420618';
const body =
  'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';
const signature = 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503';
const now = 1531420618 + 10;

describe('Slack request signatures', () => {
  it('computes the signature of Slack’s documented example', () => {
    expect(slackSignature(secret, timestamp, body)).toBe(signature);
  });

  it('accepts a valid signature', () => {
    expect(verifySlackSignature({ secret, timestamp, signature, body }, now)).toEqual({ ok: true });
  });

  it('refuses a bad signature, a changed body and another secret', () => {
    const bad = `${signature.slice(0, -1)}4`;
    expect(verifySlackSignature({ secret, timestamp, signature: bad, body }, now)).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
    expect(verifySlackSignature({ secret, timestamp, signature, body: `${body}&x=1` }, now).ok).toBe(false);
    expect(verifySlackSignature({ secret: 'other', timestamp, signature, body }, now).ok).toBe(false);
    expect(verifySlackSignature({ secret, timestamp, signature: 'v0=short', body }, now).ok).toBe(false);
  });

  it('refuses a timestamp more than five minutes old', () => {
    expect(verifySlackSignature({ secret, timestamp, signature, body }, 1531420618 + 301)).toEqual({
      ok: false,
      reason: 'stale',
    });
    expect(verifySlackSignature({ secret, timestamp, signature, body }, 1531420618 + 300).ok).toBe(true);
  });

  it('refuses a timestamp more than five minutes in the future', () => {
    expect(verifySlackSignature({ secret, timestamp, signature, body }, 1531420618 - 301)).toEqual({
      ok: false,
      reason: 'stale',
    });
  });

  it('refuses a request without the headers, or with a timestamp that is not a number', () => {
    expect(verifySlackSignature({ secret, timestamp: null, signature, body }, now)).toEqual({
      ok: false,
      reason: 'missing',
    });
    expect(verifySlackSignature({ secret, timestamp, signature: null, body }, now).ok).toBe(false);
    expect(verifySlackSignature({ secret, timestamp: '1e9', signature, body }, now).ok).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { signInErrorMessage } from './sign-in-messages';

describe('signInErrorMessage', () => {
  it('says nothing without an error, or for a wrong password (the form reports that)', () => {
    expect(signInErrorMessage(undefined)).toBeNull();
    expect(signInErrorMessage('CredentialsSignin')).toBeNull();
  });

  it.each([
    ['sso-email-unverified', 'has not verified your e-mail address'],
    ['sso-no-email', 'did not share an e-mail address'],
    ['sso-domain-not-allowed', 'e-mail domain may not sign in'],
    ['sso-group-not-allowed', 'not in a group or GitHub organisation allowed'],
    ['sso-account-disabled', 'account is disabled'],
    ['sso-provider-unavailable', 'read:org'],
  ])('explains %s', (code, text) => {
    expect(signInErrorMessage(code)).toContain(text);
  });

  it('never shows the text of the address bar back', () => {
    for (const code of ['Your account is locked, call +1 555 0100', 'AccessDenied', 'toString', ['a', 'b']])
      expect(signInErrorMessage(code)).toBe(
        'Sign-in failed. Try again, or ask an admin whether your account is enabled.',
      );
  });
});

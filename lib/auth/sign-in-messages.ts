import type { SsoRefusal } from './sso-policy';

/**
 * What the sign-in page says for `/signin?error=<code>`: Vigil's own refusals (lib/auth/sso-policy.ts)
 * each say what to do next; Auth.js's codes and anything else get one general message, so text typed
 * into the address bar is never shown back as if Vigil had said it.
 */
const REFUSALS: Record<SsoRefusal, string> = {
  'sso-no-email':
    'Your sign-in provider did not share an e-mail address, and Vigil knows people by e-mail. Add one to that account (on GitHub, a primary e-mail), then sign in again.',
  'sso-email-unverified':
    'Your sign-in provider has not verified your e-mail address, so Vigil cannot tell it is yours. Verify the address there, then sign in again.',
  'sso-domain-not-allowed':
    'Your e-mail domain may not sign in to Vigil. Sign in with your work account, or ask an admin.',
  'sso-group-not-allowed':
    'Your account is not in a group or GitHub organisation allowed to use Vigil. Ask an admin to add you.',
  'sso-account-disabled': 'Your Vigil account is disabled. Ask an admin to enable it.',
  'sso-provider-unavailable':
    'Vigil could not check your account with the sign-in provider (e-mail or memberships). Try again; if it keeps failing, ask an admin to check that Vigil may read organisation membership (GitHub scope read:org).',
};

/**
 * The message for an `error` query parameter, or null when none should show (no error, or a wrong
 * password, which the form reports itself).
 *
 *   signInErrorMessage('sso-account-disabled') → 'Your Vigil account is disabled. Ask an admin to enable it.'
 *   signInErrorMessage('AccessDenied')         → 'Sign-in failed. Try again, or ask an admin …'
 */
export function signInErrorMessage(code: string | string[] | undefined): string | null {
  if (code === undefined || code === 'CredentialsSignin') return null;
  if (typeof code === 'string' && Object.hasOwn(REFUSALS, code)) return REFUSALS[code as SsoRefusal];
  return 'Sign-in failed. Try again, or ask an admin whether your account is enabled.';
}

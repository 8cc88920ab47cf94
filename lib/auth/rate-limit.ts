/**
 * Failed sign-ins are limited per e-mail (against guessing one account's password) and per client
 * address (against trying many accounts). Pure: the caller counts failures in the window.
 */
export const SIGN_IN_WINDOW_MINUTES = 15;
const MAX_FAILURES_PER_EMAIL = 5;
const MAX_FAILURES_PER_IP = 20;

export function signInBlocked(failures: { email: number; ip: number }): boolean {
  return failures.email >= MAX_FAILURES_PER_EMAIL || failures.ip >= MAX_FAILURES_PER_IP;
}

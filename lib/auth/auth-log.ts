import 'server-only';
import { CredentialsSignin, type NextAuthConfig } from 'next-auth';
import { log } from '@/lib/log';

/** Auth.js errors that mean a session cookie could not be read (forged, truncated, signed with an old secret). */
const INVALID_SESSION = new Set(['JWTSessionError', 'SessionTokenError']);

/** The message of an error's cause, which Auth.js keeps in `cause.err`, without its stack. */
function causeOf(error: Error): string | undefined {
  const cause = error.cause;
  if (cause instanceof Error) return `${cause.name}: ${cause.message}`;
  if (cause && typeof cause === 'object' && 'err' in cause && cause.err instanceof Error)
    return `${cause.err.name}: ${cause.err.message}`;
  return undefined;
}

/**
 * Auth.js's logger, routed to the JSON log: one line per error or warning instead of Auth.js's
 * multi-line stack traces. `debug` is left out on purpose: giving Auth.js one turns its debug output on,
 * and that output holds request bodies (passwords).
 */
export const authLogger: NonNullable<NextAuthConfig['logger']> = {
  error(error) {
    // A failed password sign-in was logged once already, with its address (logSignInFailure).
    if (error instanceof CredentialsSignin) return;
    const type = 'type' in error && typeof error.type === 'string' ? error.type : error.name;
    const event = INVALID_SESSION.has(type) ? 'session_invalid' : 'auth_error';
    log.warn({ event, type, cause: causeOf(error) }, error.message);
  },
  warn(code) {
    log.warn({ event: 'auth_warning', code }, `Auth.js warning ${code}`);
  },
};

/** One line per failed password sign-in: who was tried, from where, and why it failed. */
export function logSignInFailure(fields: {
  email: string | null;
  ip: string;
  reason: 'invalid' | 'rate_limited' | 'malformed';
}): void {
  log.warn({ event: 'sign_in_failed', ...fields }, 'sign-in failed');
}

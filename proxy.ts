import { type NextRequest, NextResponse } from 'next/server';
import { safeCallbackPath } from '@/lib/auth/safe-callback';
import { env } from '@/lib/env';
import { newNonce, pageContentSecurityPolicy } from '@/lib/http/security-headers';

/** Pages anyone may open: sign-in, and the pages of signed action links (app/a/[token]). */
const OPEN_PAGE = /^\/(signin|a\/)/;

/**
 * Runs before every page (not the APIs, /metrics or static files: see the matcher):
 * - gives the page a Content-Security-Policy with a nonce of its own (lib/http/security-headers.ts).
 *   Next reads the nonce from the request's header set here and puts it on its scripts; the answer
 *   carries the same policy. The headers every answer shares come from next.config.js.
 * - sends signed-out visitors to the sign-in page before rendering. Only the presence of the session
 *   cookie is checked here; pages, route handlers and the data layer verify the session (and API
 *   tokens) themselves, so this is a convenience, not the security boundary.
 */
export function proxy(request: NextRequest) {
  const policy = pageContentSecurityPolicy({
    nonce: newNonce(),
    // Next takes the protocol from X-Forwarded-Proto, as next.config.js does for HSTS.
    https: request.nextUrl.protocol === 'https:',
    dev: env().NODE_ENV === 'development',
  });
  const hasSession =
    request.cookies.has('authjs.session-token') || request.cookies.has('__Secure-authjs.session-token');
  const response =
    hasSession || OPEN_PAGE.test(request.nextUrl.pathname) ? render(request, policy) : toSignIn(request);
  response.headers.set('content-security-policy', policy);
  return response;
}

function render(request: NextRequest, policy: string): NextResponse {
  const headers = new Headers(request.headers);
  headers.set('content-security-policy', policy);
  return NextResponse.next({ request: { headers } });
}

function toSignIn(request: NextRequest): NextResponse {
  const url = new URL('/signin', request.url);
  url.searchParams.set('callbackUrl', safeCallbackPath(request.nextUrl.pathname + request.nextUrl.search));
  return NextResponse.redirect(url);
}

export const config = {
  // Pages only. Not the APIs and /metrics: they answer 401 themselves, and a proxy would make Next copy
  // every request body (up to 10 MB) before route() can refuse it. Not Next's static files, nor the
  // icon (app/icon.svg): the sign-in page shows it before anyone has a session. Nor the PWA's files:
  // browsers fetch the manifest without cookies, and the service worker script and icons must not be
  // swapped for a sign-in redirect (a redirected service worker script is refused).
  matcher: ['/((?!api/|metrics|_next/|favicon\\.ico|icon\\.svg|manifest\\.webmanifest|sw\\.js|icons/).*)'],
};

import { type NextRequest, NextResponse } from 'next/server';

/**
 * Sends signed-out visitors of any page to the sign-in page before rendering. Only the presence of the
 * session cookie is checked here; pages, route handlers and the data layer verify the session (and API
 * tokens) themselves, so this is a convenience, not the security boundary.
 */
export function proxy(request: NextRequest) {
  const hasSession =
    request.cookies.has('authjs.session-token') || request.cookies.has('__Secure-authjs.session-token');
  if (hasSession) return NextResponse.next();
  const url = new URL('/signin', request.url);
  url.searchParams.set('callbackUrl', request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.redirect(url);
}

export const config = {
  // Everything but the sign-in page, the APIs (which answer 401 themselves), /metrics and static files.
  matcher: ['/((?!signin|api/|metrics|_next/|favicon\\.ico).*)'],
};

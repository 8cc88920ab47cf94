/**
 * Where to send someone after signing in, when the target comes from input anyone can put in a link
 * (`/signin?callbackUrl=…`, the sign-in form, Auth.js's callback-url cookie). Client-safe: no imports.
 *
 * Checking the text by eye misses what browsers do: they resolve a Location header with the WHATWG URL
 * parser, which drops tabs and newlines anywhere and reads `\` as `/` in the path, so "/\evil.example" and
 * "/\t/evil.example" both become "//evil.example", another site. So the candidate is resolved with that
 * same parser, and only a path on this site survives, normalised (tabs gone, `\` turned into `/`), so the
 * browser reads exactly what was checked. Everything else becomes "/".
 */

// Any origin works: only whether the candidate keeps it matters. `.invalid` can never be a real host.
const PLACEHOLDER_ORIGIN = 'https://vigil.invalid';

/**
 * A same-origin path to redirect to, or "/".
 *
 *   safeCallbackPath('/alerts?severity=critical') → '/alerts?severity=critical'
 *   safeCallbackPath('/\\evil.example')           → '/'
 *   safeCallbackPath('/%09/evil.example' decoded)  → '/'
 *   safeCallbackPath('https://evil.example/')     → '/'
 *   safeCallbackPath(['/a', '/b'])                → '/'   (a repeated query parameter)
 */
export function safeCallbackPath(candidate: unknown): string {
  // Only a path: not a URL with a scheme, not "//host", not text that merely contains a path.
  if (typeof candidate !== 'string' || !candidate.startsWith('/')) return '/';
  let url: URL;
  try {
    url = new URL(candidate, PLACEHOLDER_ORIGIN);
  } catch {
    return '/';
  }
  const path = url.pathname + url.search + url.hash;
  // "/.//evil.example" stays on this site, but its normalised path "//evil.example" would not when the
  // browser resolves it again: a path must not start with two slashes.
  if (url.origin !== PLACEHOLDER_ORIGIN || path.startsWith('//')) return '/';
  return path;
}

/**
 * Auth.js's `redirect` callback: it hands over either a path or an absolute URL (its callback-url
 * cookie holds the absolute URL this returned earlier in an OAuth round trip), and needs an absolute
 * URL back. A URL on `baseUrl`'s origin keeps its path; anything else lands on the start page.
 *
 *   safeCallbackUrl('/alerts', 'https://vigil.example')                    → 'https://vigil.example/alerts'
 *   safeCallbackUrl('https://vigil.example/silences', 'https://vigil.example') → 'https://vigil.example/silences'
 *   safeCallbackUrl('https://evil.example/', 'https://vigil.example')       → 'https://vigil.example/'
 */
export function safeCallbackUrl(url: string, baseUrl: string): string {
  const base = new URL(baseUrl);
  let path: string = url;
  if (!url.startsWith('/')) {
    const absolute = URL.canParse(url) ? new URL(url) : undefined;
    path = absolute?.origin === base.origin ? absolute.pathname + absolute.search + absolute.hash : '/';
  }
  return new URL(safeCallbackPath(path), base.origin).href;
}

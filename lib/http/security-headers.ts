/**
 * A page's Content-Security-Policy, set by proxy.ts with a nonce made per request (Next learns the nonce
 * only from the request header the proxy sets, and puts it on its own scripts). The fixed headers of
 * every answer (nosniff, frame and referrer rules, HSTS over https, the APIs' policy) are in
 * next.config.js `headers()`, which says why they are not set here.
 */

/**
 * A page's Content-Security-Policy. Scripts: only those carrying the nonce (Next's own), and what they
 * load (`'strict-dynamic'`): no `'unsafe-inline'`, so an injected `<script>` never runs; `next dev`
 * also needs `'unsafe-eval'` (React rebuilds server error stacks with eval) and inline `<style>`. Styles: stylesheets and
 * `<style>` elements need the nonce too, but React writes `style` attributes (chart sizes, tooltip
 * positions) that no nonce can cover, so `style-src-attr` alone allows inline attributes; a style
 * attribute cannot run code. Images: our own, `data:` and `blob:` only, so nothing on a page can tell a
 * third party who read it. No `form-action`: Chrome applies it to the redirects after a form post, and
 * the GitHub/OIDC sign-in buttons post a form that redirects to the provider. Workers and the manifest:
 * our own only.
 *
 *   pageContentSecurityPolicy({ nonce: 'abc', https: false })
 *     → "default-src 'self'; script-src 'self' 'nonce-abc' 'strict-dynamic'; style-src 'self' 'nonce-abc'; …"
 */
export function pageContentSecurityPolicy({
  nonce,
  https,
  dev = false,
}: {
  nonce: string;
  /** Over https, plain-http subresources are upgraded rather than loaded in the clear. */
  https: boolean;
  dev?: boolean;
}): string {
  return [
    "default-src 'self'",
    // First of the script directives: Next takes the nonce from the first one starting `script-src`.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    // next dev injects the CSS it hot-reloads as <style> elements without the nonce (and a nonce in the
    // list would disable 'unsafe-inline'), as Next's CSP guide shows.
    `style-src 'self' ${dev ? "'unsafe-inline'" : `'nonce-${nonce}'`}`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    // The service worker (public/sw.js) and the web app manifest come from the console itself. Workers
    // fall back to script-src, where 'strict-dynamic' ignores 'self': registration needs its own rule.
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
    ...(https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

/** A fresh nonce: 128 random bits in base64 (the characters Next's nonce pattern accepts). */
export function newNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

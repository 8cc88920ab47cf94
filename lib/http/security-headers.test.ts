import type { NextConfig } from 'next';
import { NextRequest } from 'next/server';
import { describe, expect, it, vi } from 'vitest';
import { newNonce, pageContentSecurityPolicy } from './security-headers';

/**
 * The headers every answer carries (next.config.js) and each page's nonce-based policy (proxy.ts), read
 * as text and through the two places that set them.
 */

await vi.hoisted(async () => (await import('@/lib/testing/route-harness')).setRouteEnv());

const { proxy } = await import('@/proxy');
// next.config.js is plain JavaScript (the product card fixes its name): typed here by its contract.
const configPath: string = '../../next.config.js';
const { default: nextConfig } = (await import(configPath)) as { default: NextConfig };

/** The directives of a policy, by name: `{'script-src': ["'self'", …]}`. */
const directives = (policy: string) =>
  Object.fromEntries(
    policy.split(';').map((d) => {
      const [name = '', ...sources] = d.trim().split(/\s+/);
      return [name, sources];
    }),
  );

/** How Next finds the nonce it puts on its scripts (app-render/get-script-nonce-from-header.ts). */
const nonceNextReads = (policy: string) =>
  policy
    .split(';')
    .map((d) => d.trim())
    .find((d) => d.startsWith('script-src'))
    ?.split(/\s+/)
    .map((s) => /^'nonce-([A-Za-z0-9+/_-]+={0,2})'$/.exec(s)?.[1])
    .find(Boolean);

describe('pageContentSecurityPolicy', () => {
  const page = directives(pageContentSecurityPolicy({ nonce: 'bm9uY2U=', https: false }));

  it('runs only scripts carrying the nonce, never inline ones', () => {
    expect(page['script-src']).toEqual(["'self'", "'nonce-bm9uY2U='", "'strict-dynamic'"]);
    expect(nonceNextReads(pageContentSecurityPolicy({ nonce: 'bm9uY2U=', https: false }))).toBe('bm9uY2U=');
    expect(page['default-src']).toEqual(["'self'"]);
    expect(page['object-src']).toEqual(["'none'"]);
  });

  it('allows inline style attributes only, not inline <style> without the nonce', () => {
    expect(page['style-src']).toEqual(["'self'", "'nonce-bm9uY2U='"]);
    expect(page['style-src-attr']).toEqual(["'unsafe-inline'"]);
  });

  it('may not be framed, and loads images from Vigil only', () => {
    expect(page['frame-ancestors']).toEqual(["'none'"]);
    expect(page['img-src']).toEqual(["'self'", 'data:', 'blob:']);
    expect(page['worker-src']).toEqual(["'self'"]);
    expect(page['manifest-src']).toEqual(["'self'"]);
  });

  it("adds 'unsafe-eval' and inline <style> for next dev only, and upgrades http subresources only over https", () => {
    expect(page['script-src']).not.toContain("'unsafe-eval'");
    expect(page).not.toHaveProperty('upgrade-insecure-requests');
    const dev = directives(pageContentSecurityPolicy({ nonce: 'bm9uY2U=', https: true, dev: true }));
    expect(dev['script-src']).toContain("'unsafe-eval'");
    expect(page['style-src']).not.toContain("'unsafe-inline'");
    expect(dev['style-src']).toEqual(["'self'", "'unsafe-inline'"]);
    expect(dev).toHaveProperty('upgrade-insecure-requests');
  });
});

describe('newNonce', () => {
  it('is 128 random bits in the characters Next accepts, new each time', () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) {
      expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      expect(nonceNextReads(pageContentSecurityPolicy({ nonce, https: false }))).toBe(nonce);
    }
  });
});

describe('proxy', () => {
  const visit = (path: string, cookie?: string) =>
    proxy(
      new NextRequest(`http://vigil.test${path}`, {
        headers: cookie ? { cookie: `authjs.session-token=${cookie}` } : {},
      }),
    );

  it('gives a page a policy with a fresh nonce, and hands Next the same policy to read it from', () => {
    const first = visit('/alerts', 'x');
    const policy = first.headers.get('content-security-policy') ?? '';
    expect(nonceNextReads(policy)).toBeTruthy();
    // NextResponse.next({request: {headers}}) passes request headers to Next under this prefix.
    expect(first.headers.get('x-middleware-request-content-security-policy')).toBe(policy);
    expect(nonceNextReads(visit('/alerts', 'x').headers.get('content-security-policy') ?? '')).not.toBe(
      nonceNextReads(policy),
    );
  });

  it('sets the policy on the sign-in page and on the redirect to it', () => {
    expect(visit('/signin').headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    const away = visit('/incidents');
    expect(away.status).toBe(307);
    expect(away.headers.get('location')).toBe('http://vigil.test/signin?callbackUrl=%2Fincidents');
    expect(away.headers.get('content-security-policy')).toContain("'strict-dynamic'");
  });
});

describe('next.config headers()', () => {
  const rules = async () => (await nextConfig.headers?.()) ?? [];
  const headersOf = async (source: string, has = false) =>
    Object.fromEntries(
      (await rules())
        .filter((r) => r.source === source && Boolean(r.has) === has)
        .flatMap((r) => r.headers.map((h) => [h.key, h.value])),
    );

  it('sets the fixed headers on every answer', async () => {
    expect(await headersOf('/:path*')).toEqual({
      'X-Content-Type-Options': 'nosniff',
      'X-Frame-Options': 'DENY',
      'Referrer-Policy': 'strict-origin-when-cross-origin',
    });
  });

  it('sends HSTS only when the request came over https', async () => {
    const hsts = (await rules()).find((r) => r.headers.some((h) => h.key === 'Strict-Transport-Security'));
    expect(hsts?.has).toEqual([{ type: 'header', key: 'x-forwarded-proto', value: '.*https.*' }]);
  });

  it('gives the APIs and /metrics a policy that loads and runs nothing, and pages none (the proxy sets it)', async () => {
    const apiPolicy = String((await headersOf('/metrics'))['Content-Security-Policy']);
    for (const source of ['/api/:path*', '/metrics'])
      expect(await headersOf(source)).toEqual({ 'Content-Security-Policy': apiPolicy });
    expect(directives(apiPolicy)).toMatchObject({
      'default-src': ["'none'"],
      'frame-ancestors': ["'none'"],
    });
    expect(await headersOf('/:path*')).not.toHaveProperty('Content-Security-Policy');
  });
});

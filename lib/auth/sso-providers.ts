import 'server-only';
import type { Provider } from 'next-auth/providers';
import GitHub from 'next-auth/providers/github';
import type { Env } from '@/lib/env';

/**
 * The GitHub and OIDC providers the environment configures, each only when all its variables are set
 * (an OIDC provider without an issuer breaks every auth route). `githubUrl` points GitHub at another
 * server (GitHub Enterprise's layout: `<url>/login/oauth/…`, API under `<url>/api/v3`); tests use it.
 */
export function ssoProviders(e: Env, githubUrl?: string): Provider[] {
  const providers: Provider[] = [];
  if (e.AUTH_GITHUB_ID && e.AUTH_GITHUB_SECRET)
    providers.push(
      GitHub({
        clientId: e.AUTH_GITHUB_ID,
        clientSecret: e.AUTH_GITHUB_SECRET,
        // read:org lists private organisation and team memberships for the allow-list and role mapping.
        authorization: { params: { scope: 'read:user user:email read:org' } },
        ...(githubUrl ? { enterprise: { baseUrl: githubUrl } } : {}),
      }),
    );
  if (e.AUTH_OIDC_ISSUER && e.AUTH_OIDC_ID && e.AUTH_OIDC_SECRET)
    providers.push({
      id: 'oidc',
      name: e.AUTH_OIDC_NAME,
      type: 'oidc',
      issuer: e.AUTH_OIDC_ISSUER,
      clientId: e.AUTH_OIDC_ID,
      clientSecret: e.AUTH_OIDC_SECRET,
    });
  return providers;
}

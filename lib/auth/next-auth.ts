import 'server-only';
import NextAuth, { CredentialsSignin, type NextAuthConfig } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import GitHub from 'next-auth/providers/github';
import { z } from 'zod';
import { env } from '@/lib/env';
import { userForExternalSignIn, verifyCredentials } from './users';

class RateLimitedSignIn extends CredentialsSignin {
  override code = 'rate_limited';
}

const credentialsSchema = z.object({ email: z.email(), password: z.string().min(1).max(1024) });

/** The client address for the sign-in rate limit (the first X-Forwarded-For hop when behind a proxy). */
function clientIp(request: Request): string {
  return (
    request.headers.get('x-forwarded-for')?.split(',')[0]?.trim() ||
    request.headers.get('x-real-ip') ||
    'local'
  );
}

/**
 * Auth.js configuration, built lazily so nothing reads the environment at build time. Credentials need
 * JWT sessions; GitHub and OIDC are registered only when configured (an OIDC provider without an
 * issuer breaks every auth route). The token carries only the user id: the role is read from the
 * database on every request (lib/auth.ts), so a role change or a disabled account applies at once.
 */
function config(): NextAuthConfig {
  const e = env();
  const providers: NextAuthConfig['providers'] = [
    Credentials({
      credentials: { email: { label: 'E-mail' }, password: { label: 'Password', type: 'password' } },
      async authorize(raw, request) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        const result = await verifyCredentials(parsed.data.email, parsed.data.password, clientIp(request));
        if (!result.ok && result.reason === 'rate_limited') throw new RateLimitedSignIn();
        return result.ok ? { id: result.user.id, email: result.user.email, name: result.user.name } : null;
      },
    }),
  ];
  if (e.AUTH_GITHUB_ID && e.AUTH_GITHUB_SECRET)
    providers.push(GitHub({ clientId: e.AUTH_GITHUB_ID, clientSecret: e.AUTH_GITHUB_SECRET }));
  if (e.AUTH_OIDC_ISSUER && e.AUTH_OIDC_ID && e.AUTH_OIDC_SECRET)
    providers.push({
      id: 'oidc',
      name: e.AUTH_OIDC_NAME,
      type: 'oidc',
      issuer: e.AUTH_OIDC_ISSUER,
      clientId: e.AUTH_OIDC_ID,
      clientSecret: e.AUTH_OIDC_SECRET,
    });

  return {
    secret: e.AUTH_SECRET,
    trustHost: true,
    session: { strategy: 'jwt', maxAge: 7 * 24 * 3600 },
    pages: { signIn: '/signin', error: '/signin' },
    providers,
    callbacks: {
      async signIn({ user, account }) {
        if (!account || account.provider === 'credentials') return true;
        if (!user.email) return false;
        const local = await userForExternalSignIn(user.email, user.name ?? null, e.VIGIL_OIDC_DEFAULT_ROLE);
        if (!local) return false;
        user.id = local.id;
        return true;
      },
      jwt({ token, user }) {
        if (user?.id) token.uid = user.id;
        return token;
      },
      session({ session, token }) {
        if (typeof token.uid === 'string') session.user.id = token.uid;
        return session;
      },
    },
  };
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => config());

/** Provider ids and names offered on the sign-in page besides e-mail and password. */
export function externalProviders(): { id: string; name: string }[] {
  const e = env();
  return [
    ...(e.AUTH_GITHUB_ID && e.AUTH_GITHUB_SECRET ? [{ id: 'github', name: 'GitHub' }] : []),
    ...(e.AUTH_OIDC_ISSUER && e.AUTH_OIDC_ID && e.AUTH_OIDC_SECRET
      ? [{ id: 'oidc', name: e.AUTH_OIDC_NAME }]
      : []),
  ];
}

import 'server-only';
import NextAuth, { CredentialsSignin, type NextAuthConfig } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { z } from 'zod';
import { env } from '@/lib/env';
import { authLogger, logSignInFailure } from './auth-log';
import { requestClientAddress } from './client-address';
import { externalSignIn, ssoPolicy } from './external-sign-in';
import { safeCallbackUrl } from './safe-callback';
import { ssoProviders } from './sso-providers';
import { verifyCredentials } from './users';

class RateLimitedSignIn extends CredentialsSignin {
  override code = 'rate_limited';
}

const credentialsSchema = z.object({ email: z.email(), password: z.string().min(1).max(1024) });

/** The client address for the sign-in limits; requests without one share a single bucket. */
const clientIp = (request: Request): string => requestClientAddress(request.headers) ?? 'unknown';

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
        const ip = clientIp(request);
        const parsed = credentialsSchema.safeParse(raw);
        // No e-mail logged for malformed input: the field may hold a mistyped password.
        if (!parsed.success) {
          logSignInFailure({ email: null, ip, reason: 'malformed' });
          return null;
        }
        const result = await verifyCredentials(parsed.data.email, parsed.data.password, ip);
        if (result.ok) return { id: result.user.id, email: result.user.email, name: result.user.name };
        logSignInFailure({ email: parsed.data.email, ip, reason: result.reason });
        if (result.reason === 'rate_limited') throw new RateLimitedSignIn();
        return null;
      },
    }),
    ...ssoProviders(e),
  ];

  return {
    secret: e.AUTH_SECRET,
    trustHost: true,
    logger: authLogger,
    session: { strategy: 'jwt', maxAge: 7 * 24 * 3600 },
    pages: { signIn: '/signin', error: '/signin' },
    providers,
    callbacks: {
      // The same rule as the sign-in page and action (Auth.js's default accepts any text starting with "/").
      redirect: ({ url, baseUrl }) => safeCallbackUrl(url, baseUrl),
      signIn: externalSignIn(ssoPolicy(e)),
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

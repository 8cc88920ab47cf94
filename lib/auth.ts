import 'server-only';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { z } from 'zod';
import { db } from '@/lib/db';
import { UnauthorizedError } from '@/lib/errors';
import { type Actor, assertRole } from './auth/actor';
import { bearerToken, hashApiToken } from './auth/api-token';
import { requestClientAddress } from './auth/client-address';
import { auth } from './auth/next-auth';
import { hasRole, ROLES, type Role } from './auth/roles';
import { activeUser, type SessionUser } from './auth/users';

/**
 * Who is calling, and may they? The one place that answers, used by pages, route handlers, server
 * actions and the data layer alike. A request is authenticated by an API token
 * (`Authorization: Bearer vgl_…`) or by the Auth.js session cookie.
 */

export type { Actor } from './auth/actor';
export { assertRole } from './auth/actor';

async function userFromToken(secret: string): Promise<SessionUser | undefined> {
  // Raw SQL on this per-request path: Prisma's query compiler spends 3–7 ms of main-thread CPU on a
  // findUnique with an include, about three times this query (lib/incidents/bulk-insert.ts says why).
  const [token] = await db().$queryRaw<TokenRow[]>`
    SELECT t.id, t.last_used_at AS "lastUsedAt", t.expires_at AS "expiresAt", t.revoked_at AS "revokedAt",
      u.id AS "userId", u.email, u.name, u.role::text AS role, u.disabled_at AS "disabledAt"
    FROM api_tokens t JOIN users u ON u.id = t.user_id
    WHERE t.token_hash = ${hashApiToken(secret)}`;
  if (!token || token.revokedAt || (token.expiresAt && token.expiresAt < new Date()) || token.disabledAt)
    return undefined;
  // Recording every use would write on every request; once a minute is enough to show "last used".
  if (!token.lastUsedAt || Date.now() - token.lastUsedAt.getTime() > 60_000)
    await db()
      .$executeRaw`UPDATE api_tokens SET last_used_at = ${new Date().toISOString()}::timestamp(3) WHERE id = ${token.id}`;
  return { id: token.userId, email: token.email, name: token.name, role: z.enum(ROLES).parse(token.role) };
}

type TokenRow = {
  id: string;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
  userId: string;
  email: string;
  name: string | null;
  role: string;
  disabledAt: Date | null;
};

/**
 * The caller behind these request headers, or undefined. Auth.js is asked only when a session cookie is
 * there (also chunked, or `__Secure-` over HTTPS): a call without credentials costs no session decode.
 */
async function actorFromHeaders(h: Pick<Headers, 'get'>): Promise<Actor | undefined> {
  const ip = requestClientAddress(h);
  const authorization = h.get('authorization');
  if (authorization) {
    const secret = bearerToken(authorization);
    const user = secret ? await userFromToken(secret) : undefined;
    // A bad token is refused outright rather than falling back to a cookie the caller did not mean to use.
    return user ? { ...user, via: 'token', ip } : undefined;
  }
  if (!h.get('cookie')?.includes('authjs.session-token')) return undefined;
  const session = await auth();
  const user = session?.user?.id ? await activeUser(session.user.id) : undefined;
  return user ? { ...user, via: 'session', ip } : undefined;
}

/** The caller of this request, or undefined. Cached per request. */
export const currentActor = cache(async (): Promise<Actor | undefined> => actorFromHeaders(await headers()));

/** The caller of a route handler's request (lib/api/route.ts), read from the request itself. */
export const requestActor = (request: Request): Promise<Actor | undefined> =>
  actorFromHeaders(request.headers);

/** For route handlers and the data layer: the caller, or UnauthorizedError (→ 401). */
export async function requireActor(role: Role = 'viewer'): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) throw new UnauthorizedError();
  assertRole(actor, role);
  return actor;
}

/**
 * For pages: the signed-in user, or a redirect to the sign-in page; a user without `role` goes to the
 * overview, which says why (`?forbidden=<role>`, components/shell/forbidden-notice.tsx).
 */
export async function requirePageUser(role: Role = 'viewer'): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect('/signin');
  if (!hasRole(actor.role, role)) redirect(`/?forbidden=${role}`);
  return actor;
}

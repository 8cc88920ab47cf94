import 'server-only';
import { audit } from '@/lib/audit';
// The actor module, not lib/auth: that one reads the request (next/headers, Auth.js), and `npm run user`
// calls updateUser outside any request.
import { type Actor, assertRole, type CliOperator } from '@/lib/auth/actor';
import { generateApiToken } from '@/lib/auth/api-token';
import type { Role } from '@/lib/auth/roles';
import { config } from '@/lib/config/current';
import { db } from '@/lib/db';
import { ForbiddenError, NotFoundError, ValidationError } from '@/lib/errors';
import type { CreateTokenInput, TokenRow, UpdateUserInput, UserRow } from './api-schema';

/**
 * Data access for users and API tokens. Every function checks the caller's role itself (defence in
 * depth: routes check it first, server actions rely on it) and takes input its caller parsed with the
 * schemas of ./api-schema.ts; it answers the shapes of those schemas.
 */

export async function listUsers(actor: Actor): Promise<UserRow[]> {
  assertRole(actor, 'admin');
  const users = await db().user.findMany({ orderBy: { email: 'asc' } });
  return users.map((u) => ({
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    disabled: Boolean(u.disabledAt),
  }));
}

/**
 * A new role, and/or the account disabled or enabled again, in one transaction. A disabled user cannot
 * sign in, and their sessions and tokens stop at the next request (lib/auth.ts reads disabled_at every
 * time); escalation skips them. Nobody demotes or disables themselves: an admin could lock every admin out.
 * `npm run user` (a CliOperator) is no account and needs no role: it is how one gets back in. Answers
 * what changed, so a caller can say "already disabled" (asking for the current state changes nothing and
 * audits nothing).
 */
export async function updateUser(
  actor: Actor | CliOperator,
  { userId, role, disabled }: UpdateUserInput,
): Promise<{ email: string; changed: ('role' | 'disabled')[] }> {
  if (actor.via !== 'cli') {
    assertRole(actor, 'admin');
    if (userId === actor.id && role !== undefined && role !== 'admin')
      throw new ForbiddenError('You cannot remove your own admin role; ask another admin.');
    if (userId === actor.id && disabled)
      throw new ForbiddenError('You cannot disable your own account; ask another admin.');
  }
  return db().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId } });
    if (!user) throw new NotFoundError('No such user.');
    const changed: ('role' | 'disabled')[] = [];
    if (role !== undefined && role !== user.role) {
      await tx.user.update({ where: { id: userId }, data: { role } });
      await audit(tx, actor, 'user.role_changed', user.email, { from: user.role, to: role });
      changed.push('role');
    }
    if (disabled !== undefined && disabled !== (user.disabledAt !== null)) {
      await tx.user.update({ where: { id: userId }, data: { disabledAt: disabled ? new Date() : null } });
      await audit(tx, actor, disabled ? 'user.disabled' : 'user.enabled', user.email, {});
      changed.push('disabled');
    }
    return { email: user.email, changed };
  });
}

/**
 * `npm run user -- create`: a new account and its audit entry (`user.created`, with the role) in one
 * transaction. Only the command line creates accounts with a password (SSO creates its own on first
 * sign-in), and an admin made there must leave a trace like one promoted on /admin. A taken e-mail is
 * Prisma's P2002, which the command reports.
 */
export async function createUser(
  operator: CliOperator,
  input: { email: string; role: Role; name?: string; passwordHash: string },
): Promise<{ email: string; role: Role }> {
  return db().$transaction(async (tx) => {
    const user = await tx.user.create({
      data: {
        email: input.email.toLowerCase(),
        role: input.role,
        name: input.name,
        passwordHash: input.passwordHash,
      },
    });
    await audit(tx, operator, 'user.created', user.email, { role: user.role });
    return { email: user.email, role: user.role };
  });
}

/** `npm run user -- set-password`: the new hash and its audit entry (`user.password_set`) together. */
export async function setPassword(
  operator: CliOperator,
  { email, passwordHash }: { email: string; passwordHash: string },
): Promise<void> {
  await db().$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({
      where: { email: email.toLowerCase() },
      data: { passwordHash },
    });
    if (count === 0)
      throw new NotFoundError(`no user with the e-mail ${email} (npm run user -- list shows them)`);
    await audit(tx, operator, 'user.password_set', email.toLowerCase(), {});
  });
}

/** Tokens the caller may see: an admin sees all, others their own. */
export async function listTokens(actor: Actor): Promise<TokenRow[]> {
  assertRole(actor, 'viewer');
  const tokens = await db().apiToken.findMany({
    where: actor.role === 'admin' ? {} : { userId: actor.id },
    include: { user: { select: { email: true } } },
    orderBy: { createdAt: 'desc' },
  });
  return tokens.map((t) => ({
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    userEmail: t.user.email,
    createdAt: t.createdAt.toISOString(),
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
    expiresAt: t.expiresAt?.toISOString() ?? null,
    revokedAt: t.revokedAt?.toISOString() ?? null,
  }));
}

/**
 * Creates an API token and returns its secret, which is shown once and never stored. API tokens are for
 * automation that acts (acknowledging, silencing), so they need the responder role. Only a signed-in
 * person creates them: a token that could mint tokens would outlive its own revocation through its
 * children. Every token expires, after `apiTokens.defaultExpiryDays` of VIGIL_CONFIG (90) or fewer days
 * when the caller asks.
 */
export async function createApiToken(
  actor: Actor,
  { name, userId, expiresInDays }: CreateTokenInput,
): Promise<{ id: string; secret: string }> {
  assertRole(actor, 'responder');
  if (actor.via !== 'session')
    throw new ForbiddenError(
      'An API token cannot create API tokens; sign in to the console and create the token there (Tokens page).',
    );
  const { defaultExpiryDays } = config().apiTokens;
  if (expiresInDays !== undefined && expiresInDays > defaultExpiryDays)
    throw new ValidationError(
      `A token lives at most ${defaultExpiryDays} days here (apiTokens.defaultExpiryDays in VIGIL_CONFIG).`,
      { expiresInDays: `must be at most ${defaultExpiryDays} days` },
    );
  const ownerId = userId ?? actor.id;
  if (ownerId !== actor.id) assertRole(actor, 'admin');
  const { secret, hash, prefix } = generateApiToken();
  const id = await db().$transaction(async (tx) => {
    const owner = await tx.user.findUnique({ where: { id: ownerId } });
    if (!owner) throw new NotFoundError('No such user.');
    const token = await tx.apiToken.create({
      data: {
        name,
        userId: ownerId,
        tokenHash: hash,
        prefix,
        expiresAt: new Date(Date.now() + (expiresInDays ?? defaultExpiryDays) * 86_400_000),
      },
    });
    await audit(tx, actor, 'api_token.created', owner.email, { tokenId: token.id, name, prefix });
    return token.id;
  });
  return { id, secret };
}

export async function revokeApiToken(actor: Actor, tokenId: string): Promise<void> {
  assertRole(actor, 'viewer');
  await db().$transaction(async (tx) => {
    const token = await tx.apiToken.findUnique({ where: { id: tokenId }, include: { user: true } });
    if (!token || (token.userId !== actor.id && actor.role !== 'admin'))
      throw new NotFoundError('No such token.');
    if (token.revokedAt) return;
    await tx.apiToken.update({ where: { id: tokenId }, data: { revokedAt: new Date() } });
    await audit(tx, actor, 'api_token.revoked', token.user.email, { tokenId, name: token.name });
  });
}

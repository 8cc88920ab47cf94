import 'server-only';
import { z } from 'zod';
import { audit } from '@/lib/audit';
import { assertRole, requireActor } from '@/lib/auth';
import { generateApiToken } from '@/lib/auth/api-token';
import { ROLES } from '@/lib/auth/roles';
import { db } from '@/lib/db';
import { ForbiddenError, NotFoundError } from '@/lib/errors';
import { parseInput } from '@/lib/validation';

/** Data access for users and API tokens. Every function checks the caller's role itself. */

export type UserRow = {
  id: string;
  email: string;
  name: string | null;
  role: (typeof ROLES)[number];
  lastLoginAt: Date | null;
  disabled: boolean;
};

export type TokenRow = {
  id: string;
  name: string;
  prefix: string;
  userEmail: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
};

export async function listUsers(): Promise<UserRow[]> {
  await requireActor('admin');
  const users = await db().user.findMany({ orderBy: { email: 'asc' } });
  return users.map((u) => ({
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    lastLoginAt: u.lastLoginAt,
    disabled: Boolean(u.disabledAt),
  }));
}

export const setRoleSchema = z.object({ userId: z.string().min(1), role: z.enum(ROLES) });

export async function setUserRole(input: unknown): Promise<void> {
  const actor = await requireActor('admin');
  const { userId, role } = parseInput(setRoleSchema, input);
  if (userId === actor.id && role !== 'admin')
    throw new ForbiddenError('You cannot remove your own admin role; ask another admin.');
  await db().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId } });
    if (!user) throw new NotFoundError('No such user.');
    await tx.user.update({ where: { id: userId }, data: { role } });
    await audit(tx, actor, 'user.role_changed', user.email, { from: user.role, to: role });
  });
}

/** Tokens the caller may see: an admin sees all, others their own. */
export async function listTokens(): Promise<TokenRow[]> {
  const actor = await requireActor('viewer');
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
    createdAt: t.createdAt,
    lastUsedAt: t.lastUsedAt,
    expiresAt: t.expiresAt,
    revokedAt: t.revokedAt,
  }));
}

export const createTokenSchema = z.object({
  name: z.string().trim().min(1, { error: 'Give the token a name, e.g. "ack-bot".' }).max(80),
  /** Admins may create a token for another user; by default it is the caller's own. */
  userId: z.string().min(1).optional(),
  expiresInDays: z.coerce.number().int().min(1).max(3650).optional(),
});

/**
 * Creates an API token and returns its secret, which is shown once and never stored. API tokens are for
 * automation that acts (acknowledging, silencing), so they need the responder role.
 */
export async function createApiToken(input: unknown): Promise<{ id: string; secret: string }> {
  const actor = await requireActor('responder');
  const { name, userId, expiresInDays } = parseInput(createTokenSchema, input);
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
        expiresAt: expiresInDays ? new Date(Date.now() + expiresInDays * 86_400_000) : null,
      },
    });
    await audit(tx, actor, 'api_token.created', owner.email, { tokenId: token.id, name, prefix });
    return token.id;
  });
  return { id, secret };
}

export async function revokeApiToken(input: unknown): Promise<void> {
  const actor = await requireActor('viewer');
  const { tokenId } = parseInput(z.object({ tokenId: z.string().min(1) }), input);
  await db().$transaction(async (tx) => {
    const token = await tx.apiToken.findUnique({ where: { id: tokenId }, include: { user: true } });
    if (!token || (token.userId !== actor.id && actor.role !== 'admin'))
      throw new NotFoundError('No such token.');
    if (token.revokedAt) return;
    await tx.apiToken.update({ where: { id: tokenId }, data: { revokedAt: new Date() } });
    await audit(tx, actor, 'api_token.revoked', token.user.email, { tokenId, name: token.name });
  });
}

import { ForbiddenError } from '@/lib/errors';
import { hasRole, type Role } from './roles';
import type { SessionUser } from './users';

/**
 * Who is acting, and may they? The data layer receives the Actor from the route, server action or
 * poller and checks the role itself. Kept apart from lib/auth.ts (sessions, tokens) so data-layer
 * modules need no request context.
 */

export type Actor = SessionUser & { via: 'session' | 'token'; ip: string | null };

export function assertRole(actor: Actor, role: Role): void {
  if (!hasRole(actor.role, role))
    throw new ForbiddenError(
      `This needs the ${role} role; you are ${actor.role}. Ask an admin to change your role.`,
    );
}

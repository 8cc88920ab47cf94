import { ForbiddenError } from '@/lib/errors';
import { hasRole, type Role } from './roles';
import type { SessionUser } from './users';

/**
 * Who is acting, and may they? The data layer receives the Actor from the route, server action or
 * poller and checks the role itself. Kept apart from lib/auth.ts (sessions, tokens) so data-layer
 * modules need no request context.
 */

/**
 * `via`: how the request proved who it is: a session, an API token, or a signed action link or chat
 * button (lib/actions), which act as the person the page was for.
 */
export type Actor = SessionUser & {
  via: 'session' | 'token' | 'link' | 'slack' | 'mattermost';
  ip: string | null;
};

/**
 * `npm run user` run on the server (scripts/user.ts). Whoever can run it can already write to the
 * database, so the data layer applies no role check to it; no Vigil account acts, so its audit rows
 * (via `cli`) have no actor and name the operating-system user and host instead. It is also the way back
 * in when every admin account is disabled.
 */
export type CliOperator = { via: 'cli'; osUser: string; host: string };

export function assertRole(actor: Actor, role: Role): void {
  if (!hasRole(actor.role, role))
    throw new ForbiddenError(
      `This needs the ${role} role; you are ${actor.role}. Ask an admin to change your role.`,
    );
}

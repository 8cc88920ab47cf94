import 'server-only';
import type { Actor } from '@/lib/auth/actor';
import { db } from '@/lib/db';
import { ForbiddenError } from '@/lib/errors';
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import type { TeamChoices } from './team-choices';

/**
 * "May this actor manage team T's things" (its members, schedules, policies, routes), in one place:
 * a Vigil admin may, and so may a team admin of T (a TeamMember row with isAdmin). A schedule or policy
 * without a team (`teamId` null) is managed by admins only. Routes check the role first; the data layer
 * asks this again with the team the row really belongs to.
 */

type Client = Prisma.TransactionClient | PrismaClient;

export async function canManageTeam(
  actor: Pick<Actor, 'id' | 'role'>,
  teamId: string | null,
  client: Client = db(),
): Promise<boolean> {
  if (actor.role === 'admin') return true;
  // A viewer cannot change anything, even as a team admin: the role is the ceiling.
  if (teamId === null || actor.role !== 'responder') return false;
  const member = await client.teamMember.findUnique({
    where: { teamId_userId: { teamId, userId: actor.id } },
    select: { isAdmin: true },
  });
  return member?.isAdmin === true;
}

export async function assertCanManageTeam(
  actor: Pick<Actor, 'id' | 'role'>,
  teamId: string | null,
  client: Client = db(),
): Promise<void> {
  if (await canManageTeam(actor, teamId, client)) return;
  throw new ForbiddenError(
    teamId === null
      ? 'Only an admin may change what belongs to no team. Ask an admin, or give it a team first.'
      : "Only an admin or one of this team's admins may do this. Ask a team admin to make the change or to make you a team admin.",
  );
}

/**
 * What a form may offer as the owning team, by the same rule as canManageTeam, so that a person learns
 * before filling one in which teams they can save it under, not from a 403 after.
 */
export async function teamChoices(
  actor: Pick<Actor, 'id' | 'role'>,
  client: Client = db(),
): Promise<TeamChoices> {
  if (actor.role === 'admin')
    return {
      noTeam: true,
      teams: await client.team.findMany({ orderBy: { name: 'asc' }, select: { id: true, name: true } }),
    };
  if (actor.role !== 'responder') return { noTeam: false, teams: [] };
  const memberships = await client.teamMember.findMany({
    where: { userId: actor.id, isAdmin: true },
    orderBy: { team: { name: 'asc' } },
    select: { team: { select: { id: true, name: true } } },
  });
  return { noTeam: false, teams: memberships.map((m) => m.team) };
}

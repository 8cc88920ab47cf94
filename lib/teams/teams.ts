import 'server-only';
import { audit } from '@/lib/audit';
import { type Actor, assertRole } from '@/lib/auth/actor';
import { config } from '@/lib/config/current';
import { db } from '@/lib/db';
import { ConflictError, NotFoundError, ValidationError } from '@/lib/errors';
import type { Prisma } from '@/lib/generated/prisma/client';
import { assertCanManageTeam, canManageTeam } from './access';
import type { AddMemberInput, TeamDetail, TeamInput, TeamPatch, TeamSummary } from './team-schemas';
import { slugTaken } from './unique';

/**
 * Data access for teams and their members. Each function checks the caller itself (routes check the
 * role first): anyone signed in reads; admins create, change and delete teams; admins and the team's
 * admins manage its members. Lookups come before permission checks, so an unknown team is a 404 to all.
 */

type Tx = Prisma.TransactionClient;

/** A team by id or slug, or NotFoundError. */
async function findTeam(client: Tx, idOrSlug: string) {
  const team = await client.team.findFirst({ where: { OR: [{ id: idOrSlug }, { slug: idOrSlug }] } });
  if (!team) throw new NotFoundError(`No team "${idOrSlug}"; GET /api/v1/teams lists them.`);
  return team;
}

/** Channel names must be declared in VIGIL_CONFIG: a typo would silently page nobody. */
function assertKnownChannels(channels: readonly string[]): void {
  const known = new Set(config().channels.map((c) => c.name));
  const unknown = channels.filter((c) => !known.has(c));
  if (unknown.length > 0)
    throw new ValidationError(
      `No channel named ${unknown.map((c) => `"${c}"`).join(', ')} in VIGIL_CONFIG; declare it under channels or use one of: ${[...known].join(', ') || '(none declared)'}.`,
      { channels: `unknown: ${unknown.join(', ')}` },
    );
}

export async function listTeams(actor: Actor): Promise<TeamSummary[]> {
  assertRole(actor, 'viewer');
  const teams = await db().team.findMany({
    orderBy: { name: 'asc' },
    include: { _count: { select: { members: true, schedules: true } } },
  });
  return teams.map(({ _count, id, slug, name, description, channels }) => ({
    id,
    slug,
    name,
    description,
    channels,
    memberCount: _count.members,
    scheduleCount: _count.schedules,
  }));
}

export async function getTeam(actor: Actor, idOrSlug: string): Promise<TeamDetail> {
  assertRole(actor, 'viewer');
  const client = db();
  const { id } = await findTeam(client, idOrSlug);
  const team = await client.team.findUniqueOrThrow({
    where: { id },
    include: {
      members: { include: { user: { select: { name: true, email: true } } }, orderBy: { addedAt: 'asc' } },
      schedules: { select: { id: true, slug: true, name: true }, orderBy: { name: 'asc' } },
    },
  });
  return {
    id: team.id,
    slug: team.slug,
    name: team.name,
    description: team.description,
    channels: team.channels,
    createdAt: team.createdAt.toISOString(),
    members: team.members.map((m) => ({
      userId: m.userId,
      name: m.user.name,
      email: m.user.email,
      isAdmin: m.isAdmin,
      addedAt: m.addedAt.toISOString(),
    })),
    schedules: team.schedules,
    canManage: await canManageTeam(actor, team.id, client),
  };
}

export async function createTeam(actor: Actor, input: TeamInput): Promise<{ id: string; slug: string }> {
  assertRole(actor, 'admin');
  assertKnownChannels(input.channels);
  return slugTaken('team', input.slug, () =>
    db().$transaction(async (tx) => {
      const team = await tx.team.create({ data: input });
      await audit(tx, actor, 'team.created', team.slug, { teamId: team.id, ...input });
      return { id: team.id, slug: team.slug };
    }),
  );
}

export async function updateTeam(
  actor: Actor,
  idOrSlug: string,
  patch: TeamPatch,
): Promise<{ id: string; slug: string }> {
  assertRole(actor, 'admin');
  if (patch.channels) assertKnownChannels(patch.channels);
  return slugTaken('team', patch.slug ?? idOrSlug, () =>
    db().$transaction(async (tx) => {
      const before = await findTeam(tx, idOrSlug);
      const team = await tx.team.update({ where: { id: before.id }, data: patch });
      await audit(tx, actor, 'team.updated', team.slug, { teamId: team.id, ...patch });
      return { id: team.id, slug: team.slug };
    }),
  );
}

/**
 * Deletes a team with its memberships; its schedules, policies and routes stay, without a team
 * (admins manage them until they get another).
 */
export async function deleteTeam(actor: Actor, idOrSlug: string): Promise<void> {
  assertRole(actor, 'admin');
  await db().$transaction(async (tx) => {
    const team = await findTeam(tx, idOrSlug);
    await tx.team.delete({ where: { id: team.id } });
    await audit(tx, actor, 'team.deleted', team.slug, { teamId: team.id, name: team.name });
  });
}

/** Adds a member (or changes an existing member's team-admin flag). */
export async function addMember(actor: Actor, idOrSlug: string, input: AddMemberInput): Promise<void> {
  assertRole(actor, 'responder');
  await db().$transaction(async (tx) => {
    const team = await findTeam(tx, idOrSlug);
    await assertCanManageTeam(actor, team.id, tx);
    const user = await tx.user.findUnique({ where: { id: input.userId } });
    if (!user || user.disabledAt)
      throw new ValidationError(`No active user "${input.userId}"; GET /api/v1/users lists them.`, {
        userId: 'no such active user',
      });
    if (input.isAdmin) assertMayBeTeamAdmin(user);
    await assertKeepsAnAdmin(tx, actor, team.id, user.id, input.isAdmin);
    await tx.teamMember.upsert({
      where: { teamId_userId: { teamId: team.id, userId: user.id } },
      create: { teamId: team.id, userId: user.id, isAdmin: input.isAdmin },
      update: { isAdmin: input.isAdmin },
    });
    await audit(tx, actor, 'team.member_added', team.slug, {
      userId: user.id,
      email: user.email,
      isAdmin: input.isAdmin,
    });
  });
}

export async function setMemberAdmin(
  actor: Actor,
  idOrSlug: string,
  userId: string,
  isAdmin: boolean,
): Promise<void> {
  assertRole(actor, 'responder');
  await db().$transaction(async (tx) => {
    const team = await findTeam(tx, idOrSlug);
    const member = await tx.teamMember.findUnique({
      where: { teamId_userId: { teamId: team.id, userId } },
      include: { user: { select: { email: true, role: true } } },
    });
    if (!member) throw new NotFoundError(`"${userId}" is not a member of ${team.slug}; add them first.`);
    await assertCanManageTeam(actor, team.id, tx);
    if (isAdmin) assertMayBeTeamAdmin(member.user);
    await assertKeepsAnAdmin(tx, actor, team.id, userId, isAdmin);
    await tx.teamMember.update({ where: { teamId_userId: { teamId: team.id, userId } }, data: { isAdmin } });
    await audit(tx, actor, 'team.member_admin_set', team.slug, { userId, email: member.user.email, isAdmin });
  });
}

export async function removeMember(actor: Actor, idOrSlug: string, userId: string): Promise<void> {
  assertRole(actor, 'responder');
  await db().$transaction(async (tx) => {
    const team = await findTeam(tx, idOrSlug);
    const member = await tx.teamMember.findUnique({
      where: { teamId_userId: { teamId: team.id, userId } },
      include: { user: { select: { email: true } } },
    });
    if (!member) throw new NotFoundError(`"${userId}" is not a member of ${team.slug}.`);
    await assertCanManageTeam(actor, team.id, tx);
    await assertKeepsAnAdmin(tx, actor, team.id, userId, false);
    await tx.teamMember.delete({ where: { teamId_userId: { teamId: team.id, userId } } });
    await audit(tx, actor, 'team.member_removed', team.slug, { userId, email: member.user.email });
  });
}

/** A viewer changes nothing, even as a team admin (canManageTeam): the flag would only mislead. */
function assertMayBeTeamAdmin(user: { email: string; role: string }): void {
  if (user.role === 'viewer')
    throw new ValidationError(
      `${user.email} is a viewer, who can change nothing: a team admin must be a responder or an admin.`,
      { isAdmin: 'a viewer cannot be a team admin' },
    );
}

/**
 * A team admin may not remove the last team admin (themselves, usually): the team would be left to
 * Vigil admins alone. A Vigil admin may.
 */
async function assertKeepsAnAdmin(
  tx: Tx,
  actor: Actor,
  teamId: string,
  userId: string,
  staysAdmin: boolean,
): Promise<void> {
  if (actor.role === 'admin' || staysAdmin) return;
  const admins = await tx.teamMember.findMany({ where: { teamId, isAdmin: true }, select: { userId: true } });
  if (admins.length === 1 && admins[0]?.userId === userId)
    throw new ConflictError('This is the team’s last team admin; make someone else team admin first.');
}

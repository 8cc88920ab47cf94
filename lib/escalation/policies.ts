import 'server-only';
import { audit } from '@/lib/audit';
import { type Actor, assertRole } from '@/lib/auth/actor';
import { PAGEABLE } from '@/lib/auth/pageable';
import { db } from '@/lib/db';
import { ConflictError, NotFoundError, ValidationError } from '@/lib/errors';
import type { Prisma } from '@/lib/generated/prisma/client';
import { mutate, type Tx } from '@/lib/incidents/mutation';
import { assertCanManageTeam } from '@/lib/teams/access';
import { resolveTeamId } from '@/lib/teams/team-ref';
import {
  type CreatePolicyInput,
  type PolicyView,
  repeatWaitProblem,
  type UpdatePolicyInput,
} from './policy-schemas';

/**
 * Escalation policies, the data layer behind `/api/v1/policies`. Anyone signed in reads them; a policy
 * is changed by an admin or an admin of its team (lib/teams/access.ts), checked against the team it
 * has and the team it is given. The default policy comes from VIGIL_CONFIG (`managedBy` "config") and
 * is read-only here. A level's channels must be declared in VIGIL_CONFIG, its schedules and users must
 * exist; levels are replaced as a whole, in one transaction with the policy, which also makes the open
 * incidents under it compute their next escalation time again.
 */

const WITH_LEVELS = {
  levels: { orderBy: { level: 'asc' } },
  _count: { select: { routes: true } },
} as const satisfies Prisma.EscalationPolicyInclude;

type PolicyRow = Prisma.EscalationPolicyGetPayload<{ include: typeof WITH_LEVELS }>;

/** Channel names declared in VIGIL_CONFIG (the route hands them over from config()). */
export type KnownChannels = readonly string[];

function policyView(row: PolicyRow): PolicyView {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    teamId: row.teamId,
    repeat: row.repeat,
    repeatAfterSeconds: row.repeatAfterSeconds,
    isDefault: row.isDefault,
    managedBy: row.managedBy === 'config' ? 'config' : 'api',
    routes: row._count.routes,
    levels: row.levels.map((l, i) => {
      const next = row.levels[i + 1];
      return {
        level: l.level,
        name: l.name,
        delaySeconds: l.delaySeconds,
        waitBeforeNextSeconds: next ? next.delaySeconds - l.delaySeconds : null,
        targets: l.targets,
        scheduleIds: l.scheduleIds,
        userIds: l.userIds,
      };
    }),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function listPolicies(actor: Actor): Promise<PolicyView[]> {
  assertRole(actor, 'viewer');
  const rows = await db().escalationPolicy.findMany({
    include: WITH_LEVELS,
    orderBy: [{ isDefault: 'desc' }, { name: 'asc' }],
  });
  return rows.map(policyView);
}

export async function getPolicy(actor: Actor, id: string): Promise<PolicyView> {
  assertRole(actor, 'viewer');
  return policyView(await found(db(), id));
}

export async function createPolicy(
  actor: Actor,
  input: CreatePolicyInput,
  channels: KnownChannels,
): Promise<PolicyView> {
  assertRole(actor, 'responder');
  return mutate('the escalation policy', async (tx) => {
    // The team first, by id or slug, then who may manage it: an unknown team is a 422 for everyone.
    const teamId = await resolveTeamId(tx, input.teamId);
    await assertCanManageTeam(actor, teamId, tx);
    const levels = await checkReferences(tx, input.levels, channels);
    await assertNameFree(tx, input.name);
    const created = await tx.escalationPolicy.create({
      data: { ...input, teamId, managedBy: 'api', levels: { create: numbered(levels) } },
      include: WITH_LEVELS,
    });
    await audit(tx, actor, 'policy.created', created.name, { id: created.id, levels: levels.length });
    return policyView(created);
  });
}

export async function updatePolicy(
  actor: Actor,
  id: string,
  input: UpdatePolicyInput,
  channels: KnownChannels,
): Promise<PolicyView> {
  assertRole(actor, 'responder');
  return mutate('the escalation policy', async (tx) => {
    await tx.$queryRaw`SELECT id FROM escalation_policies WHERE id = ${id} FOR UPDATE`;
    const before = await found(tx, id);
    assertApiManaged(before);
    await assertCanManageTeam(actor, before.teamId, tx);
    const { levels: givenLevels, teamId: givenTeam, ...fields } = input;
    const teamId = givenTeam === undefined ? undefined : await resolveTeamId(tx, givenTeam);
    if (teamId !== undefined && teamId !== before.teamId) await assertCanManageTeam(actor, teamId, tx);
    // The schema sees only the fields given; the rule holds for the policy as it will be.
    const repeatProblem = repeatWaitProblem(
      input.repeat ?? before.repeat,
      input.repeatAfterSeconds ?? before.repeatAfterSeconds,
    );
    if (repeatProblem) throw new ValidationError(repeatProblem, { repeatAfterSeconds: repeatProblem });
    const levels = givenLevels && (await checkReferences(tx, givenLevels, channels));
    if (input.name !== undefined && input.name !== before.name) await assertNameFree(tx, input.name);
    if (levels) await tx.escalationLevel.deleteMany({ where: { policyId: id } });
    const updated = await tx.escalationPolicy.update({
      where: { id },
      // updatedAt moves with every write, levels included: the scheduler's cache (plan.ts) keys on it.
      data: {
        ...fields,
        ...(teamId === undefined ? {} : { teamId }),
        updatedAt: new Date(),
        ...(levels ? { levels: { create: numbered(levels) } } : {}),
      },
      include: WITH_LEVELS,
    });
    // Due times stored under the old levels are computed again on the next pass.
    await tx.$executeRaw`
      UPDATE incidents SET next_escalation_at = now()
      WHERE escalation_policy_id = ${id} AND status = 'open' AND next_escalation_at > now()`;
    await audit(tx, actor, 'policy.updated', updated.name, { id, fields: Object.keys(input) });
    return policyView(updated);
  });
}

export async function deletePolicy(actor: Actor, id: string): Promise<void> {
  assertRole(actor, 'responder');
  await mutate('the escalation policy', async (tx) => {
    const before = await found(tx, id);
    assertApiManaged(before);
    await assertCanManageTeam(actor, before.teamId, tx);
    const routes = await tx.route.findMany({ where: { policyId: id }, select: { name: true } });
    if (routes.length > 0)
      throw new ConflictError(
        `Routes ${routes.map((r) => `"${r.name}"`).join(', ')} send alerts to policy "${before.name}"; point them at another policy first.`,
      );
    // Incidents under it fall back to the default policy (the foreign key sets theirs to null).
    await tx.escalationPolicy.delete({ where: { id } });
    await audit(tx, actor, 'policy.deleted', before.name, { id });
  });
}

async function found(client: Tx | ReturnType<typeof db>, id: string): Promise<PolicyRow> {
  const row = await client.escalationPolicy.findUnique({ where: { id }, include: WITH_LEVELS });
  if (!row)
    throw new NotFoundError(`There is no escalation policy ${id}. List them with GET /api/v1/policies.`);
  return row;
}

function assertApiManaged(row: { name: string; managedBy: string }): void {
  if (row.managedBy === 'config')
    throw new ConflictError(
      `Policy "${row.name}" comes from VIGIL_CONFIG (escalation.levels); change it there and restart Vigil.`,
    );
}

async function assertNameFree(tx: Tx, name: string): Promise<void> {
  const other = await tx.escalationPolicy.findUnique({ where: { name }, select: { id: true } });
  if (other)
    throw new ConflictError(`A policy named "${name}" exists already; choose another name.`, {
      id: other.id,
      ref: name,
    });
}

const numbered = (levels: CreatePolicyInput['levels']) =>
  levels.map((l, i) => ({
    level: i + 1,
    name: l.name,
    delaySeconds: l.delaySeconds,
    targets: [...new Set(l.targets)],
    scheduleIds: [...new Set(l.scheduleIds)],
    userIds: [...new Set(l.userIds)],
  }));

/**
 * Every channel declared, every schedule and user existing; 422 naming each that is not. Schedules are
 * named by id or slug, as everywhere in the on-call API, and come back as ids: what paging and the
 * schedule's deletion check look up.
 *
 *   scheduleIds ['db-primary'] (the slug of s-1) → ['s-1'];   ['s-gone'] → 'there is no schedule s-gone'
 */
async function checkReferences(
  tx: Tx,
  levels: CreatePolicyInput['levels'],
  channels: KnownChannels,
): Promise<CreatePolicyInput['levels']> {
  const fields: Record<string, string> = {};
  const scheduleRefs = [...new Set(levels.flatMap((l) => l.scheduleIds))];
  const userIds = [...new Set(levels.flatMap((l) => l.userIds))];
  const [schedules, users] = await Promise.all([
    scheduleRefs.length
      ? tx.schedule.findMany({
          where: { OR: [{ id: { in: scheduleRefs } }, { slug: { in: scheduleRefs } }] },
          select: { id: true, slug: true },
        })
      : [],
    userIds.length
      ? // Not a viewer (lib/auth/pageable.ts); a disabled user is skipped when paged, as one disabled later is.
        tx.user.findMany({ where: { id: { in: userIds }, role: PAGEABLE.role }, select: { id: true } })
      : [],
  ]);
  // An id wins over another schedule's equal slug, as findSchedule's lookup would pick either.
  const scheduleIdOf = new Map(schedules.map((s) => [s.slug, s.id]));
  for (const s of schedules) scheduleIdOf.set(s.id, s.id);
  const knownUsers = new Set(users.map((u) => u.id));
  const declared = new Set(channels);
  levels.forEach((l, i) => {
    const missingChannel = l.targets.find((t) => !declared.has(t));
    if (missingChannel)
      fields[`levels.${i}.targets`] =
        `channel "${missingChannel}" is not declared under channels in VIGIL_CONFIG`;
    const missingSchedule = l.scheduleIds.find((s) => !scheduleIdOf.has(s));
    if (missingSchedule) fields[`levels.${i}.scheduleIds`] = `there is no schedule ${missingSchedule}`;
    const missingUser = l.userIds.find((u) => !knownUsers.has(u));
    if (missingUser)
      fields[`levels.${i}.userIds`] =
        `${missingUser} is not a responder or an admin (a viewer cannot acknowledge)`;
  });
  if (Object.keys(fields).length > 0)
    throw new ValidationError('The policy names things that do not exist.', fields);
  return levels.map((l) => ({ ...l, scheduleIds: l.scheduleIds.map((s) => scheduleIdOf.get(s) ?? s) }));
}

import 'server-only';
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import type { StepLevel, StepPolicy } from './step';

/**
 * An incident's escalation policy as the scheduler runs it: its own policy (from its route, or the one
 * a person chose), else the default policy. Plans are cached by policy id and `updatedAt` (every write
 * to a policy or its levels touches `updatedAt`, in the same transaction), so a pass reads one small
 * row per policy it meets and the levels only when they changed.
 */

type Client = Prisma.TransactionClient | PrismaClient;

/** A level with whom it pages besides channels: the on-call people of schedules, and users. */
export type PlanLevel = StepLevel & { scheduleIds: string[]; userIds: string[] };

export type PolicyPlan = StepPolicy<PlanLevel> & { id: string; name: string; updatedAt: Date };

/** Reads one policy with its levels; null when it does not exist. */
async function loadPlan(client: Client, policyId: string): Promise<PolicyPlan | null> {
  const row = await client.escalationPolicy.findUnique({
    where: { id: policyId },
    include: { levels: { orderBy: { level: 'asc' } } },
  });
  if (!row) return null;
  return {
    id: row.id,
    name: row.name,
    updatedAt: row.updatedAt,
    repeat: row.repeat,
    repeatAfterSeconds: row.repeatAfterSeconds,
    levels: row.levels.map((l) => ({
      level: l.level,
      name: l.name,
      delaySeconds: l.delaySeconds,
      targets: l.targets,
      scheduleIds: l.scheduleIds,
      userIds: l.userIds,
    })),
  };
}

/** The plan of an incident with this policy id (null: the default policy), or null when there is none. */
export type PlanLookup = (client: Client, policyId: string | null) => Promise<PolicyPlan | null>;

const cache = new Map<string, PolicyPlan>();

/**
 * For one pass: reads every policy's id and `updatedAt` (one query over a table of a few rows), and
 * answers each incident's plan from the cache while its policy is unchanged.
 */
export async function planLookupForPass(client: Client): Promise<PlanLookup> {
  const versions = await client.escalationPolicy.findMany({
    select: { id: true, updatedAt: true, isDefault: true },
  });
  const current = new Map(versions.map((v) => [v.id, v.updatedAt.getTime()]));
  const defaultId = versions.find((v) => v.isDefault)?.id ?? null;
  for (const id of cache.keys()) if (!current.has(id)) cache.delete(id);
  return async (tx, policyId) => {
    const id = policyId && current.has(policyId) ? policyId : defaultId;
    if (!id) return null;
    const cached = cache.get(id);
    if (cached && cached.updatedAt.getTime() === current.get(id)) return cached;
    const plan = await loadPlan(tx, id);
    if (plan) cache.set(id, plan);
    return plan;
  };
}

/** The plan of one incident's policy, uncached (a manual escalation). */
export async function planOf(client: Client, policyId: string | null): Promise<PolicyPlan | null> {
  const id =
    policyId ??
    (await client.escalationPolicy.findFirst({ where: { isDefault: true }, select: { id: true } }))?.id;
  return id ? loadPlan(client, id) : null;
}

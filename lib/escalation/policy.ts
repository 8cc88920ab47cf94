import 'server-only';
import type { EscalationLevelConfig } from '@/lib/config/load';
import type { PrismaClient } from '@/lib/generated/prisma/client';

/**
 * The escalation policy is VIGIL_CONFIG's `escalation.levels` (or DEFAULT_ESCALATION). The scheduler
 * reads it from the config; the escalation_policies / escalation_levels tables hold a copy, written at
 * start-up, so the database alone says which levels an incident's escalationLevel refers to.
 */

const DEFAULT_POLICY_NAME = 'default';

/**
 * Makes the "default" policy's rows equal to `levels` (levels no longer configured are removed), and
 * has every open incident's next escalation time computed again under them.
 */
export async function syncEscalationPolicy(
  client: PrismaClient,
  levels: readonly EscalationLevelConfig[],
): Promise<{ policyId: string }> {
  return client.$transaction(async (tx) => {
    const policy = await tx.escalationPolicy.upsert({
      where: { name: DEFAULT_POLICY_NAME },
      create: { name: DEFAULT_POLICY_NAME, isDefault: true },
      update: { isDefault: true, updatedAt: new Date() },
    });
    await tx.escalationLevel.deleteMany({
      where: { policyId: policy.id, level: { notIn: levels.map((l) => l.level) } },
    });
    for (const l of levels) {
      const data = { name: l.name, delaySeconds: l.delaySeconds, targets: l.targets };
      await tx.escalationLevel.upsert({
        where: { policyId_level: { policyId: policy.id, level: l.level } },
        create: { policyId: policy.id, level: l.level, ...data },
        update: data,
      });
    }
    // Stored due times were computed with the previous policy: the next pass computes them again.
    // (An incident at the previous top level has none; a level added above it applies from its next
    // change, such as a manual escalation or a reopening.)
    await tx.$executeRaw`
      UPDATE incidents SET next_escalation_at = now()
      WHERE status = 'open' AND next_escalation_at > now()`;
    return { policyId: policy.id };
  });
}

import { syncEscalationPolicy } from '@/lib/escalation/policy';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { seedRoutes } from '@/lib/routing/load';

/**
 * What start-up writes before alerts arrive (lib/escalation/runner.ts), for tests that store alert
 * events with auto-open: a default policy of one level, and the seeded routes (auto-incident on
 * `autoIncidentMatch`, default severity="critical", then the default route). Test-only.
 */
export async function seedStartupRouting(
  client: PrismaClient,
  autoIncidentMatch: Record<string, string> = { severity: 'critical' },
): Promise<{ policyId: string }> {
  const { policyId } = await syncEscalationPolicy(client, [
    { level: 1, name: 'Chat', delaySeconds: 0, targets: [] },
  ]);
  await seedRoutes(client, { policyId, autoIncidentMatch });
  return { policyId };
}

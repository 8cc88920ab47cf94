import 'server-only';
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import { compileRoutes, matchersFromLabels, type RouteRule, type Router } from './match';

type Client = Prisma.TransactionClient | PrismaClient;

const RULE_FIELDS = {
  id: true,
  name: true,
  position: true,
  matchers: true,
  isDefault: true,
  teamId: true,
  policyId: true,
  autoOpen: true,
  urgency: true,
} as const;

/** Every route, parsed and in the order they are tried (one small query; auto-open reads it per batch). */
export async function loadRouter(client: Client): Promise<Router<RouteRule>> {
  return compileRoutes(await client.route.findMany({ select: RULE_FIELDS }));
}

/** The name of the route seeded from `escalation.autoIncident.matchLabels`. */
const AUTO_INCIDENT_ROUTE = 'auto-incident';
const DEFAULT_ROUTE = 'default';

/**
 * At start-up, when the routes table is empty (a new install, or the first start after routes
 * existed): a route "auto-incident" whose matchers are VIGIL_CONFIG's `escalation.autoIncident.matchLabels`
 * (default severity="critical") with auto-open, then the default route without, both to the default
 * policy, so incidents open for the same alerts as before routes existed. With `matchLabels: {}`
 * (auto-open turned off) only the default route is seeded. Once routes exist they are the API's: the
 * config is not read again. Returns whether it seeded.
 */
export async function seedRoutes(
  client: PrismaClient,
  { policyId, autoIncidentMatch }: { policyId: string; autoIncidentMatch: Readonly<Record<string, string>> },
): Promise<boolean> {
  return client.$transaction(async (tx) => {
    // Two instances starting at once: the second waits here, then finds the rows.
    await tx.$executeRaw`LOCK TABLE routes IN SHARE ROW EXCLUSIVE MODE`;
    if ((await tx.route.count()) > 0) return false;
    const matchers = matchersFromLabels(autoIncidentMatch);
    if (matchers.length > 0)
      await tx.route.create({
        data: { name: AUTO_INCIDENT_ROUTE, position: 1, matchers, policyId, autoOpen: true },
      });
    await tx.route.create({
      data: { name: DEFAULT_ROUTE, position: 1000, matchers: [], isDefault: true, policyId, autoOpen: false },
    });
    return true;
  });
}

import { z } from 'zod';

/**
 * Routes in the API (`/api/v1/routes`). Client-safe: matchers are checked for syntax and RE2 by the
 * data layer (routes.ts), so the browser does not load RE2 for this schema.
 *
 *   {name: 'db', matchers: ['team="db"', 'severity=~"critical|page"'], policyId: 'p1', teamId: 't1'}
 */

const id = z.string().trim().min(1).max(100);

const routeFields = {
  name: z
    .string()
    .trim()
    .min(1, { error: 'Give the route a name' })
    .max(100)
    .regex(/^[a-z0-9][a-z0-9_.-]*$/i, { error: 'letters, digits, "-", "_" or "."' }),
  matchers: z
    .array(z.string().trim().min(1).max(500))
    .max(20)
    .describe('Prometheus matchers on the alert labels, one per entry: team="db", severity=~"critical|page"'),
  teamId: id.nullable().describe('The team it hands incidents to, by id or slug (null: none)'),
  policyId: id.describe('The escalation policy of the incidents it opens'),
  autoOpen: z.boolean().describe('Open an incident automatically for the firing alerts it takes'),
  urgency: z.enum(['high', 'low']).describe('How urgently people are reached (personal rules: issue 16)'),
};

export const createRouteSchema = z
  .object({
    ...routeFields,
    matchers: routeFields.matchers.min(1, {
      error: 'A route needs a matcher (the default route takes the rest)',
    }),
    teamId: routeFields.teamId.default(null),
    autoOpen: routeFields.autoOpen.default(true),
    urgency: routeFields.urgency.default('high'),
  })
  .strict();
export type CreateRouteInput = z.infer<typeof createRouteSchema>;

/** Only the fields given change. The default route's matchers stay empty: it takes what no route took. */
export const updateRouteSchema = z.object(routeFields).partial().strict();
export type UpdateRouteInput = z.infer<typeof updateRouteSchema>;

export const routeParamsSchema = z.object({ id });

export const reorderRoutesSchema = z
  .object({
    ids: z.array(id).max(1000).describe('Every route but the default, in the order they are tried'),
  })
  .strict();

export const routeTestSchema = z
  .object({ labels: z.record(z.string().max(200), z.string().max(2000)).describe('An alert’s labels') })
  .strict();

export const routeSchema = z.object({
  id: z.string(),
  name: z.string(),
  position: z.number().int(),
  matchers: z.array(z.string()),
  isDefault: z.boolean(),
  teamId: z.string().nullable(),
  policyId: z.string(),
  autoOpen: z.boolean(),
  urgency: z.string(),
  updatedAt: z.string().describe('ISO 8601 time'),
});
export type RouteView = z.infer<typeof routeSchema>;

export const routeListSchema = z.object({ routes: z.array(routeSchema) });
export const routeDeletedSchema = z.object({ deleted: z.literal(true) });

export const routeTestResultSchema = z.object({
  /** null only when no route matched and there is no default route. */
  route: z.object({ id: z.string(), name: z.string(), isDefault: z.boolean() }).nullable(),
  team: z.object({ id: z.string(), slug: z.string(), name: z.string() }).nullable(),
  policy: z.object({ id: z.string(), name: z.string() }).nullable(),
  autoOpen: z.boolean(),
  urgency: z.string().nullable(),
  /** The route's matchers that matched (all of them; none for the default route). */
  matched: z.array(z.string()),
});
export type RouteTestResult = z.infer<typeof routeTestResultSchema>;

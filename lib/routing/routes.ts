import 'server-only';
import { MatcherSyntaxError } from '@/lib/alertmanager/matchers';
import { audit } from '@/lib/audit';
import { type Actor, assertRole } from '@/lib/auth/actor';
import { db } from '@/lib/db';
import { ConflictError, NotFoundError, ValidationError } from '@/lib/errors';
import type { Prisma } from '@/lib/generated/prisma/client';
import { assertCanManageTeam } from '@/lib/teams/access';
import { resolveTeamId } from '@/lib/teams/team-ref';
import { loadRouter } from './load';
import { matchRoute, parseRouteMatcher } from './match';
import type { CreateRouteInput, RouteTestResult, RouteView, UpdateRouteInput } from './route-schemas';

/**
 * Routes, the data layer behind `/api/v1/routes`. Anyone signed in reads them and asks which route a
 * set of labels would take; a route is changed by an admin or an admin of its team (before and after
 * the change; lib/teams/access.ts); the order, which decides between teams, by admins only. The
 * default route always exists (seeded at start-up), is tried last and cannot be deleted or given
 * matchers; its policy, team, auto-open and urgency can change.
 */

type Tx = Prisma.TransactionClient;
type RouteRow = Prisma.RouteGetPayload<object>;

const TX_OPTIONS = { maxWait: 5000, timeout: 15_000 } as const;

const view = (r: RouteRow): RouteView => ({
  id: r.id,
  name: r.name,
  position: r.position,
  matchers: r.matchers,
  isDefault: r.isDefault,
  teamId: r.teamId,
  policyId: r.policyId,
  autoOpen: r.autoOpen,
  urgency: r.urgency,
  updatedAt: r.updatedAt.toISOString(),
});

/** In the order they are tried: by position, the default last. */
export async function listRoutes(actor: Actor): Promise<RouteView[]> {
  assertRole(actor, 'viewer');
  const rows = await db().route.findMany({ orderBy: [{ isDefault: 'asc' }, { position: 'asc' }] });
  return rows.map(view);
}

export async function createRoute(actor: Actor, input: CreateRouteInput): Promise<RouteView> {
  assertRole(actor, 'responder');
  return db().$transaction(async (tx) => {
    // The team first, by id or slug, then who may manage it: an unknown team is a 422 for everyone.
    const teamId = await resolveTeamId(tx, input.teamId);
    await assertCanManageTeam(actor, teamId, tx);
    await checkRoute(tx, input);
    await assertNameFree(tx, input.name);
    // Routes are numbered under this lock, so two creations at once do not take the same position.
    await tx.$executeRaw`LOCK TABLE routes IN SHARE ROW EXCLUSIVE MODE`;
    const last = await tx.route.aggregate({ where: { isDefault: false }, _max: { position: true } });
    const created = await tx.route.create({
      data: { ...input, teamId, position: (last._max.position ?? 0) + 1 },
    });
    await audit(tx, actor, 'route.created', created.name, { id: created.id, matchers: created.matchers });
    return view(created);
  }, TX_OPTIONS);
}

export async function updateRoute(actor: Actor, id: string, input: UpdateRouteInput): Promise<RouteView> {
  assertRole(actor, 'responder');
  return db().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM routes WHERE id = ${id} FOR UPDATE`;
    const before = await found(tx, id);
    await assertCanManageTeam(actor, before.teamId, tx);
    const teamId = input.teamId === undefined ? undefined : await resolveTeamId(tx, input.teamId);
    if (teamId !== undefined && teamId !== before.teamId) await assertCanManageTeam(actor, teamId, tx);
    if (before.isDefault && input.matchers && input.matchers.length > 0)
      throw new ValidationError('The default route has no matchers.', {
        matchers: 'the default route takes every alert no other route takes; add a route for these matchers',
      });
    if (!before.isDefault && input.matchers?.length === 0)
      throw new ValidationError('A route needs a matcher.', {
        matchers: 'give at least one matcher (the default route takes the rest)',
      });
    await checkRoute(tx, input);
    if (input.name !== undefined && input.name !== before.name) await assertNameFree(tx, input.name);
    const updated = await tx.route.update({
      where: { id },
      data: { ...input, ...(teamId === undefined ? {} : { teamId }) },
    });
    await audit(tx, actor, 'route.updated', updated.name, { id, fields: Object.keys(input) });
    return view(updated);
  }, TX_OPTIONS);
}

export async function deleteRoute(actor: Actor, id: string): Promise<void> {
  assertRole(actor, 'responder');
  await db().$transaction(async (tx) => {
    const before = await found(tx, id);
    if (before.isDefault)
      throw new ConflictError(
        'The default route cannot be deleted: it takes every alert no other route takes. Change its policy or auto-open instead.',
      );
    await assertCanManageTeam(actor, before.teamId, tx);
    // Incidents it opened keep their team and policy; their routeId becomes null.
    await tx.route.delete({ where: { id } });
    await audit(tx, actor, 'route.deleted', before.name, { id });
  }, TX_OPTIONS);
}

/** Sets the order routes are tried in: `ids` lists every route but the default, first tried first. */
export async function reorderRoutes(actor: Actor, ids: readonly string[]): Promise<RouteView[]> {
  assertRole(actor, 'admin');
  return db().$transaction(async (tx) => {
    await tx.$executeRaw`LOCK TABLE routes IN SHARE ROW EXCLUSIVE MODE`;
    const routes = await tx.route.findMany({ where: { isDefault: false }, select: { id: true } });
    const known = new Set(routes.map((r) => r.id));
    const given = new Set(ids);
    const missing = [...known].filter((r) => !given.has(r));
    const unknown = ids.filter((r) => !known.has(r));
    if (missing.length || unknown.length || given.size !== ids.length)
      throw new ValidationError('List every route but the default, each once.', {
        ids: [
          missing.length ? `missing ${missing.join(', ')}` : '',
          unknown.length ? `not a route (or the default route): ${unknown.join(', ')}` : '',
          given.size !== ids.length ? 'a route is listed twice' : '',
        ]
          .filter(Boolean)
          .join('; '),
      });
    await tx.$executeRaw`
      UPDATE routes SET position = v.position, updated_at = now()
      FROM unnest(${[...ids]}::text[]) WITH ORDINALITY AS v(id, position)
      WHERE routes.id = v.id`;
    await audit(tx, actor, 'routes.reordered', null, { ids: [...ids] });
    const rows = await tx.route.findMany({ orderBy: [{ isDefault: 'asc' }, { position: 'asc' }] });
    return rows.map(view);
  }, TX_OPTIONS);
}

/** Which route, team and policy an alert with these labels would take, as auto-open decides it. */
export async function testRoute(actor: Actor, labels: Record<string, string>): Promise<RouteTestResult> {
  assertRole(actor, 'viewer');
  const match = matchRoute(await loadRouter(db()), labels);
  if (!match) return { route: null, team: null, policy: null, autoOpen: false, urgency: null, matched: [] };
  const { route, matched } = match;
  const [team, policy] = await Promise.all([
    route.teamId
      ? db().team.findUnique({ where: { id: route.teamId }, select: { id: true, slug: true, name: true } })
      : null,
    db().escalationPolicy.findUnique({ where: { id: route.policyId }, select: { id: true, name: true } }),
  ]);
  return {
    route: { id: route.id, name: route.name, isDefault: route.isDefault },
    team,
    policy,
    autoOpen: route.autoOpen,
    urgency: route.urgency,
    matched,
  };
}

async function found(tx: Tx, id: string): Promise<RouteRow> {
  const row = await tx.route.findUnique({ where: { id } });
  if (!row) throw new NotFoundError(`There is no route ${id}. List them with GET /api/v1/routes.`);
  return row;
}

async function assertNameFree(tx: Tx, name: string): Promise<void> {
  const other = await tx.route.findUnique({ where: { name }, select: { id: true } });
  if (other)
    throw new ConflictError(`A route named "${name}" exists already; choose another name.`, {
      id: other.id,
      ref: name,
    });
}

/** Matchers that parse (RE2 included), an existing policy; 422 naming each problem. */
async function checkRoute(tx: Tx, input: Pick<UpdateRouteInput, 'matchers' | 'policyId'>): Promise<void> {
  const fields: Record<string, string> = {};
  (input.matchers ?? []).forEach((m, i) => {
    try {
      parseRouteMatcher(m);
    } catch (error) {
      if (!(error instanceof MatcherSyntaxError)) throw error;
      fields[`matchers.${i}`] = error.message;
    }
  });
  if (input.policyId) {
    const policy = await tx.escalationPolicy.findUnique({
      where: { id: input.policyId },
      select: { id: true },
    });
    if (!policy) fields.policyId = `there is no escalation policy ${input.policyId}`;
  }
  if (Object.keys(fields).length > 0) throw new ValidationError('Some fields are invalid.', fields);
}

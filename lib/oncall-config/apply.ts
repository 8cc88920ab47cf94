import 'server-only';
import { MatcherSyntaxError } from '@/lib/alertmanager/matchers';
import { audit } from '@/lib/audit';
import { type Actor, assertRole } from '@/lib/auth/actor';
import { db } from '@/lib/db';
import { ConflictError, ValidationError } from '@/lib/errors';
import { repeatWaitProblem } from '@/lib/escalation/policy-schemas';
import type { Prisma } from '@/lib/generated/prisma/client';
import { parseRouteMatcher } from '@/lib/routing/match';
import { computeShifts } from '@/lib/schedules/shifts';
import type { ImportResult, OncallDocument } from './document';
import { type ImportPlan, planImport } from './plan';
import { readDocument } from './read';
import { checkReferences } from './references';
import { parseDocumentText } from './yaml-text';

/**
 * Importing the on-call configuration (admins only): the whole file in ONE transaction, so a bad
 * reference anywhere leaves the database as it was. A dry run does the same writes and then rolls
 * them back, so it finds what the real run would (a name taken, a schedule still paged) and reports
 * the same changes. The default policy (VIGIL_CONFIG's) is never written: it is reported as skipped.
 */

type Tx = Prisma.TransactionClient;

/** Large files write a few thousand rows: more than the API's usual 5–15 s transactions allow. */
const TX_OPTIONS = { maxWait: 10_000, timeout: 120_000 } as const;

class DryRunDone extends Error {
  constructor(readonly result: ImportResult) {
    super('dry run: rolled back');
  }
}

export async function importOncallConfig(
  actor: Actor,
  input: { yaml: string; dryRun: boolean; prune: boolean },
  channels: readonly string[],
): Promise<ImportResult> {
  assertRole(actor, 'admin');
  const incoming = parseDocumentText(input.yaml);
  assertComputable(incoming);
  try {
    return await db().$transaction(async (tx) => {
      // One import at a time, and no route written through the API meanwhile (it takes this lock too).
      await tx.$executeRaw`LOCK TABLE routes IN SHARE ROW EXCLUSIVE MODE`;
      const now = new Date();
      const current = await readDocument(tx, now);
      const fields = checkReferences(incoming, await known(tx, channels), matcherProblem);
      if (Object.keys(fields).length > 0)
        throw new ValidationError(
          `The file names things that do not exist — ${Object.entries(fields)
            .slice(0, 3)
            .map(([f, m]) => `${f}: ${m}`)
            .join(
              '; ',
            )}. Create them (users with npm run user, channels in VIGIL_CONFIG) or fix the names; nothing was imported.`,
          fields,
        );
      const readOnly = await tx.escalationPolicy.findMany({
        where: { managedBy: 'config' },
        select: { name: true },
      });
      const plan = planImport(current, incoming, {
        prune: input.prune,
        readOnlyPolicies: new Set(readOnly.map((p) => p.name)),
        now,
      });
      assertWrittenPoliciesAct(incoming, plan);
      await applyPlan(tx, plan, actor);
      const result: ImportResult = { dryRun: input.dryRun, ...plan.result };
      if (input.dryRun) throw new DryRunDone(result);
      await audit(tx, actor, 'oncall-config.imported', null, {
        prune: input.prune,
        ...Object.fromEntries(
          (['teams', 'schedules', 'policies', 'routes'] as const).map((k) => [
            k,
            { created: result[k].created, updated: result[k].updated, deleted: result[k].deleted },
          ]),
        ),
      });
      return result;
    }, TX_OPTIONS);
  } catch (error) {
    if (error instanceof DryRunDone) return error.result;
    throw error;
  }
}

function matcherProblem(text: string): string | null {
  try {
    parseRouteMatcher(text);
    return null;
  } catch (error) {
    if (error instanceof MatcherSyntaxError) return error.message;
    throw error;
  }
}

async function known(tx: Tx, channels: readonly string[]) {
  const [users, teams, schedules, policies] = await Promise.all([
    tx.user.findMany({ where: { disabledAt: null }, select: { email: true, role: true } }),
    tx.team.findMany({ select: { slug: true } }),
    tx.schedule.findMany({ select: { slug: true } }),
    tx.escalationPolicy.findMany({ select: { name: true } }),
  ]);
  return {
    emails: new Set(users.map((u) => u.email.toLowerCase())),
    pageable: new Set(users.filter((u) => u.role !== 'viewer').map((u) => u.email.toLowerCase())),
    teams: new Set(teams.map((t) => t.slug)),
    schedules: new Set(schedules.map((s) => s.slug)),
    policies: new Set(policies.map((p) => p.name)),
    channels: new Set(channels),
  };
}

/**
 * As the policies API requires of the policies an import writes: every level names a channel, schedule or
 * user, and a policy that repeats waits long enough between rounds (repeatWaitProblem). Policies the file
 * leaves as stored are not judged: an export of any database must read back.
 */
function assertWrittenPoliciesAct(doc: OncallDocument, plan: ImportPlan): void {
  const fields: Record<string, string> = {};
  const written = new Set(plan.policies.write.map((p) => p.name));
  doc.policies.forEach((p, i) => {
    if (!written.has(p.name)) return;
    p.levels.forEach((l, j) => {
      if (l.channels.length + l.schedules.length + l.users.length === 0)
        fields[`policies[${i}].levels[${j}]`] =
          'A level must page someone: name a channel, a schedule or a user';
    });
    const wait = repeatWaitProblem(p.repeat, p.repeatAfterSeconds);
    if (wait) fields[`policies[${i}].repeatAfterSeconds`] = wait;
  });
  if (Object.keys(fields).length > 0)
    throw new ValidationError(
      `${Object.values(fields)[0]}${Object.keys(fields).length > 1 ? ` (and ${Object.keys(fields).length - 1} more)` : ''}; nothing was imported.`,
      fields,
    );
}

/** A day of shifts per schedule surfaces what the schemas cannot see, as the schedules API checks. */
function assertComputable(doc: OncallDocument): void {
  const now = new Date();
  doc.schedules.forEach((s, i) => {
    const layers = s.layers.map((l, j) => ({
      ...l,
      endsAt: l.endsAt ? new Date(l.endsAt) : null,
      id: `layer-${j}`,
      position: j,
      participants: l.participants,
    }));
    try {
      computeShifts(layers, [], { from: now, to: new Date(now.getTime() + 86_400_000) });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new ValidationError(`Schedule "${s.slug}" cannot be computed: ${message}`, {
        [`schedules[${i}].layers`]: message,
      });
    }
  });
}

async function applyPlan(tx: Tx, plan: ImportPlan, actor: Actor): Promise<void> {
  const users = await tx.user.findMany({ where: { disabledAt: null }, select: { id: true, email: true } });
  const userId = new Map(users.map((u) => [u.email.toLowerCase(), u.id]));
  const person = (email: string) => userId.get(email.toLowerCase()) as string;

  for (const t of plan.teams.write) {
    const data = { name: t.name, description: t.description, channels: t.channels };
    const team = await tx.team.upsert({
      where: { slug: t.slug },
      create: { slug: t.slug, ...data },
      update: data,
    });
    // A team's members are part of it, like a schedule's layers: the file's list replaces them.
    await tx.teamMember.deleteMany({ where: { teamId: team.id } });
    await tx.teamMember.createMany({
      data: dedupe(t.members, (m) => person(m.email)).map((m) => ({
        teamId: team.id,
        userId: person(m.email),
        isAdmin: m.admin,
      })),
    });
  }
  const teamIds = new Map(
    (await tx.team.findMany({ select: { id: true, slug: true } })).map((t) => [t.slug, t.id]),
  );
  const teamId = (slug: string | null) => (slug === null ? null : (teamIds.get(slug) as string));

  for (const s of [...plan.schedules.create, ...plan.schedules.update]) {
    const { entry } = s;
    const data = {
      name: entry.name,
      description: entry.description,
      timeZone: entry.timeZone,
      teamId: teamId(entry.team),
    };
    const schedule = await tx.schedule.upsert({
      where: { slug: entry.slug },
      create: { slug: entry.slug, ...data },
      update: s.changed ? data : {},
    });
    if (s.changed) {
      await tx.scheduleLayer.deleteMany({ where: { scheduleId: schedule.id } });
      for (const [position, layer] of entry.layers.entries())
        await tx.scheduleLayer.create({
          data: {
            scheduleId: schedule.id,
            position,
            name: layer.name,
            rotation: layer.rotation,
            rotationLength: layer.rotationLength,
            handoffTime: layer.handoffTime,
            timeZone: layer.timeZone,
            startDate: layer.startDate,
            endsAt: layer.endsAt ? new Date(layer.endsAt) : null,
            restrictions: layer.restrictions,
            participants: { create: layer.participants.map((p, i) => ({ userId: person(p), position: i })) },
          },
        });
    }
    for (const o of s.removeOverrides)
      await tx.scheduleOverride.deleteMany({
        where: {
          scheduleId: schedule.id,
          userId: person(o.user),
          startsAt: new Date(o.startsAt),
          endsAt: new Date(o.endsAt),
        },
      });
    if (s.addOverrides.length > 0)
      await tx.scheduleOverride.createMany({
        data: s.addOverrides.map((o) => ({
          scheduleId: schedule.id,
          userId: person(o.user),
          startsAt: new Date(o.startsAt),
          endsAt: new Date(o.endsAt),
          reason: o.reason,
          createdById: actor.id,
        })),
      });
  }
  const scheduleIds = new Map(
    (await tx.schedule.findMany({ select: { id: true, slug: true } })).map((s) => [s.slug, s.id]),
  );

  for (const p of plan.policies.write) {
    const data = {
      description: p.description,
      teamId: teamId(p.team),
      repeat: p.repeat,
      repeatAfterSeconds: p.repeatAfterSeconds,
      // The scheduler's cache of policies (lib/escalation/plan.ts) keys on updatedAt.
      updatedAt: new Date(),
    };
    const policy = await tx.escalationPolicy.upsert({
      where: { name: p.name },
      create: { name: p.name, managedBy: 'api', ...data },
      update: data,
    });
    await tx.escalationLevel.deleteMany({ where: { policyId: policy.id } });
    await tx.escalationLevel.createMany({
      data: p.levels.map((l, i) => ({
        policyId: policy.id,
        level: i + 1,
        name: l.name,
        delaySeconds: l.delaySeconds,
        targets: [...new Set(l.channels)],
        scheduleIds: [...new Set(l.schedules.map((slug) => scheduleIds.get(slug) as string))],
        userIds: [...new Set(l.users.map(person))],
      })),
    });
    // Due times stored under the old levels are computed again on the next pass (as the API does).
    await tx.$executeRaw`
      UPDATE incidents SET next_escalation_at = now()
      WHERE escalation_policy_id = ${policy.id} AND status = 'open' AND next_escalation_at > now()`;
  }
  const policyIds = new Map(
    (await tx.escalationPolicy.findMany({ select: { id: true, name: true } })).map((p) => [p.name, p.id]),
  );

  for (const r of plan.routes.write) {
    const data = {
      name: r.name,
      matchers: r.matchers,
      teamId: teamId(r.team),
      policyId: policyIds.get(r.policy) as string,
      autoOpen: r.autoOpen,
      urgency: r.urgency,
    };
    if (r.default) {
      const updated = await tx.route.updateMany({ where: { isDefault: true }, data });
      if (updated.count === 0) await tx.route.create({ data: { ...data, isDefault: true, position: 1000 } });
    } else {
      const position = plan.routes.order.indexOf(r.name) + 1;
      await tx.route.upsert({
        where: { name: r.name },
        create: { ...data, position },
        update: { ...data, position },
      });
    }
  }

  await prune(tx, plan);
}

/** With prune: routes, then policies, schedules and teams the file leaves out (never the defaults). */
async function prune(tx: Tx, plan: ImportPlan): Promise<void> {
  if (plan.routes.delete.length > 0)
    await tx.route.deleteMany({ where: { name: { in: plan.routes.delete }, isDefault: false } });
  for (const name of plan.policies.delete) {
    const routes = await tx.route.findMany({ where: { policy: { name } }, select: { name: true } });
    if (routes.length > 0)
      throw new ConflictError(
        `Policy "${name}" is not in the file but routes ${routes.map((r) => `"${r.name}"`).join(', ')} still send alerts to it; nothing was imported.`,
      );
    // Incidents under it fall back to the default policy (the foreign key sets theirs to null).
    await tx.escalationPolicy.deleteMany({ where: { name, managedBy: 'api' } });
  }
  for (const slug of plan.schedules.delete) {
    const schedule = await tx.schedule.findUnique({ where: { slug }, select: { id: true } });
    if (!schedule) continue;
    const levels = await tx.escalationLevel.findMany({
      where: { scheduleIds: { has: schedule.id } },
      select: { name: true, policy: { select: { name: true } } },
      take: 5,
    });
    if (levels.length > 0)
      throw new ConflictError(
        `Schedule "${slug}" is not in the file but policies still page it (${levels.map((l) => `${l.policy.name}: ${l.name}`).join(', ')}); nothing was imported.`,
      );
    await tx.schedule.delete({ where: { id: schedule.id } });
  }
  for (const slug of plan.teams.delete) {
    // What is still the team's after the deletions above: deleting the team would leave it with none
    // (the foreign keys set null), so its team admins would lose it without being told.
    const where = { team: { slug } };
    const [schedules, policies, routes] = await Promise.all([
      tx.schedule.findMany({ where, select: { slug: true }, take: 5 }),
      tx.escalationPolicy.findMany({ where, select: { name: true }, take: 5 }),
      tx.route.findMany({ where, select: { name: true }, take: 5 }),
    ]);
    const owned = [
      ...schedules.map((x) => `schedule "${x.slug}"`),
      ...policies.map((x) => `policy "${x.name}"`),
      ...routes.map((x) => `route "${x.name}"`),
    ];
    if (owned.length > 0)
      throw new ConflictError(
        `Team "${slug}" is not in the file but ${owned.join(', ')} still belong to it; nothing was imported. Add the team back, or give them another team.`,
      );
    await tx.team.delete({ where: { slug } });
  }
}

function dedupe<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

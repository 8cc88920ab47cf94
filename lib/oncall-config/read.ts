import 'server-only';
import { type Actor, assertRole } from '@/lib/auth/actor';
import { db } from '@/lib/db';
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import { type OncallDocument, oncallDocumentSchema } from './document';
import { renderDocument } from './yaml-text';

type Client = Prisma.TransactionClient | PrismaClient;

/**
 * The YAML of `GET /api/v1/oncall-config`. Any signed-in user may read it: it holds nothing the
 * teams, schedules, policies and routes APIs do not already show every viewer (people by e-mail).
 */
export async function exportOncallConfig(actor: Actor): Promise<string> {
  assertRole(actor, 'viewer');
  return renderDocument(await readDocument(db(), new Date()));
}

/**
 * The database's on-call configuration as a document: ids become slugs, names and e-mails; overrides
 * that have not ended at `now`; each list in a fixed order (teams, schedules by slug; policies with the
 * default first, then by name; routes in the order they are tried), so the same data always exports
 * the same text. A level naming a schedule or user that no longer exists leaves it out (as escalation
 * does). Parsed with the import schema, so it compares field by field with an imported file.
 */
export async function readDocument(client: Client, now: Date): Promise<OncallDocument> {
  const [users, teams, schedules, policies, routes] = await Promise.all([
    client.user.findMany({ select: { id: true, email: true } }),
    client.team.findMany({
      orderBy: { slug: 'asc' },
      include: { members: { include: { user: { select: { email: true } } } } },
    }),
    client.schedule.findMany({
      orderBy: { slug: 'asc' },
      include: {
        team: { select: { slug: true } },
        layers: { orderBy: { position: 'asc' }, include: { participants: { orderBy: { position: 'asc' } } } },
        overrides: { where: { endsAt: { gt: now } }, orderBy: [{ startsAt: 'asc' }, { endsAt: 'asc' }] },
      },
    }),
    client.escalationPolicy.findMany({
      orderBy: [{ isDefault: 'desc' }, { name: 'asc' }],
      include: { team: { select: { slug: true } }, levels: { orderBy: { level: 'asc' } } },
    }),
    client.route.findMany({
      orderBy: [{ isDefault: 'asc' }, { position: 'asc' }, { name: 'asc' }],
      include: { team: { select: { slug: true } }, policy: { select: { name: true } } },
    }),
  ]);
  const emailOf = new Map(users.map((u) => [u.id, u.email]));
  const slugOf = new Map(schedules.map((s) => [s.id, s.slug]));
  const known = <T>(values: (T | undefined)[]) => values.filter((v): v is T => v !== undefined);

  return oncallDocumentSchema.parse({
    version: 1,
    teams: teams.map((t) => ({
      slug: t.slug,
      name: t.name,
      description: t.description,
      channels: t.channels,
      members: t.members
        .map((m) => ({ email: m.user.email, admin: m.isAdmin }))
        .sort((a, b) => a.email.localeCompare(b.email)),
    })),
    schedules: schedules.map((s) => ({
      slug: s.slug,
      name: s.name,
      description: s.description,
      team: s.team?.slug ?? null,
      timeZone: s.timeZone,
      layers: s.layers.map((l) => ({
        name: l.name,
        rotation: l.rotation,
        rotationLength: l.rotationLength,
        handoffTime: l.handoffTime,
        timeZone: l.timeZone,
        startDate: l.startDate,
        endsAt: l.endsAt?.toISOString() ?? null,
        restrictions: l.restrictions,
        participants: known(l.participants.map((p) => emailOf.get(p.userId))),
      })),
      overrides: s.overrides.map((o) => ({
        user: emailOf.get(o.userId),
        startsAt: o.startsAt.toISOString(),
        endsAt: o.endsAt.toISOString(),
        reason: o.reason,
      })),
    })),
    policies: policies.map((p) => ({
      name: p.name,
      description: p.description,
      team: p.team?.slug ?? null,
      repeat: p.repeat,
      repeatAfterSeconds: p.repeatAfterSeconds,
      levels: p.levels.map((l) => ({
        name: l.name,
        delaySeconds: l.delaySeconds,
        channels: l.targets,
        schedules: known(l.scheduleIds.map((id) => slugOf.get(id))),
        users: known(l.userIds.map((id) => emailOf.get(id))),
      })),
    })),
    routes: routes.map((r) => ({
      name: r.name,
      default: r.isDefault,
      matchers: r.matchers,
      team: r.team?.slug ?? null,
      policy: r.policy.name,
      autoOpen: r.autoOpen,
      urgency: r.urgency,
    })),
  });
}

import 'server-only';
import type { EscalationLevelConfig } from '@/lib/config/load';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { log } from '@/lib/log';

/**
 * The "default" escalation policy is VIGIL_CONFIG's `escalation.levels` (or DEFAULT_ESCALATION),
 * written to the escalation_policies / escalation_levels tables at start-up (`managedBy` "config":
 * read-only in the API). Incidents whose route names no other policy, and incidents opened by hand,
 * escalate under it. Other policies are made through the API (policies.ts).
 */

const DEFAULT_POLICY_NAME = 'default';

/**
 * Makes the "default" policy's rows equal to `levels` (levels no longer configured are removed), and
 * has every open incident's next escalation time computed again under them. A level's `schedules`
 * (slugs) and `users` (e-mails) become ids; one that does not exist is logged as a warning, left out,
 * and returned in `missing`: the escalation runner syncs again once it exists (runner.ts).
 */
export async function syncEscalationPolicy(
  client: PrismaClient,
  levels: readonly EscalationLevelConfig[],
): Promise<{ policyId: string; missing: MissingTargets }> {
  return client.$transaction(async (tx) => {
    const slugs = [...new Set(levels.flatMap((l) => l.schedules ?? []))];
    const emails = [...new Set(levels.flatMap((l) => l.users ?? []))];
    const schedules = slugs.length
      ? await tx.schedule.findMany({ where: { slug: { in: slugs } }, select: { id: true, slug: true } })
      : [];
    const users = emails.length
      ? await tx.user.findMany({
          where: { email: { in: emails, mode: 'insensitive' } },
          select: { id: true, email: true },
        })
      : [];
    const scheduleId = new Map(schedules.map((s) => [s.slug, s.id]));
    const userId = new Map(users.map((u) => [u.email.toLowerCase(), u.id]));
    const policy = await tx.escalationPolicy.upsert({
      where: { name: DEFAULT_POLICY_NAME },
      create: { name: DEFAULT_POLICY_NAME, isDefault: true, managedBy: 'config' },
      update: { isDefault: true, managedBy: 'config', updatedAt: new Date() },
    });
    await tx.escalationLevel.deleteMany({
      where: { policyId: policy.id, level: { notIn: levels.map((l) => l.level) } },
    });
    for (const l of levels) {
      const data = {
        name: l.name,
        delaySeconds: l.delaySeconds,
        targets: l.targets,
        scheduleIds: resolve(l.schedules ?? [], (slug) => scheduleId.get(slug), l, 'schedule'),
        userIds: resolve(l.users ?? [], (email) => userId.get(email.toLowerCase()), l, 'user'),
      };
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
    return {
      policyId: policy.id,
      missing: {
        schedules: slugs.filter((slug) => !scheduleId.has(slug)),
        users: emails.filter((email) => !userId.has(email.toLowerCase())),
      },
    };
  });
}

/** Schedules (slugs) and users (e-mails) the config's levels name that did not exist at the last sync. */
export type MissingTargets = { schedules: string[]; users: string[] };

/** Whether any of the missing targets exists now (one small query, run each pass while some are missing). */
export async function missingTargetsAppeared(
  client: PrismaClient,
  missing: MissingTargets,
): Promise<boolean> {
  if (missing.schedules.length === 0 && missing.users.length === 0) return false;
  const [row] = await client.$queryRaw<{ found: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM schedules WHERE slug = ANY(${missing.schedules}::text[]))
        OR EXISTS (SELECT 1 FROM users WHERE lower(email) = ANY(${missing.users.map((e) => e.toLowerCase())}::text[]))
      AS found`;
  return row?.found ?? false;
}

/** The ids of the names that exist; each missing one is a warning naming it. */
function resolve(
  names: readonly string[],
  idOf: (name: string) => string | undefined,
  level: EscalationLevelConfig,
  kind: 'schedule' | 'user',
): string[] {
  const ids: string[] = [];
  for (const name of names) {
    const id = idOf(name);
    if (id) ids.push(id);
    else
      log.warn(
        { event: 'escalation.config_target_missing', level: level.level, kind, name },
        `Escalation level L${level.level} names ${kind} "${name}", which does not exist: the level pages it from the moment it is created${kind === 'schedule' ? ' (a schedule with that slug)' : ''}`,
      );
  }
  return [...new Set(ids)];
}

import 'server-only';
import { audit } from '@/lib/audit';
import { type Actor, assertRole } from '@/lib/auth/actor';
import { db } from '@/lib/db';
import { ValidationError } from '@/lib/errors';
import { BUILTIN_METHODS, type NotificationRules, type RuleInput } from './rule-schemas';

/**
 * Each person's notification rules (issue 16.2), read and replaced whole (lib/escalation/page-targets.ts
 * applies them when a level pages the person). A rule names a contact method of the person's own, or
 * `push` or `email`; anything else is refused naming the rule. Replacing is one transaction.
 */

const URGENCIES = ['high', 'low'] as const;
const isBuiltin = (m: string): m is (typeof BUILTIN_METHODS)[number] =>
  (BUILTIN_METHODS as readonly string[]).includes(m);

export async function getMyRules(actor: Actor): Promise<NotificationRules> {
  assertRole(actor, 'viewer');
  const rows = await db().notificationRule.findMany({
    where: { userId: actor.id },
    orderBy: [{ urgency: 'asc' }, { position: 'asc' }],
  });
  const of = (urgency: string) =>
    rows
      .filter((r) => r.urgency === urgency)
      .map((r) => ({ afterMinutes: r.delaySeconds / 60, method: r.contactMethodId ?? r.builtin ?? 'email' }));
  return { high: of('high'), low: of('low') };
}

export async function replaceMyRules(actor: Actor, rules: NotificationRules): Promise<NotificationRules> {
  assertRole(actor, 'viewer');
  await db().$transaction(async (tx) => {
    const mine = new Set(
      (await tx.contactMethod.findMany({ where: { userId: actor.id }, select: { id: true } })).map(
        (m) => m.id,
      ),
    );
    const problems: Record<string, string> = {};
    for (const urgency of URGENCIES)
      rules[urgency].forEach((r: RuleInput, i) => {
        if (!isBuiltin(r.method) && !mine.has(r.method))
          problems[`${urgency}.${i}.method`] = 'not one of your contact methods, push or email';
      });
    if (Object.keys(problems).length > 0)
      throw new ValidationError('A rule names a method you do not have.', problems);
    await tx.notificationRule.deleteMany({ where: { userId: actor.id } });
    await tx.notificationRule.createMany({
      data: URGENCIES.flatMap((urgency) =>
        rules[urgency].map((r, position) => ({
          userId: actor.id,
          urgency,
          position,
          delaySeconds: r.afterMinutes * 60,
          contactMethodId: isBuiltin(r.method) ? null : r.method,
          builtin: isBuiltin(r.method) ? r.method : null,
        })),
      ),
    });
    await audit(tx, actor, 'notification_rules.replaced', actor.email, {
      high: rules.high.length,
      low: rules.low.length,
    });
  });
  return getMyRules(actor);
}

import 'server-only';
import { type Actor, assertRole } from '@/lib/auth/actor';
import { PAGEABLE } from '@/lib/auth/pageable';
import { db } from '@/lib/db';
import type { PolicyTargets } from './policy-schemas';

/**
 * Everything a policy level can page, by name: the channels (handed over from VIGIL_CONFIG by the
 * caller, names and types only), every schedule, and the people who can be paged (lib/auth/pageable.ts:
 * a disabled user is skipped when paged and a viewer cannot acknowledge, so offering either would make a
 * level that reaches nobody who can act). Two small queries.
 */
export async function policyTargets(
  actor: Actor,
  channels: PolicyTargets['channels'],
): Promise<PolicyTargets> {
  assertRole(actor, 'viewer');
  const [schedules, users] = await Promise.all([
    db().schedule.findMany({ orderBy: { name: 'asc' }, select: { id: true, slug: true, name: true } }),
    db().user.findMany({
      where: PAGEABLE,
      orderBy: [{ name: 'asc' }, { email: 'asc' }],
      select: { id: true, name: true, email: true },
    }),
  ]);
  return {
    channels: [...channels].sort((a, b) => a.name.localeCompare(b.name)),
    schedules,
    users: users.map((u) => ({ id: u.id, name: u.name || u.email, email: u.email })),
  };
}

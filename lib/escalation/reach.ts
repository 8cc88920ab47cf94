import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { Reach, Urgency } from './page-targets';

/**
 * What page-targets.ts needs to know of a person, read with the person: their contact methods (verified
 * or not), their notification rules in order, and whether a browser of theirs takes Web Push. Shared by
 * a level's pages (record.ts) and reminders (reminders.ts), so both follow the same rules.
 */

/** Prisma `select` fields to add to a user query; `reachOf` turns the result into a Reach. */
export const REACH_SELECT = {
  contactMethods: { select: { id: true, kind: true, verifiedAt: true } },
  notificationRules: {
    orderBy: { position: 'asc' },
    select: { urgency: true, delaySeconds: true, contactMethodId: true, builtin: true },
  },
  _count: { select: { pushSubscriptions: true } },
} satisfies Prisma.UserSelect;

type ReachRow = Prisma.UserGetPayload<{ select: typeof REACH_SELECT }>;

export function reachOf(u: ReachRow): Reach {
  return {
    methods: u.contactMethods.map((m) => ({ id: m.id, kind: m.kind, verified: m.verifiedAt !== null })),
    push: u._count.pushSubscriptions > 0,
    rules: u.notificationRules.map((r) => ({
      urgency: urgencyOf(r.urgency),
      delaySeconds: r.delaySeconds,
      contactMethodId: r.contactMethodId,
      builtin: r.builtin === 'push' || r.builtin === 'email' ? r.builtin : null,
    })),
  };
}

/** A route's urgency as stored; anything but "low" (or no route) is high: a page should not wait. */
export const urgencyOf = (stored: string | null | undefined): Urgency => (stored === 'low' ? 'low' : 'high');

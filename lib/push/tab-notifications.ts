import 'server-only';
import { type Actor, assertRole } from '@/lib/auth/actor';
import { db } from '@/lib/db';
import { incidentLabel } from '@/lib/incidents/incident-ref';
import type { TabNotifications } from './push-schemas';

/**
 * The per-user switch for notifications while a console tab is open (components/push/tab-notifier.tsx),
 * and what that tab polls: the pages to the caller since an instant.
 */

export async function getTabNotifications(actor: Actor): Promise<TabNotifications> {
  assertRole(actor, 'viewer');
  const user = await db().user.findUniqueOrThrow({
    where: { id: actor.id },
    select: { tabNotifications: true, tabSound: true },
  });
  return { enabled: user.tabNotifications, sound: user.tabSound };
}

export async function setTabNotifications(
  actor: Actor,
  settings: TabNotifications,
): Promise<TabNotifications> {
  assertRole(actor, 'viewer');
  await db().user.update({
    where: { id: actor.id },
    data: { tabNotifications: settings.enabled, tabSound: settings.sound },
  });
  return settings;
}

/** Pages at most listed per poll: a tab polling every 15 s never sees more unless paging runs wild. */
const MAX_PAGES = 20;

/**
 * Pages to the caller created after `since`: notifications addressed to them (lib/escalation/record.ts
 * queues one per person and level), one per incident (the latest), newest first.
 */
export async function myPagesSince(actor: Actor, since: Date) {
  assertRole(actor, 'viewer');
  const rows = await db().notification.findMany({
    where: { userId: actor.id, createdAt: { gt: since } },
    orderBy: { createdAt: 'desc' },
    take: MAX_PAGES,
    select: {
      id: true,
      incidentId: true,
      createdAt: true,
      incident: { select: { number: true, title: true, severity: true } },
    },
  });
  const seen = new Set<string>();
  return rows
    .filter((row) => {
      const key = row.incidentId ?? row.id;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map((row) => ({
      id: row.id,
      incidentId: row.incidentId,
      title: row.incident ? `${incidentLabel(row.incident.number)} ${row.incident.title}` : 'You are paged',
      severity: row.incident?.severity ?? null,
      createdAt: row.createdAt.toISOString(),
    }));
}

import 'server-only';
import { type Actor, assertRole } from '@/lib/auth/actor';
import { db } from '@/lib/db';
import { incidentLabel } from '@/lib/incidents/incident-ref';
import { isoDay } from './format';
import type { OpenActionItems, PostmortemList } from './schemas';

/** The post-mortems list, the open action items across incidents, and who may own an action item. */

const personName = (u: { name: string | null; email: string } | null) => (u ? u.name || u.email : null);

/** `GET /api/v1/postmortems`: newest change first. */
export async function listPostmortems(actor: Actor): Promise<PostmortemList> {
  assertRole(actor, 'viewer');
  const rows = await db().postmortem.findMany({
    orderBy: [{ updatedAt: 'desc' }, { id: 'asc' }],
    take: 500,
    include: {
      incident: { select: { id: true, number: true, title: true, severity: true } },
      author: { select: { name: true, email: true } },
      _count: { select: { actionItems: { where: { doneAt: null } } } },
    },
  });
  return {
    postmortems: rows.map((r) => ({
      id: r.id,
      status: r.status,
      incident: incidentLabel(r.incident.number),
      incidentId: r.incident.id,
      title: r.incident.title,
      severity: r.incident.severity,
      owner: personName(r.author) ?? '',
      openActionItems: r._count.actionItems,
      updatedAt: r.updatedAt.toISOString(),
      publishedAt: r.publishedAt?.toISOString() ?? null,
    })),
  };
}

/** `GET /api/v1/postmortems/action-items`: items not done yet, soonest due first (no due date last). */
export async function openActionItems(actor: Actor, now = new Date()): Promise<OpenActionItems> {
  assertRole(actor, 'viewer');
  const rows = await db().actionItem.findMany({
    where: { doneAt: null },
    orderBy: [{ dueDate: { sort: 'asc', nulls: 'last' } }, { createdAt: 'asc' }],
    take: 1000,
    include: {
      owner: { select: { name: true, email: true } },
      postmortem: { select: { incident: { select: { id: true, number: true, title: true } } } },
    },
  });
  const today = isoDay(now);
  return {
    actionItems: rows.map((a) => {
      const due = a.dueDate ? isoDay(a.dueDate) : null;
      return {
        id: a.id,
        title: a.title,
        ownerId: a.ownerId,
        owner: personName(a.owner),
        dueDate: due,
        done: false,
        doneAt: null,
        incident: incidentLabel(a.postmortem.incident.number),
        incidentId: a.postmortem.incident.id,
        incidentTitle: a.postmortem.incident.title,
        overdue: due !== null && due < today,
      };
    }),
  };
}

/** People an action item can be given to: every enabled user, by name. */
export async function actionItemOwners(actor: Actor): Promise<{ id: string; label: string }[]> {
  assertRole(actor, 'viewer');
  const users = await db().user.findMany({
    where: { disabledAt: null },
    orderBy: [{ name: 'asc' }, { email: 'asc' }],
    select: { id: true, name: true, email: true },
  });
  return users.map((u) => ({ id: u.id, label: u.name ? `${u.name} (${u.email})` : u.email }));
}

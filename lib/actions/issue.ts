import 'server-only';
import { type Actor, assertRole } from '@/lib/auth/actor';
import { activeUser } from '@/lib/auth/users';
import { db } from '@/lib/db';
import { ForbiddenError, NotFoundError } from '@/lib/errors';
import { parseIncidentRef } from '@/lib/incidents/incident-ref';
import { type ActionLinks, issueActionLinks, linkBaseUrl } from './links';

/**
 * `POST /api/v1/incidents/{id}/action-links`: a responder's own phone link, or an admin's link for
 * anyone. A responder may not mint links for someone else: the link acts, and the timeline names, the
 * person it is for. `origin` is the console as this caller reached it, used when VIGIL_CONFIG has no
 * `actions.publicUrl`.
 */
export async function issueLinksFor(
  actor: Actor,
  ref: string,
  userId: string | undefined,
  origin: string,
): Promise<ActionLinks> {
  assertRole(actor, 'responder');
  const forId = userId ?? actor.id;
  if (forId !== actor.id && actor.role !== 'admin')
    throw new ForbiddenError(
      'Only an admin may issue action links for someone else; leave out userId for your own.',
    );
  const incident = await db().incident.findUnique({
    where: parseIncidentRef(ref),
    select: { id: true, status: true },
  });
  if (!incident) throw new NotFoundError(`There is no incident ${ref}.`);
  if (!(await activeUser(forId))) throw new NotFoundError(`There is no active user ${forId}.`);
  return issueActionLinks(incident, forId, linkBaseUrl(origin));
}

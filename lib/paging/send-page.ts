import 'server-only';
import { issueActionLinks, linkBaseUrl } from '@/lib/actions/links';
import type { PageMessage } from '@/lib/contacts/message';
import { sendToContact } from '@/lib/contacts/send';
import { db } from '@/lib/db';
import { incidentLabel } from '@/lib/incidents/incident-ref';
import type { IncidentStatus } from '@/lib/incidents/incident-schemas';
import type { NotificationPayload } from '@/lib/notify/message';
import { pageDetail } from '@/lib/notify/message';
import type { PersonPage } from '@/lib/notify/outbox';
import { DeliveryError } from '@/lib/notify/send';
import { pushToUser } from '@/lib/push/deliver';

/**
 * Sends one page (or follow-up, or reminder) to a person by one of their contact methods or by Web Push;
 * the outbox calls it (registered at start-up) and records the result, retries and gives up as for any
 * notification. A page carries the person's signed action links (lib/actions): Acknowledge on a phone
 * without signing in, Slack and Mattermost buttons, the push notification's one-tap acknowledge. The
 * links are made at send time, bound to the status the incident had when the page was queued, so a
 * page sent after an acknowledgement could not act anyway (the outbox cancels those first).
 *
 * Links need the console's address as phones reach it: VIGIL_CONFIG `actions.publicUrl`. Without it
 * they point at this server's local address, which only works on the machine itself.
 */
export async function sendPersonPage(
  page: PersonPage,
  payload: NotificationPayload,
  deadlineMs: number,
): Promise<void> {
  const base = linkBaseUrl(`http://localhost:${process.env.PORT ?? 3000}`);
  const ref = incidentLabel(payload.incident.number);
  const isPage = payload.notice === undefined;
  const links = isPage
    ? issueActionLinks(
        { id: payload.incident.id, status: payload.incident.status as IncidentStatus },
        page.userId,
        base,
        new Date(),
        // Signed into the token: its acknowledgement is then "via push notification" on the incident.
        page.channel === 'push' ? 'push' : undefined,
      )
    : null;
  const openUrl = links?.openUrl ?? `${base}/incidents/${ref}`;
  if (page.channel === 'push') {
    const results = await pushToUser(page.userId, {
      kind: isPage ? 'page' : 'followup',
      title: `${ref} [${payload.incident.severity}] ${payload.incident.title}`,
      body: pageDetail(payload),
      incidentId: payload.incident.id,
      url: `/incidents/${ref}`,
      ackUrl: links?.acknowledgeUrl ?? null,
    });
    if (results.length === 0) throw new DeliveryError('push: no browser of theirs is registered any more');
    if (!results.some((r) => r.delivered))
      throw new DeliveryError(
        `push: ${results.map((r) => `${r.label}: ${r.error ?? 'not delivered'}`).join('; ')}`,
      );
    return;
  }
  const method = page.contactMethodId
    ? await db().contactMethod.findUnique({ where: { id: page.contactMethodId } })
    : null;
  if (!method) throw new DeliveryError(`${page.channel}: the contact method was removed`);
  const message: PageMessage = {
    kind: isPage ? 'page' : payload.reason === 'reminder' ? 'reminder' : 'followup',
    title: payload.incident.title,
    text: pageDetail(payload),
    severity: payload.incident.severity,
    incidentRef: ref,
    openUrl,
    ...(links
      ? {
          actions: {
            acknowledgeUrl: links.acknowledgeUrl,
            token: links.token,
            silenceToken: links.silenceToken,
            escalateToken: links.escalateToken,
          },
        }
      : {}),
  };
  await sendToContact(method, message, deadlineMs);
}

import 'server-only';
import type { Actor } from '@/lib/auth/actor';
import { db } from '@/lib/db';
import { ConflictError, UnauthorizedError } from '@/lib/errors';
import { escalateIncident } from '@/lib/escalation/manual';
import { acknowledgeIncidentFromLink } from '@/lib/incidents/incidents';
import { createSilence } from '@/lib/incidents/silences';
import { type LinkIncident, type LinkState, readToken } from './link-state';

/**
 * Acting on a signed token: the acknowledge link's POST, and the chat buttons. Each action goes through
 * the console's own code path as the person the page was for (or, for a stale link, the signed-in
 * user), so roles, audit, the timeline and Alertmanager behave exactly as from the console.
 */

export type ChatVia = 'slack' | 'mattermost';
export type ChatAction = 'ack' | 'silence' | 'escalate';

export type ActionDone = {
  incident: LinkIncident;
  /** Who acted, by name: "Ana Lopez". */
  actor: string;
  /** What happened, as a sentence without the actor: "acknowledged", "silenced 2 alerts for 1 h". */
  done: string;
};

/** A state that cannot act, as the typed error the API answers with. */
function refusal(state: Exclude<LinkState, { kind: 'ready' }>): Error {
  return state.kind === 'changed'
    ? new ConflictError(state.message, { id: state.incident.id, ref: state.incident.ref })
    : new UnauthorizedError(state.message);
}

const nameOf = (a: Pick<Actor, 'name' | 'email'>) => a.name || a.email;

/**
 * `POST /api/v1/actions/{token}`: acknowledges from a link, once. A token issued for a Web Push
 * notification (signed `sentBy: 'push'`, the service worker's one-tap Acknowledge) is recorded as
 * "via push"; it acts under exactly the rules of a link.
 */
export async function acknowledgeFromLink(
  text: string,
  session: Actor | undefined,
  ip: string | null,
): Promise<ActionDone> {
  const state = await readToken(text, ['ack'], { session, via: 'link', ip });
  if (state.kind !== 'ready') throw refusal(state);
  const summary = await acknowledgeIncidentFromLink(state.actor, state.incident.id, state.token.status, {
    via: state.token.sentBy === 'push' ? 'push' : 'link',
  });
  return {
    incident: { ...state.incident, status: summary.status },
    actor: nameOf(state.actor),
    done: 'acknowledged',
  };
}

/** The most alerts one Silence 1 h button silences: bounds the work one request can cause. */
const MAX_SILENCED = 50;

/** A chat button pressed by `chatUser` (their chat handle), acting as the token's person. */
export async function actFromChat(
  text: string,
  action: ChatAction,
  chat: { via: ChatVia; chatUser: string },
): Promise<ActionDone> {
  const state = await readToken(text, [action], { via: chat.via, ip: null });
  if (state.kind !== 'ready') throw refusal(state);
  const { actor, incident, token } = state;
  const from = `from ${chat.via === 'slack' ? 'Slack' : 'Mattermost'} by ${chat.chatUser}`;
  const result = (done: string, status = incident.status): ActionDone => ({
    incident: { ...incident, status },
    actor: nameOf(actor),
    done,
  });
  if (action === 'ack') {
    const summary = await acknowledgeIncidentFromLink(actor, incident.id, token.status, {
      via: chat.via,
      chatUser: chat.chatUser,
    });
    return result('acknowledged', summary.status);
  }
  if (action === 'escalate') {
    const escalated = await escalateIncident(actor, incident.id, {
      direction: 'up',
      reason: `escalated ${from}`,
    });
    return result(`escalated to L${escalated.incident.escalationLevel} ${escalated.incident.levelName}`);
  }
  const firing = await db().incidentAlert.findMany({
    where: { incidentId: incident.id, resolvedAt: null },
    select: { cluster: true, labels: true },
    orderBy: { addedAt: 'asc' },
    take: MAX_SILENCED,
  });
  if (firing.length === 0) throw new ConflictError(`${incident.ref} has no firing alerts left to silence.`);
  for (const alert of firing)
    await createSilence(actor, {
      matchers: Object.entries(alert.labels as Record<string, string>).map(([name, value]) => ({
        name,
        value,
        isRegex: false,
        isEqual: true,
      })),
      duration: '1h',
      comment: `Silenced for 1 h ${from}`,
      incidentId: incident.id,
      cluster: alert.cluster,
    });
  return result(`silenced ${firing.length === 1 ? '1 alert' : `${firing.length} alerts`} for 1 h`);
}

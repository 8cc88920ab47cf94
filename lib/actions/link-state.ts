import 'server-only';
import type { Actor } from '@/lib/auth/actor';
import { activeUser } from '@/lib/auth/users';
import { config } from '@/lib/config/current';
import { db } from '@/lib/db';
import { incidentLabel } from '@/lib/incidents/incident-ref';
import type { IncidentStatus } from '@/lib/incidents/incident-schemas';
import { derivedKey } from '@/lib/secrets/keys';
import { type Action, type ActionToken, isFresh, verifyActionToken } from './token';

/**
 * What a signed token is worth right now, read without changing anything (a GET of a link page must
 * not act: mail scanners open links). The link page renders each kind; the POST and the chat buttons
 * act only on `ready`.
 */

export type LinkIncident = {
  id: string;
  ref: string;
  title: string;
  status: IncidentStatus;
  severity: string;
};

export type LinkState =
  | { kind: 'invalid'; message: string }
  | { kind: 'expired'; message: string }
  | { kind: 'changed'; incident: LinkIncident; message: string }
  | { kind: 'sign_in'; incident: LinkIncident; token: ActionToken; message: string }
  | { kind: 'ready'; incident: LinkIncident; token: ActionToken; actor: Actor };

const INVALID =
  'This link is not valid (it was changed, cut short, or Vigil’s AUTH_SECRET changed since it was sent). Open the incident in the console instead.';

const DOES: Record<Action, string> = {
  ack: 'acknowledge',
  open: 'open an incident',
  silence: 'silence',
  escalate: 'escalate',
};

/** A genuine token of another action: a chat button's token sent where a link's goes, say. */
function wrongAction(actions: readonly Action[]): string {
  return `This token is genuine but cannot ${actions.map((a) => DOES[a]).join(' or ')} here: it belongs to another of Vigil's buttons or links. Use that one, or act in the console.`;
}

/**
 * The state of `text` as a token for one of `actions`. `session` is the signed-in user, if any; `via`
 * says how the token arrived: a link must be fresh (VIGIL_CONFIG `actions.freshFor`) to act without a
 * session, while a chat button was already vouched for by the chat (Slack's signature) or is the
 * whole proof on its own (Mattermost, see README), and acts until the token expires.
 */
export async function readToken(
  text: string,
  actions: readonly Action[],
  options: { session?: Actor; via: 'link' | 'slack' | 'mattermost'; ip: string | null; now?: Date },
): Promise<LinkState> {
  const now = Math.floor((options.now ?? new Date()).getTime() / 1000);
  const key = derivedKey('action-links');
  let verified = verifyActionToken(text, actions[0] ?? 'ack', key, now);
  for (const action of actions.slice(1))
    if (!verified.ok && verified.reason === 'wrong_action')
      verified = verifyActionToken(text, action, key, now);
  if (!verified.ok)
    return verified.reason === 'expired'
      ? {
          kind: 'expired',
          message: 'This link has expired. Open the incident in the console to see where it stands.',
        }
      : verified.reason === 'wrong_action'
        ? { kind: 'invalid', message: wrongAction(actions) }
        : { kind: 'invalid', message: INVALID };
  const { token } = verified;
  const row = await db().incident.findUnique({
    where: { id: token.incidentId },
    select: { id: true, number: true, title: true, status: true, severity: true },
  });
  if (!row) return { kind: 'invalid', message: 'The incident of this link no longer exists.' };
  const incident = { ...row, ref: incidentLabel(row.number) };
  if (row.status !== token.status)
    return {
      kind: 'changed',
      incident,
      message: `This link is for an incident that has since been ${row.status === 'open' ? 'reopened' : row.status}, so it no longer acts. Open the console to see where ${incident.ref} stands.`,
    };
  if (options.via === 'link' && !isFresh(token, config().actions.freshForSeconds, now)) {
    if (options.session) return { kind: 'ready', incident, token, actor: options.session };
    return {
      kind: 'sign_in',
      incident,
      token,
      message:
        'This link was sent a while ago, so it needs you to sign in before it acts. After signing in you come back here.',
    };
  }
  const user = await activeUser(token.userId);
  if (!user)
    return { kind: 'invalid', message: 'The person this link was sent to can no longer sign in to Vigil.' };
  return { kind: 'ready', incident, token, actor: { ...user, via: options.via, ip: options.ip } };
}

import 'server-only';
import { config } from '@/lib/config/current';
import type { IncidentStatus } from '@/lib/incidents/incident-schemas';
import { derivedKey } from '@/lib/secrets/keys';
import { type Action, signActionToken } from './token';

/**
 * What a page carries (issue 16): an acknowledge link and an open link, each a signed single-purpose
 * token bound to the incident, the person paged and the incident's status now, plus the tokens of the
 * chat buttons. `token` is the acknowledge token (a Slack or Mattermost "Acknowledge" button's value);
 * the Silence 1 h and Escalate buttons need their own (`silenceToken`, `escalateToken`): a token acts
 * only as the action it was issued for.
 */
export type ActionLinks = {
  acknowledgeUrl: string;
  token: string;
  openUrl: string;
  silenceToken: string;
  escalateToken: string;
};

/** The console's address for links: VIGIL_CONFIG `actions.publicUrl`, else the given fallback. */
export const linkBaseUrl = (fallback: string): string =>
  (config().actions.publicUrl ?? fallback).replace(/\/+$/, '');

/** The path of a link page for a token: `/a/<token>` (app/a/[token]/page.tsx). */
export const actionPath = (token: string) => `/a/${token}`;

/**
 * Links for `userId` to act on `incident`, valid for VIGIL_CONFIG `actions.expiresAfter` (24 h) and
 * while the incident keeps its current status. `sentBy` 'push' marks (signed) the links of a Web Push
 * notification, so the timeline can tell its one-tap acknowledgement from an e-mailed link.
 *
 *   issueActionLinks({id: 'c1', status: 'open'}, 'u1', 'https://vigil.example.com')
 *     → {acknowledgeUrl: 'https://vigil.example.com/a/eyJ2…', token: 'eyJ2…', openUrl: '…/a/eyJ2…', …}
 */
export function issueActionLinks(
  incident: { id: string; status: IncidentStatus },
  userId: string,
  baseUrl: string,
  now: Date = new Date(),
  sentBy?: 'push',
): ActionLinks {
  const issuedAt = Math.floor(now.getTime() / 1000);
  const expiresAt = issuedAt + config().actions.expiresAfterSeconds;
  const key = derivedKey('action-links');
  const sign = (action: Action) =>
    signActionToken(
      {
        action,
        incidentId: incident.id,
        userId,
        status: incident.status,
        issuedAt,
        expiresAt,
        ...(sentBy ? { sentBy } : {}),
      },
      key,
    );
  const base = baseUrl.replace(/\/+$/, '');
  const token = sign('ack');
  return {
    acknowledgeUrl: base + actionPath(token),
    token,
    openUrl: base + actionPath(sign('open')),
    silenceToken: sign('silence'),
    escalateToken: sign('escalate'),
  };
}

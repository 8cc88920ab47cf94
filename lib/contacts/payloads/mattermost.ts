import { headline, type PageMessage, plainText } from '../message';
import { severityColour } from './colour';

/** Where Mattermost posts a button click: Vigil's own endpoint, on the console's origin. */
const MATTERMOST_ACTIONS_PATH = '/api/v1/integrations/mattermost/actions';

/**
 * A Mattermost incoming-webhook body: one attachment titled with the headline and linked to the console.
 * With `actions`, interactive buttons: Mattermost POSTs `context` ({action, token}) to the integration
 * URL, which is on the same origin as `openUrl` (the console that sent the page). Button ids are plain
 * alphanumerics, as Mattermost's interactive-message docs ask.
 */
export function mattermostMessage(m: PageMessage) {
  const integrationUrl = new URL(MATTERMOST_ACTIONS_PATH, m.openUrl).toString();
  // The context lib/actions' Mattermost endpoint reads: the action and that action's own token.
  const action = (
    id: string,
    name: string,
    context: 'ack' | 'silence' | 'escalate',
    token: string,
    style: string,
  ) => ({
    id,
    name,
    type: 'button',
    style,
    integration: { url: integrationUrl, context: { action: context, token } },
  });
  return {
    attachments: [
      {
        fallback: plainText(m),
        color: severityColour(m),
        title: headline(m),
        title_link: m.openUrl,
        text: m.text,
        ...(m.actions
          ? {
              actions: [
                action('vigilack', 'Acknowledge', 'ack', m.actions.token, 'primary'),
                action('vigilsilence1h', 'Silence 1 h', 'silence', m.actions.silenceToken, 'default'),
                action('vigilescalate', 'Escalate', 'escalate', m.actions.escalateToken, 'danger'),
              ],
            }
          : {}),
      },
    ],
  };
}

import { headline, type PageMessage, plainText } from '../message';

/**
 * A Slack message (incoming webhook body, or chat.postMessage without its `channel`): `text` is what the
 * phone's notification shows, the blocks are the message. With `actions`, buttons whose `value` is the
 * action token; Slack posts a click to the app's interactivity URL with that `action_id` and `value`.
 *
 *   slackMessage({kind: 'page', title: 'API down', …, actions: {token: 't1', …}}).blocks[1].elements[0]
 *   → {type: 'button', action_id: 'vigil_ack', text: {type: 'plain_text', text: 'Acknowledge'}, value: 't1', style: 'primary'}
 */

/** Slack reads &, < and > as markup in mrkdwn and in `text` (its "Escaping text" guide). */
const slackEscape = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

const button = (action_id: string, text: string, extra: Record<string, string>) => ({
  type: 'button',
  action_id,
  text: { type: 'plain_text', text },
  ...extra,
});

export function slackMessage(m: PageMessage) {
  const body = m.text
    ? `*${slackEscape(headline(m))}*\n${slackEscape(m.text)}`
    : `*${slackEscape(headline(m))}*`;
  const elements = [
    ...(m.actions
      ? [
          button('vigil_ack', 'Acknowledge', { value: m.actions.token, style: 'primary' }),
          button('vigil_silence_1h', 'Silence 1 h', { value: m.actions.silenceToken }),
          button('vigil_escalate', 'Escalate', { value: m.actions.escalateToken, style: 'danger' }),
        ]
      : []),
    button('vigil_open', 'Open', { url: m.openUrl }),
  ];
  return {
    text: slackEscape(plainText(m)),
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: body } },
      { type: 'actions', block_id: 'vigil_actions', elements },
    ],
  };
}

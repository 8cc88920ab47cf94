import type { ActionDone, ChatVia } from './perform';

/**
 * The chat message that replaces a page once a button acted, and the answers to a press that did not
 * act. Pure. Slack: the body POSTed to the press's `response_url` (replace_original), with the time in
 * Slack's date syntax so each reader sees their own zone (the fallback is UTC). Mattermost: the
 * `update` answered to the action request, which replaces the post and its buttons.
 *
 *   chatSummary({incident: {ref: 'INC-7', title: 'API down', …}, actor: 'Ana', done: 'acknowledged'},
 *     'slack', new Date('2026-12-05T03:12:00Z'))
 *     → 'INC-7 API down: acknowledged by Ana via Slack at 03:12 UTC'
 */

const hhmm = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', hour: '2-digit', minute: '2-digit' });
const VIA: Record<ChatVia, string> = { slack: 'Slack', mattermost: 'Mattermost' };

export function chatSummary(d: ActionDone, via: ChatVia, at: Date): string {
  return `${d.incident.ref} ${d.incident.title}: ${d.done} by ${d.actor} via ${VIA[via]} at ${hhmm.format(at)} UTC`;
}

export function slackReplacement(d: ActionDone, at: Date) {
  const when = `<!date^${Math.floor(at.getTime() / 1000)}^{time}|${hhmm.format(at)} UTC>`;
  return {
    replace_original: true,
    text: chatSummary(d, 'slack', at),
    blocks: [
      {
        type: 'section',
        text: { type: 'mrkdwn', text: `*${d.incident.ref}* ${escapeSlack(d.incident.title)}` },
      },
      {
        type: 'context',
        elements: [
          {
            type: 'mrkdwn',
            text: `${capitalise(d.done)} by ${escapeSlack(d.actor)} via Slack at ${when} · status ${d.incident.status} · severity ${escapeSlack(d.incident.severity)}`,
          },
        ],
      },
    ],
  };
}

/** A press that did not act: shown to the presser only, the page left as it was. */
export const slackRefusal = (message: string) => ({
  response_type: 'ephemeral',
  replace_original: false,
  text: message,
});

export const mattermostUpdate = (d: ActionDone, at: Date) => ({
  // `props.attachments: []` drops the buttons along with the old text.
  update: { message: chatSummary(d, 'mattermost', at), props: { attachments: [] } },
});

export const mattermostRefusal = (message: string) => ({ ephemeral_text: message });

/** Slack's three control characters in text (api.slack.com/reference/surfaces/formatting#escaping). */
const escapeSlack = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

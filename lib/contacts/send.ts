import 'server-only';
import { config } from '@/lib/config/current';
import { sentence } from '@/lib/errors';
import { destinationProblem } from '@/lib/net/destination';
import { authorization, DeliveryError, postRequest, SEND_DEADLINE_MS, sendEmail } from '@/lib/notify/send';
import { derivedKey } from '@/lib/secrets/keys';
import { CONTACT_SECRET_CONTEXT, open, SealedValueError } from '@/lib/secrets/seal';
import { type ContactKind, type ContactSettings, contactSettingsSchema } from './contact-schemas';
import { contactDestinations } from './destination';
import { splitTopicUrl } from './display';
import type { PageMessage } from './message';
import { emailContent } from './payloads/email';
import { gatewayForm, smsText, spokenText } from './payloads/gateway';
import { mattermostMessage } from './payloads/mattermost';
import { ntfyMessage } from './payloads/ntfy';
import { slackMessage } from './payloads/slack';
import { teamsMessage } from './payloads/teams';

/**
 * Sends one PageMessage to one contact method under a deadline, or throws a DeliveryError whose message
 * names the service, the problem and what to check — never a URL, token or number (the row's `secret`
 * is opened here only). Paging (lib/escalation) and the "send me a test" button both call this.
 */

/** What sending needs of a stored method: its kind and its sealed settings. */
export type SendableContact = { kind: ContactKind; secret: string };

const SERVICE: Record<ContactKind, string> = {
  email: 'E-mail',
  slack: 'Slack',
  mattermost: 'Mattermost',
  teams: 'Teams',
  ntfy: 'ntfy',
  sms: 'SMS',
  voice: 'Voice call',
};

const WHAT_TO_CHECK: Record<ContactKind, string> = {
  email: 'Check the address; if it is right, ask an admin to check the SMTP server.',
  slack: 'Check the webhook URL, or the bot token, its chat:write scope and the member ID.',
  mattermost: 'Check the incoming webhook URL (it may have been deleted or disabled).',
  teams: 'Check the workflow URL (the workflow may have been turned off or deleted).',
  ntfy: 'Check the topic URL and the access token (it must be allowed to publish to the topic).',
  sms: 'Check the number; if it is right, ask an admin to check the SMS gateway.',
  voice: 'Check the number; if it is right, ask an admin to check the voice gateway.',
};

export async function sendToContact(
  method: SendableContact,
  message: PageMessage,
  deadlineMs: number = SEND_DEADLINE_MS,
): Promise<void> {
  try {
    await send(openSettings(method), message, deadlineMs);
  } catch (error) {
    const problem = error instanceof DeliveryError ? error.message : 'failed unexpectedly';
    throw new DeliveryError(
      `${sentence(`${SERVICE[method.kind]}: ${problem}`)} ${WHAT_TO_CHECK[method.kind]}`,
    );
  }
}

/** The method's settings, opened and validated again (a row written by an older version may not fit). */
function openSettings(method: SendableContact): ContactSettings {
  let json: unknown;
  try {
    json = JSON.parse(open(derivedKey('contact-secrets'), method.secret, CONTACT_SECRET_CONTEXT));
  } catch (error) {
    throw new DeliveryError(
      error instanceof SealedValueError
        ? `${error.message}; re-enter the contact method`
        : 'the saved settings are unreadable',
    );
  }
  const settings = contactSettingsSchema.safeParse(json);
  if (!settings.success || settings.data.kind !== method.kind)
    throw new DeliveryError('the saved settings no longer validate; re-enter the contact method');
  return settings.data;
}

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8' };

async function send(s: ContactSettings, m: PageMessage, deadlineMs: number): Promise<void> {
  const cfg = config();
  /** A person's URL, checked against the current allow-list (it may have changed since it was saved). */
  const checked = (url: string) => {
    const problem = destinationProblem(url, contactDestinations());
    if (problem) throw new DeliveryError(`the URL ${problem}`);
    return url;
  };
  const postJson = (url: string, body: unknown, headers: Record<string, string> = {}) =>
    postRequest(
      checked(url),
      { headers: { ...JSON_HEADERS, ...headers }, body: JSON.stringify(body) },
      deadlineMs,
    );
  switch (s.kind) {
    case 'email':
      return sendEmail(cfg.smtp, [s.address], emailContent(m), deadlineMs);
    case 'slack':
      if (s.url) {
        await postJson(s.url, slackMessage(m));
        return;
      }
      return slackDirectMessage(cfg.contactMethods.slackApiUrl, s, m, deadlineMs);
    case 'mattermost':
      await postJson(s.url, mattermostMessage(m));
      return;
    case 'teams':
      await postJson(s.url, teamsMessage(m));
      return;
    case 'ntfy': {
      const { base, topic } = splitTopicUrl(checked(s.topicUrl));
      // JSON is published to the server's root, the topic inside the body (ntfy "Publish as JSON").
      await postJson(
        `${base}/`,
        ntfyMessage(topic, m),
        s.token ? { authorization: `Bearer ${s.token}` } : {},
      );
      return;
    }
    case 'sms':
    case 'voice': {
      const gateway = cfg[s.kind];
      if (!gateway) throw new DeliveryError(`no ${s.kind}: gateway is configured in VIGIL_CONFIG`);
      const text = s.kind === 'sms' ? smsText(m) : spokenText(m);
      const form = gatewayForm(gateway.form, { to: s.phone, from: gateway.from, message: text });
      await postRequest(
        gateway.url,
        {
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            ...gateway.headers,
            ...authorization(gateway.auth),
          },
          body: form.toString(),
        },
        deadlineMs,
      );
      return;
    }
  }
}

/**
 * A direct message from a Slack app's bot: chat.postMessage with the member's ID as the channel. Slack's
 * Web API answers 200 with `{ok: false, error}` when it refuses, so the answer is read; only the error
 * code (a word such as `invalid_auth`) is kept.
 */
async function slackDirectMessage(
  apiUrl: string,
  s: Extract<ContactSettings, { kind: 'slack' }>,
  m: PageMessage,
  deadlineMs: number,
): Promise<void> {
  const answer = await postRequest(
    `${apiUrl}/chat.postMessage`,
    {
      headers: { ...JSON_HEADERS, authorization: `Bearer ${s.botToken}` },
      body: JSON.stringify({ channel: s.slackUserId, ...slackMessage(m) }),
    },
    deadlineMs,
  );
  let parsed: { ok?: unknown; error?: unknown } = {};
  try {
    parsed = JSON.parse(answer);
  } catch {
    throw new DeliveryError('the Web API answered something other than JSON');
  }
  if (parsed.ok !== true) {
    const code =
      typeof parsed.error === 'string' && /^\w{1,60}$/.test(parsed.error) ? parsed.error : 'unknown';
    throw new DeliveryError(`the Web API refused the message (${code})`);
  }
}

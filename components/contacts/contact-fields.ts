import type { z } from 'zod';
import type { ContactKind, createContactSchema } from '@/lib/contacts/contact-schemas';

/**
 * What the "Add a contact method" dialog asks per kind, and the POST body it makes of the answers (an
 * empty optional field is left out, so the server's "which field is missing" message stays right).
 */

type FieldSpec = {
  name: string;
  label: string;
  type: 'email' | 'url' | 'tel' | 'text' | 'password';
  placeholder: string;
  optional?: boolean;
};

export const KIND_NAMES: Record<ContactKind, string> = {
  email: 'E-mail',
  slack: 'Slack',
  mattermost: 'Mattermost',
  teams: 'Microsoft Teams',
  ntfy: 'ntfy',
  sms: 'SMS',
  voice: 'Voice call',
};

const webhook = (placeholder: string): FieldSpec[] => [
  { name: 'url', label: 'Webhook URL', type: 'url', placeholder },
];
const phone: FieldSpec[] = [
  { name: 'phone', label: 'Phone number', type: 'tel', placeholder: '+32470123456' },
];

export const KIND_FIELDS: Record<ContactKind, FieldSpec[]> = {
  email: [{ name: 'address', label: 'E-mail address', type: 'email', placeholder: 'you@example.com' }],
  slack: [
    {
      name: 'url',
      label: 'Webhook URL',
      type: 'url',
      placeholder: 'https://hooks.slack.com/services/…',
      optional: true,
    },
    { name: 'botToken', label: 'Or: bot token', type: 'password', placeholder: 'xoxb-…', optional: true },
    {
      name: 'slackUserId',
      label: 'and your member ID',
      type: 'text',
      placeholder: 'U024BE7LH',
      optional: true,
    },
  ],
  mattermost: webhook('https://chat.example.com/hooks/…'),
  teams: webhook('https://prod-00.westeurope.logic.azure.com/workflows/…'),
  ntfy: [
    { name: 'topicUrl', label: 'Topic URL', type: 'url', placeholder: 'https://ntfy.sh/your-secret-topic' },
    { name: 'token', label: 'Access token', type: 'password', placeholder: 'tk_…', optional: true },
  ],
  sms: phone,
  voice: phone,
};

/** `{kind, label?, …fields}` with blank optional fields (and a blank label) left out. */
export function createBody(
  kind: ContactKind,
  label: string,
  values: Record<string, string>,
): z.input<typeof createContactSchema> {
  const body: Record<string, string> = { kind };
  if (label.trim()) body.label = label.trim();
  for (const field of KIND_FIELDS[kind]) {
    const value = values[field.name]?.trim() ?? '';
    if (value || !field.optional) body[field.name] = value;
  }
  // Shaped by KIND_FIELDS, which follow the schema; the server validates it (and names a bad field).
  return body as z.input<typeof createContactSchema>;
}

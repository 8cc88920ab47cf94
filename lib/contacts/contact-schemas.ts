import { z } from 'zod';

/**
 * Contact methods as the API sees them (client-safe). What a person types per kind is validated here;
 * whether a plain-http URL may be used at all is the server's call (lib/contacts/destination.ts), since
 * it depends on VIGIL_CONFIG. Answers carry the non-secret `display` only, never a URL, token or number.
 */

export const CONTACT_KINDS = ['email', 'slack', 'mattermost', 'teams', 'ntfy', 'sms', 'voice'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];

/** An http(s) URL without user:password@ (credentials there would be logged by proxies). */
const webUrl = z
  .string()
  .trim()
  .max(2000)
  .refine((v) => /^https?:\/\/[^\s/]+/i.test(v) && URL.canParse(v), { error: 'must be an https:// URL' })
  .refine((v) => !URL.canParse(v) || (!new URL(v).username && !new URL(v).password), {
    error: 'must not hold a user name or password; use the token field',
  });

/** E.164: "+" and the country code, 8 to 15 digits in all ("+32470123456"). */
const phone = z
  .string()
  .trim()
  .transform((v) => v.replace(/[\s().-]/g, ''))
  .pipe(z.string().regex(/^\+[1-9]\d{7,14}$/, { error: 'must be an E.164 number such as +32470123456' }));

const emailSettings = z.object({
  kind: z.literal('email'),
  address: z.email({ error: 'must be an e-mail address' }),
});
/**
 * Slack: an incoming webhook (`url`), or a direct message from a Slack app's bot (chat.postMessage with
 * `botToken` to the member `slackUserId`), which can carry buttons without a channel of one's own.
 */
const slackSettings = z.object({
  kind: z.literal('slack'),
  url: webUrl.optional(),
  botToken: z
    .string()
    .trim()
    .regex(/^xoxb-[\w-]+$/, { error: 'must be a bot token starting with xoxb-' })
    .optional(),
  slackUserId: z
    .string()
    .trim()
    .regex(/^[UW][A-Z0-9]{2,}$/, { error: 'must be a Slack member ID such as U024BE7LH' })
    .optional(),
});
const mattermostSettings = z.object({ kind: z.literal('mattermost'), url: webUrl });
const teamsSettings = z.object({ kind: z.literal('teams'), url: webUrl });
const ntfySettings = z.object({
  kind: z.literal('ntfy'),
  /** The topic's URL, "https://ntfy.sh/my-secret-topic": whoever knows it can read the pages. */
  topicUrl: webUrl.refine((v) => !URL.canParse(v) || /[^/]\/*$/.test(new URL(v).pathname.slice(1)), {
    error: 'must end with the topic, e.g. https://ntfy.sh/my-topic',
  }),
  token: z.string().trim().min(1).max(200).optional(),
});
const smsSettings = z.object({ kind: z.literal('sms'), phone });
const voiceSettings = z.object({ kind: z.literal('voice'), phone });

const SETTINGS = [
  emailSettings,
  slackSettings,
  mattermostSettings,
  teamsSettings,
  ntfySettings,
  smsSettings,
  voiceSettings,
] as const;

/** A Slack method needs a webhook URL, or a bot token and a member ID; the missing field is named. */
function slackComplete(
  s: { kind: string; url?: string; botToken?: string; slackUserId?: string },
  ctx: z.RefinementCtx,
) {
  if (s.kind !== 'slack' || s.url) return;
  if (!s.botToken && !s.slackUserId)
    ctx.addIssue({
      code: 'custom',
      path: ['url'],
      message: 'is required: a webhook URL, or a bot token and a member ID',
    });
  else if (!s.botToken)
    ctx.addIssue({ code: 'custom', path: ['botToken'], message: 'is required with a member ID' });
  else if (!s.slackUserId)
    ctx.addIssue({ code: 'custom', path: ['slackUserId'], message: 'is required with a bot token' });
}

export const contactSettingsSchema = z.discriminatedUnion('kind', SETTINGS).superRefine(slackComplete);
export type ContactSettings = z.output<typeof contactSettingsSchema>;

const label = z
  .string()
  .trim()
  .min(1, { error: 'must not be empty' })
  .max(60, { error: 'at most 60 characters' });
const withLabel = { label: label.optional() };

/** POST: the kind, its fields, and an optional label (by default the kind's name). */
export const createContactSchema = z
  .discriminatedUnion('kind', [
    emailSettings.extend(withLabel).strict(),
    slackSettings.extend(withLabel).strict(),
    mattermostSettings.extend(withLabel).strict(),
    teamsSettings.extend(withLabel).strict(),
    ntfySettings.extend(withLabel).strict(),
    smsSettings.extend(withLabel).strict(),
    voiceSettings.extend(withLabel).strict(),
  ])
  .superRefine(slackComplete);
export type CreateContactInput = z.output<typeof createContactSchema>;

/** PATCH: a new label, and/or new settings of the same kind (which clear the verification). */
export const updateContactSchema = z
  .strictObject({ label: label.optional(), settings: contactSettingsSchema.optional() })
  .refine((b) => b.label !== undefined || b.settings !== undefined, {
    error: 'Send label, settings or both.',
  });
export type UpdateContactInput = z.output<typeof updateContactSchema>;

export const contactParamsSchema = z.object({ id: z.string().min(1) });

const iso = z.string().describe('ISO 8601 time');
export const contactRowSchema = z.object({
  id: z.string(),
  kind: z.enum(CONTACT_KINDS),
  label: z.string(),
  display: z.string().describe('What may be shown: the address, a host and masked topic, a masked number'),
  verifiedAt: iso.nullable().describe('When a test last succeeded; null until one does'),
  lastTestAt: iso.nullable(),
  lastError: z.string().nullable().describe('What the last failed send said; null after a success'),
  createdAt: iso,
});
export type ContactRow = z.infer<typeof contactRowSchema>;

export const contactsAnswerSchema = z.object({ methods: z.array(contactRowSchema) });
export const contactTestAnswerSchema = z.object({
  ok: z.boolean(),
  message: z.string().describe('"Sent." or what to fix'),
  method: contactRowSchema,
});
export const contactOkSchema = z.object({ ok: z.literal(true) });

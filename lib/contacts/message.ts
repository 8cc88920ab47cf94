import { z } from 'zod';

/**
 * What every contact method renders (lib/contacts/payloads/): a test, a page, the follow-up that
 * closes the loop, or a reminder that an incident someone acknowledged still fires. `openUrl` is absolute (the console's incident page, or /people/me for a test); with
 * `actions` the message carries one-tap acknowledge links and, on Slack and Mattermost, buttons whose
 * values are the action's own token (the endpoints behind them verify it; this module only renders it).
 */
export const pageMessageSchema = z.object({
  kind: z.enum(['test', 'page', 'followup', 'reminder']),
  title: z.string().min(1),
  text: z.string(),
  severity: z.string().optional(),
  /** "INC-7". */
  incidentRef: z.string().optional(),
  openUrl: z.url(),
  /**
   * The signed tokens of lib/actions (issueActionLinks): a token acts only as the action it was issued
   * for, so each chat button carries its own.
   */
  actions: z
    .object({
      acknowledgeUrl: z.url(),
      token: z.string().min(1),
      silenceToken: z.string().min(1),
      escalateToken: z.string().min(1),
    })
    .optional(),
});
export type PageMessage = z.infer<typeof pageMessageSchema>;

/** "INC-7 [critical] API down": the one-line headline every kind starts from. */
export function headline(m: PageMessage): string {
  const ref = m.incidentRef ? `${m.incidentRef} ` : '';
  const severity = m.severity ? `[${m.severity}] ` : '';
  return `${ref}${severity}${m.title}`;
}

/** The headline and the text in one plain paragraph, for SMS, voice and notification previews. */
export function plainText(m: PageMessage): string {
  return m.text ? `${headline(m)}: ${m.text}` : headline(m);
}

import { z } from 'zod';

/**
 * A person's notification rules as the API and the console see them, client-safe: per urgency, an
 * ordered list of "after N minutes, use method M", where M is one of their contact methods (its id),
 * `push` (their registered browsers) or `email` (their account's address). An empty list: every
 * verified method at once (README "Paging people").
 */

export const BUILTIN_METHODS = ['push', 'email'] as const;

const ruleSchema = z.strictObject({
  afterMinutes: z
    .number({ error: 'a whole number of minutes' })
    .int({ error: 'a whole number of minutes' })
    .min(0, { error: 'at least 0 minutes' })
    .max(1440, { error: 'at most 1440 minutes (a day)' }),
  method: z.string().trim().min(1, { error: 'choose a method' }).max(64),
});
export type RuleInput = z.infer<typeof ruleSchema>;

/** Ten steps per urgency: more than anyone needs, a bound on what one request writes. */
const rulesList = z.array(ruleSchema).max(10, { error: 'at most 10 rules per urgency' });

export const notificationRulesSchema = z.strictObject({ high: rulesList, low: rulesList });
export type NotificationRules = z.infer<typeof notificationRulesSchema>;

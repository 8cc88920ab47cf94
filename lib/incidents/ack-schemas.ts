import { z } from 'zod';

/** The answers of the acknowledgement API (types in acks.ts come from these). */

export const ackOutcomeSchema = z.object({
  ackId: z.string(),
  cluster: z.string(),
  fingerprint: z.string(),
  /** The Alertmanager silence id, or null for an acknowledgement without a silence. */
  silenceId: z.string().nullable(),
  at: z.string(),
  /** Who acknowledged (name, else e-mail) and why, as the alerts list shows it: the console updates its cache from this answer. */
  by: z.string(),
  comment: z.string().nullable(),
});
export type AckOutcome = z.infer<typeof ackOutcomeSchema>;

export const groupAckResultSchema = z.union([
  ackOutcomeSchema.extend({ status: z.literal('acknowledged') }),
  z.object({
    fingerprint: z.string(),
    cluster: z.string().optional(),
    /** already: acknowledged by someone; not-found: resolved meanwhile; failed: the message says why. */
    status: z.enum(['already', 'not-found', 'failed']),
    message: z.string(),
  }),
]);
export type GroupAckResult = z.infer<typeof groupAckResultSchema>;

import { z } from 'zod';

/** `POST /api/v1/incidents/{id}/escalate`. */

export const escalateParamsSchema = z.object({
  id: z.string().trim().min(1).max(100).describe('Incident id, or INC-<number>'),
});

export const escalateBodySchema = z
  .object({
    reason: z
      .string()
      .trim()
      .max(500, { error: 'Keep the reason under 500 characters' })
      .optional()
      .describe('Why, shown on the timeline and in the notifications'),
    direction: z
      .enum(['up', 'down'])
      .optional()
      .describe(
        'Without level: up (the default) or down one level. With level: the only way it may move (409 otherwise)',
      ),
    /** A level to go to directly (a runbook's "escalate to L3"); raising through levels notifies each once. */
    level: z
      .number()
      .int()
      .min(1)
      .max(20)
      .optional()
      .describe('Go to this level instead of one up or down (up or down, unless direction says which)'),
  })
  .strict();
export type EscalateBody = z.infer<typeof escalateBodySchema>;

export const escalateResultSchema = z.object({
  incident: z.object({
    id: z.string(),
    number: z.number().int(),
    escalationLevel: z.number().int(),
    levelName: z.string(),
    lastEscalatedAt: z.string().describe('ISO 8601 time'),
  }),
  direction: z.enum(['up', 'down']),
  from: z.number().int(),
  /**
   * "L2:sre-mail" for each channel notification queued, "L2:user:<id>" for each person paged; empty
   * when the level had notified them before.
   */
  queued: z.array(z.string()),
});
export type EscalateResult = z.infer<typeof escalateResultSchema>;

import { z } from 'zod';
import { SILENCE_ATTENTION, SILENCE_STATES, silenceRowSchema } from './silence-list';

/** Parameters and answers of the silences API (the bodies are in silence-input.ts). */

/** Our record id or an Alertmanager silence id (the current one or one it had before an edit). */
// Alertmanager's silence ids are UUIDs and it refuses anything else with a 422 of its own, which reached
// the caller as an upstream failure (502); z.guid takes any 8-4-4-4-12 hex id, whatever its version.
export const silenceIdParamsSchema = z.object({
  id: z.guid({
    error:
      'A silence id is a UUID, e.g. 0b5c1f7e-3f1a-4c2e-9d3b-6a1e2f3c4d5e; GET /api/v1/silences lists them.',
  }),
});

export const silencesQuerySchema = z.object({
  state: z.enum(SILENCE_STATES).optional(),
  /** Label matchers and words, as in the alerts filter. */
  filter: z.string().max(2000).default(''),
  creator: z.string().max(200).optional(),
  cluster: z.string().max(200).optional(),
  /** Only active silences that end soon while they mute alerts, run long, or mute nothing. */
  attention: z.enum(SILENCE_ATTENTION).optional(),
});
export type SilencesQuery = z.output<typeof silencesQuerySchema>;

export const silencesAnswerSchema = z.object({
  silences: z.array(silenceRowSchema),
  /** Per state, of the silences matching filter and creator (the tabs' counts). */
  counts: z.object({ active: z.number().int(), pending: z.number().int(), expired: z.number().int() }),
  /** Of the silences matching filter and creator, how many need each kind of attention. */
  attention: z.object({ expiring: z.number().int(), 'long-lived': z.number().int(), idle: z.number().int() }),
  clusters: z.array(
    z.object({ name: z.string(), fetchedAt: z.string().nullable(), error: z.string().nullable() }),
  ),
});
export type SilencesAnswer = z.infer<typeof silencesAnswerSchema>;

export const silenceSavedSchema = z.object({
  /** Vigil's record id. */
  id: z.string(),
  /** The Alertmanager silence id to use from now on. */
  silenceId: z.string(),
  cluster: z.string(),
  /** Set when Alertmanager issued a new id (matchers or start changed): the one it replaced. */
  previousId: z.string().optional(),
});
export type SilenceSaved = z.infer<typeof silenceSavedSchema>;

import { z } from 'zod';
import { defineOperation } from '@/lib/api/operation';
import { silenceBodySchema, silencePreviewBodySchema, silenceUpdateSchema } from './silence-input';
import { silencePreviewSchema } from './silence-preview';
import {
  silenceIdParamsSchema,
  silenceSavedSchema,
  silencesAnswerSchema,
  silencesQuerySchema,
} from './silence-schemas';

// Operations of the silences API (see lib/api/operation.ts); this module exports operations only.

/** A silence change shows in the silences list, the alerts it mutes, an acknowledgement it ends, and its incident's timeline. */
const SILENCE_CHANGES = ['silences', 'alerts', 'acknowledgements', 'incidents'] as const;

export const listSilencesOp = defineOperation({
  method: 'GET',
  path: '/api/v1/silences',
  tag: 'silences',
  summary: 'Every silence Alertmanager holds (made in Vigil or elsewhere), with the alerts each mutes now',
  role: 'viewer',
  query: silencesQuerySchema,
  response: { schema: silencesAnswerSchema },
});

export const createSilenceOp = defineOperation({
  method: 'POST',
  path: '/api/v1/silences',
  tag: 'silences',
  summary: 'Create a silence',
  description:
    '`matchers` as amtool writes them (`alertname="X", instance=~"db.*"`) or as Alertmanager\'s list; `duration` ("90m", "4h", "1d", "1w") or `endsAt`.',
  role: 'responder',
  body: silenceBodySchema,
  response: { status: 201, schema: silenceSavedSchema },
  invalidates: SILENCE_CHANGES,
  errors: {
    502: 'Alertmanager refused or is down: no silence was created',
    503: 'PostgreSQL failed: the silence was expired again',
  },
});

export const previewSilenceOp = defineOperation({
  method: 'POST',
  path: '/api/v1/silences/preview',
  tag: 'silences',
  summary: 'The alerts firing now that these matchers would silence, with a warning for none or very many',
  role: 'viewer',
  body: silencePreviewBodySchema,
  response: { schema: silencePreviewSchema },
});

export const updateSilenceOp = defineOperation({
  method: 'PUT',
  path: '/api/v1/silences/{id}',
  tag: 'silences',
  summary: 'Edit or extend a silence; the answer carries the id Alertmanager kept or issued',
  role: 'responder',
  params: silenceIdParamsSchema,
  body: silenceUpdateSchema,
  response: { schema: silenceSavedSchema },
  invalidates: SILENCE_CHANGES,
  errors: { 404: 'No Alertmanager knows this silence', 409: 'The silence has expired: re-create it' },
});

export const expireSilenceOp = defineOperation({
  method: 'DELETE',
  path: '/api/v1/silences/{id}',
  tag: 'silences',
  summary: 'Expire a silence (and end the acknowledgement it belongs to, if any)',
  role: 'responder',
  params: silenceIdParamsSchema,
  query: z.object({ cluster: z.string().optional() }),
  response: { schema: silenceSavedSchema },
  invalidates: SILENCE_CHANGES,
  errors: { 404: 'No Alertmanager knows this silence' },
});

import { defineOperation } from '@/lib/api/operation';
import { escalateBodySchema, escalateParamsSchema, escalateResultSchema } from './api-schema';

/** The escalation API (this module exports operations only; lib/openapi/operations.ts collects them). */

export const escalateIncidentOp = defineOperation({
  method: 'POST',
  path: '/api/v1/incidents/{id}/escalate',
  tag: 'incidents',
  summary: 'Escalate an incident one level up (notifying that level once) or down, with a reason',
  description:
    "Moves the incident to the next (or previous) level of the escalation policy. Up queues one notification per target of that level, unless that level notified them before; down notifies nobody, and the timer resumes from the lowered level. Recorded on the timeline (`escalation.raised` / `escalation.lowered`, reason 'manual') and in the audit log.",
  role: 'responder',
  params: escalateParamsSchema,
  // A bare POST escalates one level up.
  body: escalateBodySchema,
  bodyOptional: true,
  response: { schema: escalateResultSchema },
  invalidates: ['incidents', 'escalation', 'postmortems'],
  errors: {
    404: 'No such incident',
    409: 'Already at the top (or lowest) level, or the incident is resolved',
  },
});

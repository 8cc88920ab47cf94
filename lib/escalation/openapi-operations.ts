import type { ApiOperation } from '@/lib/api/openapi';
import { escalateBodySchema, escalateParamsSchema, escalateResultSchema } from './api-schema';

/** The escalation API's entries of the OpenAPI document (appended to `operations` in lib/api/openapi.ts). */
export const escalationOperations: ApiOperation[] = [
  {
    method: 'post',
    path: '/api/v1/incidents/{id}/escalate',
    tag: 'incidents',
    summary: 'Escalate an incident one level up (notifying that level once) or down, with a reason',
    description:
      "Moves the incident to the next (or previous) level of the escalation policy. Up queues one notification per target of that level, unless that level notified them before; down notifies nobody, and the timer resumes from the lowered level. Recorded on the timeline (`escalation.raised` / `escalation.lowered`, reason 'manual') and in the audit log.",
    role: 'responder',
    params: escalateParamsSchema,
    body: escalateBodySchema,
    response: { schema: escalateResultSchema },
    errors: {
      404: 'No such incident',
      409: 'Already at the top (or lowest) level, or the incident is resolved',
    },
  },
];

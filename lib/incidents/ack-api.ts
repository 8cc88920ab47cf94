import { z } from 'zod';
import { alertClusterQuerySchema, alertParamsSchema } from '@/lib/alerts/api-schema';
import { defineOperation } from '@/lib/api/operation';
import { ackOutcomeSchema, groupAckResultSchema } from './ack-schemas';
import { ackBodySchema, groupAckBodySchema } from './silence-input';

// Operations of the acknowledgement API (see lib/api/operation.ts); this module exports operations only.

export const acknowledgeAlertOp = defineOperation({
  method: 'POST',
  path: '/api/v1/alerts/{fingerprint}/ack',
  tag: 'acknowledgements',
  summary: 'Acknowledge an alert; by default also silence exactly it until it resolves',
  description:
    'The silence (equality matchers on every label, for `duration`, default from VIGIL_CONFIG, 1h) is extended while the alert fires and expired when it resolves. The body may be empty.',
  role: 'responder',
  params: alertParamsSchema,
  query: alertClusterQuerySchema,
  body: ackBodySchema,
  // A chat bot acknowledges with a bare POST.
  bodyOptional: true,
  response: { status: 201, schema: ackOutcomeSchema },
  invalidates: ['alerts', 'acknowledgements', 'silences', 'incidents'],
  errors: {
    404: 'No Alertmanager holds an alert with this fingerprint (it resolved?)',
    409: 'The alert is acknowledged already (the message says by whom)',
    502: 'Alertmanager refused or is down: nothing was recorded',
    503: 'PostgreSQL failed: nothing was recorded and the silence was taken back',
  },
});

export const unacknowledgeAlertOp = defineOperation({
  method: 'DELETE',
  path: '/api/v1/alerts/{fingerprint}/ack',
  tag: 'acknowledgements',
  summary: 'End the acknowledgement and expire its silence at once',
  role: 'responder',
  params: alertParamsSchema,
  query: alertClusterQuerySchema,
  response: { schema: z.object({ ackId: z.string() }) },
  invalidates: ['alerts', 'acknowledgements', 'silences', 'incidents'],
  errors: {
    404: 'The alert is not acknowledged',
    502: 'Alertmanager refused or is down: the acknowledgement stands',
    503: 'PostgreSQL failed',
  },
});

export const acknowledgeAlertsOp = defineOperation({
  method: 'POST',
  path: '/api/v1/acks',
  tag: 'acknowledgements',
  summary: 'Acknowledge a group of alerts in one action; the outcome of each is in `results`',
  role: 'responder',
  body: groupAckBodySchema,
  response: { schema: z.object({ results: z.array(groupAckResultSchema) }) },
  invalidates: ['alerts', 'acknowledgements', 'silences', 'incidents'],
});

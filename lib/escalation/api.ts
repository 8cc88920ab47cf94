import { defineOperation } from '@/lib/api/operation';
import { escalateBodySchema, escalateParamsSchema, escalateResultSchema } from './api-schema';
import {
  createPolicySchema,
  policyDeletedSchema,
  policyListSchema,
  policyParamsSchema,
  policySchema,
  policyTargetsSchema,
  updatePolicySchema,
} from './policy-schemas';

/** The escalation API (this module exports operations only; lib/openapi/operations.ts collects them). */

export const escalateIncidentOp = defineOperation({
  method: 'POST',
  path: '/api/v1/incidents/{id}/escalate',
  tag: 'incidents',
  summary: 'Escalate an incident one level up (notifying that level once) or down, with a reason',
  description:
    "Moves the incident to the next (or previous) level of its escalation policy (its route's, else the default). Up queues one notification per channel and per person of that level (the on-call people of its schedules at this moment, and its users), unless that level notified them before; down notifies nobody, and the timer resumes from the lowered level. Recorded on the timeline (`escalation.raised` / `escalation.lowered`, reason 'manual') and in the audit log.",
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

const POLICY_WRITE =
  'An admin, or an admin of the policy’s team (before and after the change), may do this; the default policy comes from VIGIL_CONFIG and is read-only (409).';

export const listPoliciesOp = defineOperation({
  method: 'GET',
  path: '/api/v1/policies',
  tag: 'escalation',
  summary: 'Escalation policies, the default first, with their levels',
  role: 'viewer',
  response: { schema: policyListSchema },
});

export const policyTargetsOp = defineOperation({
  method: 'GET',
  path: '/api/v1/policies/targets',
  tag: 'escalation',
  summary: 'What a policy level can page: the channels of VIGIL_CONFIG (names), schedules and active users',
  description:
    'The names a level takes in `targets` (channels), `scheduleIds` and `userIds`. Channels are listed by name and type only: their URLs and addresses stay on the server.',
  role: 'viewer',
  response: { schema: policyTargetsSchema },
});

export const getPolicyOp = defineOperation({
  method: 'GET',
  path: '/api/v1/policies/{id}',
  tag: 'escalation',
  summary: 'One escalation policy with its levels',
  role: 'viewer',
  params: policyParamsSchema,
  response: { schema: policySchema },
  errors: { 404: 'No such policy' },
});

export const createPolicyOp = defineOperation({
  method: 'POST',
  path: '/api/v1/policies',
  tag: 'escalation',
  summary: 'Create an escalation policy',
  description: `Levels fire \`delaySeconds\` after the incident opened (non-decreasing), each paging its channels, the people on call on its schedules and its users; \`repeat\` runs the levels again from the first \`repeatAfterSeconds\` after the last. ${POLICY_WRITE}`,
  role: 'responder',
  body: createPolicySchema,
  response: { schema: policySchema, status: 201 },
  invalidates: ['escalation'],
  errors: { 409: 'A policy with this name exists' },
});

export const updatePolicyOp = defineOperation({
  method: 'PATCH',
  path: '/api/v1/policies/{id}',
  tag: 'escalation',
  summary: 'Change an escalation policy; `levels`, when given, replace all its levels',
  description: POLICY_WRITE,
  role: 'responder',
  params: policyParamsSchema,
  body: updatePolicySchema,
  response: { schema: policySchema },
  invalidates: ['escalation'],
  errors: { 404: 'No such policy', 409: 'The default policy (from VIGIL_CONFIG), or the name is taken' },
});

export const deletePolicyOp = defineOperation({
  method: 'DELETE',
  path: '/api/v1/policies/{id}',
  tag: 'escalation',
  summary: 'Delete an escalation policy no route uses; its incidents fall back to the default policy',
  description: POLICY_WRITE,
  role: 'responder',
  params: policyParamsSchema,
  response: { schema: policyDeletedSchema },
  invalidates: ['escalation', 'incidents'],
  errors: { 404: 'No such policy', 409: 'A route uses it, or it is the default policy' },
});

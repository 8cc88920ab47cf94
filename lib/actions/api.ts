import { z } from 'zod';
import { defineOperation } from '@/lib/api/operation';
import { INCIDENT_STATUSES, incidentParamsSchema } from '@/lib/incidents/incident-schemas';

/** The action-link and chat-button API (this module exports operations only; see lib/actions/). */

const tokenParamsSchema = z.object({ token: z.string().min(1).max(512) });

const actionDoneSchema = z.object({
  incident: z.object({
    id: z.string(),
    ref: z.string(),
    title: z.string(),
    status: z.enum(INCIDENT_STATUSES),
    severity: z.string(),
  }),
  actor: z.string().describe('Who acted (the person the link was for, or the signed-in user)'),
  done: z.string().describe('What happened, e.g. "acknowledged"'),
});

export const actOnLinkOp = defineOperation({
  method: 'POST',
  path: '/api/v1/actions/{token}',
  tag: 'incidents',
  summary: 'Acknowledge an incident with a signed link from a page',
  description:
    'No credentials: the signed token in the path is the credential (the link page at /a/{token} posts here). A fresh token acts as the person it was sent to; an older one needs a session and acts as the signed-in user. It acts only while the incident keeps the status it had when the link was sent, so it acknowledges once.',
  role: 'public',
  params: tokenParamsSchema,
  response: { schema: actionDoneSchema },
  invalidates: ['incidents'],
  errors: {
    409: 'The incident changed since the link was sent (acknowledged, resolved): the link no longer acts',
  },
});

export const issueActionLinksOp = defineOperation({
  method: 'POST',
  path: '/api/v1/incidents/{id}/action-links',
  tag: 'incidents',
  summary: 'Signed action links for a person (a phone link to acknowledge this incident)',
  description:
    'The links a page to this person carries. Responders get links for themselves; admins may name anyone (`userId`), as the pager does. The links act only while the incident keeps its current status.',
  role: 'responder',
  params: incidentParamsSchema,
  body: z.object({ userId: z.string().min(1).max(64).optional() }).strict(),
  bodyOptional: true,
  response: {
    schema: z.object({
      acknowledgeUrl: z.string(),
      openUrl: z.string(),
      token: z.string().describe('The acknowledge token (an Acknowledge button’s value)'),
      silenceToken: z.string(),
      escalateToken: z.string(),
    }),
  },
  errors: { 404: 'No such incident, or no such active user' },
});

/** Slack's answer bodies: nothing (the message is replaced through its response_url) or a refusal. */
const slackAnswerSchema = z.object({
  response_type: z.literal('ephemeral').optional(),
  replace_original: z.boolean().optional(),
  text: z.string().optional(),
});

export const slackActionsOp = defineOperation({
  method: 'POST',
  path: '/api/v1/integrations/slack/actions',
  tag: 'incidents',
  summary: 'Slack interactivity: the Acknowledge, Silence 1 h and Escalate buttons on pages',
  description:
    'The Request URL of the Slack app’s Interactivity. The body is Slack’s `application/x-www-form-urlencoded` `payload=<JSON>` (block_actions), verified with the signing secret (VIGIL_CONFIG `slack.signingSecret`): a bad signature or a timestamp more than 5 minutes off is 401, the same request twice is 409. The button’s value is a signed action token; the action is done as the person it was sent to and the message is replaced through `response_url`.',
  role: 'public',
  maxBodyBytes: 64 * 1024,
  response: { schema: slackAnswerSchema },
  invalidates: ['incidents'],
  errors: { 409: 'The same signed request was sent before: it acted once' },
});

export const mattermostActionsOp = defineOperation({
  method: 'POST',
  path: '/api/v1/integrations/mattermost/actions',
  tag: 'incidents',
  summary: 'Mattermost interactive message buttons on pages',
  description:
    'Mattermost does not sign its requests: the signed action token in the button’s `context` is the whole proof (a tampered or expired token is 401). Answers `{update}` to replace the post.',
  role: 'public',
  maxBodyBytes: 64 * 1024,
  invalidStatus: 400,
  body: z.object({
    user_id: z.string().max(64),
    user_name: z.string().max(128).optional(),
    context: z.object({
      action: z.enum(['ack', 'silence', 'escalate']),
      token: z.string().max(512),
    }),
  }),
  response: {
    schema: z.object({
      update: z
        .object({ message: z.string(), props: z.object({ attachments: z.array(z.unknown()) }) })
        .optional(),
      ephemeral_text: z.string().optional(),
    }),
  },
  invalidates: ['incidents'],
  errors: { 409: 'The incident changed since the page was sent: the button no longer acts' },
});

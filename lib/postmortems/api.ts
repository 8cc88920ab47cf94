import { defineOperation } from '@/lib/api/operation';
import {
  incidentParamsSchema,
  openActionItemsSchema,
  postmortemListSchema,
  postmortemPutSchema,
  postmortemSchema,
} from './schemas';

/** The post-mortem API (this module exports operations only; lib/openapi/operations.ts collects them). */

export const getPostmortemOp = defineOperation({
  method: 'GET',
  path: '/api/v1/incidents/{id}/postmortem',
  tag: 'postmortems',
  summary: "The incident's post-mortem, or its template pre-filled from the incident (not saved yet)",
  description:
    '`saved: false` means nobody has saved it: the sections come from the incident (title, severity, duration, linked alerts, first alert, first acknowledgement and MTTA, status changes, notes). The timeline lists every event with its star and hidden flags.',
  role: 'viewer',
  params: incidentParamsSchema,
  response: { schema: postmortemSchema },
  errors: { 404: 'No such incident' },
});

export const savePostmortemOp = defineOperation({
  method: 'PUT',
  path: '/api/v1/incidents/{id}/postmortem',
  tag: 'postmortems',
  summary: 'Create or update the post-mortem: sections, action items (the whole list), star/hide, status',
  description:
    'The first PUT saves the pre-filled template with these changes. Status: draft → in_review → published, in_review → draft; a published post-mortem is read-only until an admin reopens it (to draft or in_review). Every change is audited.',
  role: 'responder',
  params: incidentParamsSchema,
  body: postmortemPutSchema,
  response: { schema: postmortemSchema },
  invalidates: ['postmortems', 'incidents'],
  errors: {
    404: 'No such incident',
    409: 'The post-mortem is published (read-only), or the status change skips review',
    503: 'PostgreSQL failed: nothing was changed',
  },
});

export const postmortemMarkdownOp = defineOperation({
  method: 'GET',
  path: '/api/v1/incidents/{id}/postmortem.md',
  tag: 'postmortems',
  summary: 'The post-mortem as a Markdown file (curated timeline: starred events marked, hidden left out)',
  role: 'viewer',
  params: incidentParamsSchema,
  response: {
    contentType: 'text/markdown; charset=utf-8',
    description: 'An attachment named postmortem-INC-<number>.md',
  },
  errors: { 404: 'No such incident' },
});

export const listPostmortemsOp = defineOperation({
  method: 'GET',
  path: '/api/v1/postmortems',
  tag: 'postmortems',
  summary: 'Every post-mortem with its status, incident, title, owner and open action items; newest first',
  role: 'viewer',
  response: { schema: postmortemListSchema },
});

export const openActionItemsOp = defineOperation({
  method: 'GET',
  path: '/api/v1/postmortems/action-items',
  tag: 'postmortems',
  summary: 'Action items not done yet, across incidents, soonest due first',
  role: 'viewer',
  response: { schema: openActionItemsSchema },
});

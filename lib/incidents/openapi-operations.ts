import { z } from 'zod';
import type { ApiOperation } from '@/lib/api/openapi';
import {
  acknowledgeIncidentSchema,
  createIncidentSchema,
  incidentDetailSchema,
  incidentListQuerySchema,
  incidentListSchema,
  incidentParamsSchema,
  incidentSummarySchema,
  noteBodySchema,
  noteParamsSchema,
  noteSchema,
  updateIncidentSchema,
} from './incident-schemas';

/**
 * The incidents API's entries of the OpenAPI document, appended to `operations` in lib/api/openapi.ts.
 */
export const incidentOperations: ApiOperation[] = [
  {
    method: 'get',
    path: '/api/v1/incidents',
    tag: 'incidents',
    summary: 'Incidents, newest first, with MTTA and MTTR each and averaged over the list',
    role: 'viewer',
    query: incidentListQuerySchema,
    response: { schema: incidentListSchema },
  },
  {
    method: 'post',
    path: '/api/v1/incidents',
    tag: 'incidents',
    summary: 'Open an incident for one or more firing alerts',
    description:
      'Title defaults to the alert name and instance, severity to the highest of the alerts. An alert belongs to at most one incident that is not resolved.',
    role: 'responder',
    body: createIncidentSchema,
    response: { schema: incidentSummarySchema, status: 201 },
    errors: { 409: 'An alert is already part of an unresolved incident (the message names it)' },
  },
  {
    method: 'get',
    path: '/api/v1/incidents/{id}',
    tag: 'incidents',
    summary: 'One incident (id or INC-<number>) with its alerts, notes and timeline',
    role: 'viewer',
    params: incidentParamsSchema,
    response: { schema: incidentDetailSchema },
    errors: { 404: 'No such incident' },
  },
  {
    method: 'patch',
    path: '/api/v1/incidents/{id}',
    tag: 'incidents',
    summary: 'Change the status, commander, title or severity of an incident',
    description:
      'Status times are set when a status is first reached (acknowledgedAt, mitigatedAt, resolvedAt); each change is on the timeline.',
    role: 'responder',
    params: incidentParamsSchema,
    body: updateIncidentSchema,
    response: { schema: incidentSummarySchema },
    errors: { 404: 'No such incident' },
  },
  {
    method: 'post',
    path: '/api/v1/incidents/{id}/acknowledge',
    tag: 'incidents',
    summary: 'Acknowledge an incident, which stops its escalation',
    description: 'An incident past `open` is left as it is (`changed: false`).',
    role: 'responder',
    params: incidentParamsSchema,
    body: acknowledgeIncidentSchema,
    response: { schema: incidentSummarySchema.extend({ changed: z.boolean() }) },
    errors: { 404: 'No such incident' },
  },
  {
    method: 'post',
    path: '/api/v1/incidents/{id}/notes',
    tag: 'incidents',
    summary: 'Add a Markdown note to an incident',
    role: 'responder',
    params: incidentParamsSchema,
    body: noteBodySchema,
    response: { schema: noteSchema, status: 201 },
    errors: { 404: 'No such incident' },
  },
  {
    method: 'patch',
    path: '/api/v1/incidents/{id}/notes/{noteId}',
    tag: 'incidents',
    summary: 'Edit a note (its author only); the note is then shown as edited',
    role: 'responder',
    params: noteParamsSchema,
    body: noteBodySchema,
    response: { schema: noteSchema },
    errors: { 404: 'No such incident or note' },
  },
];

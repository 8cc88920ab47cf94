import { z } from 'zod';
import { defineOperation } from '@/lib/api/operation';
import {
  acknowledgeIncidentSchema,
  createIncidentSchema,
  incidentDetailSchema,
  incidentListQuerySchema,
  incidentListSchema,
  incidentParamsSchema,
  incidentSummarySchema,
  linkAlertsSchema,
  noteBodySchema,
  noteParamsSchema,
  noteSchema,
  updateIncidentSchema,
} from './incident-schemas';

/** The incidents API (this module exports operations only; lib/openapi/operations.ts collects them). */

export const listIncidentsOp = defineOperation({
  method: 'GET',
  path: '/api/v1/incidents',
  tag: 'incidents',
  summary: 'Incidents, newest first, with MTTA and MTTR each and averaged over the list',
  role: 'viewer',
  query: incidentListQuerySchema,
  response: { schema: incidentListSchema },
});

export const openIncidentOp = defineOperation({
  method: 'POST',
  path: '/api/v1/incidents',
  tag: 'incidents',
  summary: 'Open an incident for firing alerts, or declare one without alerts',
  description:
    'Title defaults to the alert name and instance, severity to the highest of the alerts. Without alerts (a customer report, a security event) the title is required, the severity defaults to "none", and alerts can be linked later (`POST /api/v1/incidents/{id}/alerts`). An alert belongs to at most one incident that is not resolved.',
  role: 'responder',
  body: createIncidentSchema,
  response: { schema: incidentSummarySchema, status: 201 },
  invalidates: ['incidents'],
  errors: {
    409: 'An alert is already part of an unresolved incident: the message names it and `error.existing` carries its {id, ref}',
  },
});

export const getIncidentOp = defineOperation({
  method: 'GET',
  path: '/api/v1/incidents/{id}',
  tag: 'incidents',
  summary: 'One incident (id or INC-<number>) with its alerts, notes and timeline',
  role: 'viewer',
  params: incidentParamsSchema,
  response: { schema: incidentDetailSchema },
  errors: { 404: 'No such incident' },
});

export const updateIncidentOp = defineOperation({
  method: 'PATCH',
  path: '/api/v1/incidents/{id}',
  tag: 'incidents',
  summary: 'Change the status, commander, title or severity of an incident',
  description:
    'Status times are set when a status is first reached (acknowledgedAt, mitigatedAt, resolvedAt); each change is on the timeline.',
  role: 'responder',
  params: incidentParamsSchema,
  body: updateIncidentSchema,
  response: { schema: incidentSummarySchema },
  invalidates: ['incidents', 'postmortems'],
  errors: { 404: 'No such incident' },
});

export const acknowledgeIncidentOp = defineOperation({
  method: 'POST',
  path: '/api/v1/incidents/{id}/acknowledge',
  tag: 'incidents',
  summary: 'Acknowledge an incident, which stops its escalation',
  description: 'An incident past `open` is left as it is (`changed: false`).',
  role: 'responder',
  params: incidentParamsSchema,
  // A chat bot acknowledges with a bare POST.
  body: acknowledgeIncidentSchema,
  bodyOptional: true,
  response: { schema: incidentSummarySchema.extend({ changed: z.boolean() }) },
  invalidates: ['incidents', 'postmortems'],
  errors: { 404: 'No such incident' },
});

export const addNoteOp = defineOperation({
  method: 'POST',
  path: '/api/v1/incidents/{id}/notes',
  tag: 'incidents',
  summary: 'Add a Markdown note to an incident',
  role: 'responder',
  params: incidentParamsSchema,
  body: noteBodySchema,
  response: { schema: noteSchema, status: 201 },
  invalidates: ['incidents', 'postmortems'],
  errors: { 404: 'No such incident' },
});

export const editNoteOp = defineOperation({
  method: 'PATCH',
  path: '/api/v1/incidents/{id}/notes/{noteId}',
  tag: 'incidents',
  summary: 'Edit a note (its author only); the note is then shown as edited',
  role: 'responder',
  params: noteParamsSchema,
  body: noteBodySchema,
  response: { schema: noteSchema },
  invalidates: ['incidents', 'postmortems'],
  errors: { 404: 'No such incident or note' },
});

export const linkIncidentAlertsOp = defineOperation({
  method: 'POST',
  path: '/api/v1/incidents/{id}/alerts',
  tag: 'incidents',
  summary: 'Link firing alerts to an incident that is not resolved',
  description:
    'Typically to a declared incident once the alerts that explain it fire. Alerts already on this incident are skipped; each linked alert gets an `alert.linked` timeline event.',
  role: 'responder',
  params: incidentParamsSchema,
  body: linkAlertsSchema,
  response: { schema: incidentSummarySchema },
  invalidates: ['incidents', 'alerts'],
  errors: {
    404: 'No such incident',
    409: 'The incident is resolved, or an alert is already part of another unresolved incident (the message names it)',
  },
});

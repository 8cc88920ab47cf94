import { z } from 'zod';
import { ACK_WAYS } from './acknowledgement';

/**
 * The incidents API's inputs and answers (types in incidents.ts and notes.ts come from these). Times are
 * ISO strings; `ref` is how the console names an incident, `INC-<number>`.
 */

export const INCIDENT_STATUSES = ['open', 'acknowledged', 'mitigated', 'resolved'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

const iso = z.string().describe('ISO 8601 time');
const text = (max: number, what: string) =>
  z
    .string()
    .trim()
    .min(1, { error: `Give the ${what}` })
    .max(max, { error: `The ${what} is at most ${max} characters` });

export const incidentParamsSchema = z.object({
  id: z.string().min(1).describe('The incident id, or INC-<number>'),
});
export const noteParamsSchema = incidentParamsSchema.extend({ noteId: z.string().min(1) });

const alertTargetSchema = z.union([
  z.string().min(1).max(64),
  z.strictObject({ fingerprint: z.string().min(1).max(64), cluster: z.string().optional() }),
]);

const alertTargetsSchema = z.array(alertTargetSchema).max(500, { error: 'At most 500 alerts per incident' });

/**
 * With alerts, the title and severity default to theirs; without (a declared incident: a customer
 * report, a security event), the title is required and the severity defaults to "none".
 */
export const createIncidentSchema = z
  .strictObject({
    title: text(200, 'title').optional(),
    severity: text(40, 'severity').optional(),
    alerts: alertTargetsSchema.default([]),
  })
  .refine((b) => b.alerts.length > 0 || b.title !== undefined, {
    path: ['title'],
    error: 'Give the incident a title (an incident declared without alerts has no alert name to use)',
  });
export type CreateIncidentBody = z.infer<typeof createIncidentSchema>;

export const linkAlertsSchema = z.strictObject({
  alerts: alertTargetsSchema.min(1, { error: 'Name at least one alert (its fingerprint)' }),
});
export type LinkAlertsBody = z.infer<typeof linkAlertsSchema>;

export const updateIncidentSchema = z
  .strictObject({
    status: z.enum(INCIDENT_STATUSES).optional(),
    /** A user id or e-mail; null clears the commander. */
    commander: z.string().trim().min(1).nullable().optional(),
    title: text(200, 'title').optional(),
    severity: text(40, 'severity').optional(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), {
    error: 'Send at least one of status, commander, title, severity',
  });
export type UpdateIncidentBody = z.infer<typeof updateIncidentSchema>;

export const acknowledgeIncidentSchema = z.strictObject({ reason: z.string().trim().max(2000).optional() });
export type AcknowledgeIncidentBody = z.infer<typeof acknowledgeIncidentSchema>;

export const noteBodySchema = z.strictObject({ body: text(20_000, 'note') });
export type NoteBody = z.infer<typeof noteBodySchema>;

export const incidentListQuerySchema = z.object({
  status: z
    .union([z.enum(INCIDENT_STATUSES), z.literal('active'), z.literal('all')])
    .default('all')
    .describe('active = not resolved'),
  severity: z.string().trim().max(40).optional(),
  q: z.string().trim().max(200).optional().describe('Text in the title or INC-<number>'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type IncidentListQuery = z.infer<typeof incidentListQuerySchema>;

const person = z.object({ id: z.string(), name: z.string() }).nullable();

export const incidentSummarySchema = z.object({
  id: z.string(),
  number: z.number().int(),
  ref: z.string().describe('INC-<number>'),
  title: z.string(),
  severity: z.string(),
  status: z.enum(INCIDENT_STATUSES),
  commander: person,
  escalationLevel: z.number().int(),
  openedAt: iso,
  acknowledgedAt: iso.nullable(),
  mitigatedAt: iso.nullable(),
  resolvedAt: iso.nullable(),
  alertCount: z.number().int(),
  /** openedAt → acknowledgedAt, in seconds; null until acknowledged. */
  mttaSeconds: z.number().nullable(),
  /** openedAt → resolvedAt, in seconds; null until resolved. */
  mttrSeconds: z.number().nullable(),
});
export type IncidentSummary = z.infer<typeof incidentSummarySchema>;

export const incidentListSchema = z.object({
  incidents: z.array(incidentSummarySchema),
  /** Averages over the listed incidents that have the value. */
  averages: z.object({ mttaSeconds: z.number().nullable(), mttrSeconds: z.number().nullable() }),
});
export type IncidentList = z.infer<typeof incidentListSchema>;

const incidentAlertSchema = z.object({
  cluster: z.string(),
  fingerprint: z.string(),
  alertname: z.string(),
  labels: z.record(z.string(), z.string()),
  startsAt: iso,
  resolvedAt: iso.nullable(),
  /** The alert's runbook, its link opened for this incident (ticked steps land on the timeline). */
  runbook: z.object({ slug: z.string(), title: z.string(), url: z.string() }).nullable(),
});

export const noteSchema = z.object({
  id: z.string(),
  body: z.string().describe('Markdown, rendered without raw HTML'),
  author: z.object({ id: z.string(), name: z.string() }),
  createdAt: iso,
  editedAt: iso.nullable(),
});
export type IncidentNote = z.infer<typeof noteSchema>;

const timelineEntrySchema = z.object({
  id: z.string(),
  type: z.string(),
  at: iso,
  actor: z.string().nullable(),
  sentence: z.string().describe('The event as a readable sentence'),
  data: z.record(z.string(), z.unknown()),
  starred: z.boolean(),
});
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

const pageDeliverySchema = z.object({
  id: z.string(),
  person: z.object({ id: z.string(), name: z.string() }),
  /** The contact method: "email" (the account's address) until people set their own. */
  method: z.string(),
  kind: z.enum(['page', 'followup', 'reminder']),
  /** The escalation level it paged for. */
  level: z.number().int().nullable(),
  status: z.enum(['pending', 'sent', 'failed', 'dead', 'cancelled']),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  /** When it was sent, else when it was queued. */
  at: iso,
});
export type PageDelivery = z.infer<typeof pageDeliverySchema>;

export const incidentDetailSchema = incidentSummarySchema.extend({
  createdBy: person,
  alerts: z.array(incidentAlertSchema),
  /** Every linked alert has resolved while the incident is not: the console suggests resolving it. */
  suggestResolve: z.boolean(),
  /**
   * The escalation level due next and when (a time in the past: on the scheduler's next pass); null
   * when the incident no longer escalates (acknowledged or later) or is at the top level.
   */
  nextEscalation: z
    .object({
      at: iso,
      level: z.number().int(),
      name: z.string(),
      /**
       * Whom that level will page, as far as known now: the people on call on its schedules at its time
       * (`schedule` their schedule's name; null: named by the level), its channels, and the names of its
       * schedules with nobody on call then.
       */
      pages: z.object({
        people: z.array(z.object({ id: z.string(), name: z.string(), schedule: z.string().nullable() })),
        channels: z.array(z.string()),
        nobodyOnCall: z.array(z.string()),
      }),
    })
    .nullable(),
  /** The route that took the incident's first alert, its team, and the policy that escalates it. */
  route: z.object({ id: z.string(), name: z.string(), isDefault: z.boolean() }).nullable(),
  team: z.object({ id: z.string(), slug: z.string(), name: z.string() }).nullable(),
  /** The incident's policy; the default one when it has none of its own. */
  policy: z.object({ id: z.string(), name: z.string(), isDefault: z.boolean() }).nullable(),
  notes: z.array(noteSchema),
  timeline: z.array(timelineEntrySchema),
  /**
   * Every page to a person for this incident, newest first (at most 200): whom, by which method, why
   * (a level, a follow-up or a reminder), and its delivery state; each attempt is also on the timeline.
   */
  pages: z.array(pageDeliverySchema),
  /**
   * Who acknowledged it, when, and how (`via`: the console or API, one of its alerts, a signed link, a
   * Web Push notification's Acknowledge, a Slack or Mattermost button); null while it is open, or when
   * it was resolved without an acknowledgement.
   */
  acknowledgement: z.object({ at: iso, by: person, via: z.enum(ACK_WAYS) }).nullable(),
});
export type IncidentDetail = z.infer<typeof incidentDetailSchema>;

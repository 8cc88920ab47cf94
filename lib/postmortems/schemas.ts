import { z } from 'zod';

/**
 * The shapes of the post-mortem API (`/api/v1/incidents/{id}/postmortem`, `/api/v1/postmortems…`), as
 * zod schemas so the OpenAPI document and the route validation come from one source.
 */

const POSTMORTEM_STATUSES = ['draft', 'in_review', 'published'] as const;
const postmortemStatusSchema = z.enum(POSTMORTEM_STATUSES);
export type PostmortemStatus = z.infer<typeof postmortemStatusSchema>;

/** The free-text sections, in the order the template shows them (the timeline sits after detection). */
export const SECTION_KEYS = [
  'summary',
  'impact',
  'detection',
  'rootCause',
  'resolution',
  'wentWell',
  'wentBadly',
] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];
export type Sections = Record<SectionKey, string>;

export const SECTION_TITLES: Record<SectionKey, string> = {
  summary: 'Summary',
  impact: 'Impact',
  detection: 'Detection',
  rootCause: 'Root cause',
  resolution: 'Resolution',
  wentWell: 'What went well',
  wentBadly: 'What went wrong',
};

const sectionText = z.string().max(50_000, { error: 'at most 50,000 characters' });

const sectionsSchema = z.object({
  summary: sectionText,
  impact: sectionText,
  detection: sectionText,
  rootCause: sectionText,
  resolution: sectionText,
  wentWell: sectionText,
  wentBadly: sectionText,
});

const iso = z.string().describe('ISO 8601 time');
const day = z.iso.date({ error: 'must be a date as YYYY-MM-DD' });

export const incidentParamsSchema = z.object({
  id: z.string().trim().min(1).max(100).describe('The incident id, or INC-<number>'),
});

const actionItemInputSchema = z.object({
  id: z.string().max(100).optional().describe('Left out for a new item'),
  title: z.string().trim().min(1, { error: 'say what must be done' }).max(500),
  ownerId: z.string().max(100).nullable().default(null),
  dueDate: day.nullable().default(null),
  done: z.boolean().default(false),
});
export type ActionItemInput = z.infer<typeof actionItemInputSchema>;

const curationSchema = z.object({
  id: z.string().regex(/^\d{1,19}$/, { error: 'must be a timeline event id' }),
  starred: z.boolean().optional(),
  hidden: z.boolean().optional(),
});
export type Curation = z.infer<typeof curationSchema>;

/**
 * `PUT /api/v1/incidents/{id}/postmortem`: creates the post-mortem (pre-filled, then these changes)
 * or updates it. Everything is optional; `actionItems`, when given, is the whole list (items left out
 * are removed); `timeline` stars or hides events.
 */
export const postmortemPutSchema = z.strictObject({
  status: postmortemStatusSchema.optional(),
  sections: sectionsSchema.partial().optional(),
  actionItems: z.array(actionItemInputSchema).max(200).optional(),
  timeline: z.array(curationSchema).max(2000).optional(),
});
export type PostmortemPut = z.infer<typeof postmortemPutSchema>;

const timelineLineSchema = z.object({
  id: z.string(),
  at: iso,
  type: z.string(),
  actor: z.string().nullable(),
  text: z.string().describe('The event as one readable line'),
  starred: z.boolean(),
  hidden: z.boolean(),
});
export type TimelineLine = z.infer<typeof timelineLineSchema>;

const actionItemSchema = z.object({
  id: z.string(),
  title: z.string(),
  ownerId: z.string().nullable(),
  owner: z.string().nullable().describe('Name or e-mail of the owner'),
  dueDate: z.string().nullable().describe('YYYY-MM-DD'),
  done: z.boolean(),
  doneAt: iso.nullable(),
});

const incidentSummarySchema = z.object({
  id: z.string(),
  ref: z.string().describe('INC-<number>'),
  number: z.number().int(),
  title: z.string(),
  severity: z.string(),
  status: z.string(),
  openedAt: iso,
  resolvedAt: iso.nullable(),
  /** As on the incident page (lib/incidents/incident-metrics.ts): opened → first acknowledgement. */
  mttaSeconds: z.number().nullable(),
  /** opened → resolved. */
  mttrSeconds: z.number().nullable(),
});

export const postmortemSchema = z.object({
  id: z.string().nullable().describe('null while the post-mortem is the unsaved pre-filled template'),
  saved: z.boolean(),
  status: postmortemStatusSchema,
  incident: incidentSummarySchema,
  author: z.string().nullable(),
  sections: sectionsSchema,
  timeline: z.array(timelineLineSchema),
  actionItems: z.array(actionItemSchema),
  createdAt: iso.nullable(),
  updatedAt: iso.nullable(),
  publishedAt: iso.nullable(),
});
export type Postmortem = z.infer<typeof postmortemSchema>;

export const postmortemListSchema = z.object({
  postmortems: z.array(
    z.object({
      id: z.string(),
      status: postmortemStatusSchema,
      incident: z.string().describe('INC-<number>'),
      incidentId: z.string(),
      title: z.string(),
      severity: z.string(),
      owner: z.string().describe('The author'),
      openActionItems: z.number().int(),
      updatedAt: iso,
      publishedAt: iso.nullable(),
    }),
  ),
});
export type PostmortemList = z.infer<typeof postmortemListSchema>;

export const openActionItemsSchema = z.object({
  actionItems: z.array(
    actionItemSchema.extend({
      incident: z.string().describe('INC-<number>'),
      incidentId: z.string(),
      incidentTitle: z.string(),
      overdue: z.boolean(),
    }),
  ),
});
export type OpenActionItems = z.infer<typeof openActionItemsSchema>;

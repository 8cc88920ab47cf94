import { z } from 'zod';
import { whenFieldsParsed } from '@/lib/api/when-fields-parsed';

/**
 * The audit log's filters and answers, client-safe: `GET /api/v1/audit` and its CSV export parse their
 * query with these, the audit page its search parameters, and the data layer (./audit-log.ts) returns
 * these shapes.
 */

/** GET forms send an empty field as `name=`; an empty filter means "any". */
const text = z
  .string()
  .trim()
  .max(200)
  .transform((v) => v || undefined)
  .optional();

/** An ISO 8601 time; without an offset it is UTC (the console shows UTC throughout). */
const time = z
  .union([
    z.literal(''),
    z.iso.datetime({
      offset: true,
      local: true,
      error: 'Use an ISO time such as 2026-01-31T09:00 (UTC) or 2026-01-31T09:00:00+01:00.',
    }),
  ])
  .transform((v) => (v ? new Date(/(?:Z|[+-]\d{2}:?\d{2})$/i.test(v) ? v : `${v}Z`) : undefined))
  .optional();

const MAX_ID = 9223372036854775807n;

const auditFilterSchema = z.object({
  /** A substring of the actor's e-mail, any case. */
  actor: text,
  /** An exact action (`user.role_changed`), or a family when it ends with a dot (`api_token.`). */
  action: text,
  /** A substring of the target (usually an e-mail or a name), any case. */
  target: text,
  /** Entries at or after this time. */
  from: time,
  /** Entries at or before this time. */
  to: time,
  success: z
    .enum(['', 'true', 'false'])
    .transform((v) => (v ? v === 'true' : undefined))
    .optional(),
});
export type AuditFilters = z.output<typeof auditFilterSchema>;

const fromBeforeTo = (q: AuditFilters) => !q.from || !q.to || q.from <= q.to;
const fromBeforeToIssue = { ...whenFieldsParsed, path: ['to'], error: '"To" is before "From"; swap them.' };

export const auditQuerySchema = auditFilterSchema
  .extend({
    /** `nextCursor` of the previous page: entries older than it. */
    cursor: z
      .union([
        z.literal(''),
        z
          .string()
          .regex(/^\d{1,19}$/, { error: 'Use the nextCursor of the previous page.', abort: true })
          .refine((v) => BigInt(v) <= MAX_ID, { error: 'Use the nextCursor of the previous page.' }),
      ])
      .transform((v) => (v ? BigInt(v) : undefined))
      .optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .refine(fromBeforeTo, fromBeforeToIssue);
export type AuditQuery = z.output<typeof auditQuerySchema>;

/** The CSV export takes the filters only: it always covers every matching entry. */
export const auditExportQuerySchema = auditFilterSchema.refine(fromBeforeTo, fromBeforeToIssue);

const auditEntrySchema = z.object({
  id: z.string().describe('Increasing with time; opaque'),
  at: z.string().describe('ISO 8601 time (UTC)'),
  /** Null for the system; kept after the user is deleted. */
  actorEmail: z.string().nullable(),
  via: z.string().describe('session, token, link, slack, mattermost, system or cli (npm run user)'),
  action: z.string().describe('e.g. user.role_changed, api_token.created'),
  target: z.string().nullable(),
  details: z.unknown().describe('JSON written by the mutation, e.g. {"from": "viewer", "to": "admin"}'),
  /** The caller's address (first X-Forwarded-For hop). */
  ip: z.string().nullable(),
  success: z.boolean(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditPageSchema = z.object({
  entries: z.array(auditEntrySchema),
  /** Pass as `cursor` for the next (older) page; null on the last page. */
  nextCursor: z.string().nullable(),
});
export type AuditPage = z.infer<typeof auditPageSchema>;

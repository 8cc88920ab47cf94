import 'server-only';
import { z } from 'zod';
import { type Actor, assertRole } from '@/lib/auth';
import { db } from '@/lib/db';
import type { AuditLog, Prisma } from '@/lib/generated/prisma/client';
import { parseInput } from '@/lib/validation';

/**
 * Reading the audit log (written by lib/audit.ts): admins only, checked here rather than in the pages
 * and routes that call it. Newest first, paged by keyset on the id so a page deep in a large log costs
 * the same as the first.
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

export const auditFilterSchema = z.object({
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
const fromBeforeToIssue = { path: ['to'], error: '"To" is before "From"; swap them.' };

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

/** The CSV export takes the filters only: it always covers every matching entry. */
export const auditExportQuerySchema = auditFilterSchema.refine(fromBeforeTo, fromBeforeToIssue);

export const auditEntrySchema = z.object({
  id: z.string().describe('Increasing with time; opaque'),
  at: z.string().describe('ISO 8601 time (UTC)'),
  /** Null for the system; kept after the user is deleted. */
  actorEmail: z.string().nullable(),
  via: z.string().describe('session, token or system'),
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

/** Rows per query of the CSV export: large enough to be quick, small enough to keep memory flat. */
export const EXPORT_PAGE_SIZE = 1000;

/**
 * Escapes LIKE's wildcards: Prisma's `contains`/`startsWith` become LIKE/ILIKE without escaping
 * (prisma/prisma#19506), so `api_token.` would also match `apiXtoken.`. Backslash is PostgreSQL's
 * default LIKE escape. `100%_a` → `100\%\_a`.
 */
export function likeLiteral(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The Prisma filter of the parsed filters: `{action: 'user.'}` → `{action: {startsWith: 'user.'}}`. */
export function auditWhere(f: AuditFilters): Prisma.AuditLogWhereInput {
  const where: Prisma.AuditLogWhereInput = {};
  if (f.actor) where.actorEmail = { contains: likeLiteral(f.actor), mode: 'insensitive' };
  if (f.action)
    where.action = f.action.endsWith('.') ? { startsWith: likeLiteral(f.action) } : { equals: f.action };
  if (f.target) where.target = { contains: likeLiteral(f.target), mode: 'insensitive' };
  if (f.from || f.to) where.at = { ...(f.from && { gte: f.from }), ...(f.to && { lte: f.to }) };
  if (f.success !== undefined) where.success = f.success;
  return where;
}

function toEntry(row: AuditLog): AuditEntry {
  return {
    id: row.id.toString(),
    at: row.at.toISOString(),
    actorEmail: row.actorEmail,
    via: row.via,
    action: row.action,
    target: row.target,
    details: row.details,
    ip: row.ip,
    success: row.success,
  };
}

async function readPage(
  filters: AuditFilters,
  cursor: bigint | undefined,
  limit: number,
): Promise<AuditPage> {
  const where = auditWhere(filters);
  const rows = await db().auditLog.findMany({
    where: cursor === undefined ? where : { AND: [where, { id: { lt: cursor } }] },
    orderBy: { id: 'desc' },
    // One row more than asked tells whether an older page exists without counting.
    take: limit + 1,
  });
  const entries = rows.slice(0, limit).map(toEntry);
  return { entries, nextCursor: rows.length > limit ? (entries.at(-1)?.id ?? null) : null };
}

/** One page of entries matching `input` (auditQuerySchema), newest first. Admins only. */
export async function listAuditLog(actor: Actor, input: unknown): Promise<AuditPage> {
  assertRole(actor, 'admin');
  const { cursor, limit, ...filters } = parseInput(auditQuerySchema, input);
  return readPage(filters, cursor, limit);
}

/**
 * Every entry matching `input` (auditExportQuerySchema), newest first, in pages of `pageSize` read one
 * at a time as the consumer asks, so an export of a million rows holds one page in memory. The role and
 * the input are checked now, before the caller starts a response, not on the first read.
 */
export function auditLogPages(
  actor: Actor,
  input: unknown,
  pageSize = EXPORT_PAGE_SIZE,
): AsyncGenerator<AuditEntry[], void> {
  assertRole(actor, 'admin');
  const filters = parseInput(auditExportQuerySchema, input);
  return (async function* () {
    let cursor: bigint | undefined;
    do {
      const page = await readPage(filters, cursor, pageSize);
      if (page.entries.length) yield page.entries;
      cursor = page.nextCursor === null ? undefined : BigInt(page.nextCursor);
    } while (cursor !== undefined);
  })();
}

/** Every action recorded so far, sorted, for the filter's choices. Admins only. */
export async function distinctActions(actor: Actor): Promise<string[]> {
  assertRole(actor, 'admin');
  // groupBy is a SQL GROUP BY; findMany's `distinct` would fetch every row and dedupe in memory. Sorted
  // here, by code point, so the order does not depend on the database's collation.
  const groups = await db().auditLog.groupBy({ by: ['action'] });
  return groups.map((g) => g.action).sort();
}

/**
 * The families of `actions` for filtering by prefix, each once and sorted:
 * `['user.role_changed', 'api_token.created', 'api_token.revoked']` → `['api_token.', 'user.']`.
 */
export function actionFamilies(actions: readonly string[]): string[] {
  const families = actions.flatMap((a) => (a.includes('.') ? [a.slice(0, a.indexOf('.') + 1)] : []));
  return [...new Set(families)].sort();
}

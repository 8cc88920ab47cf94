import 'server-only';
import { type Actor, assertRole } from '@/lib/auth';
import { db } from '@/lib/db';
import type { AuditLog, Prisma } from '@/lib/generated/prisma/client';
import type { AuditEntry, AuditFilters, AuditPage, AuditQuery } from './audit-schema';

/**
 * Reading the audit log (written by lib/audit.ts): admins only, checked here rather than in the pages
 * and routes that call it. Newest first, paged by keyset on the id so a page deep in a large log costs
 * the same as the first.
 */

/** Rows per query of the CSV export: large enough to be quick, small enough to keep memory flat. */
const EXPORT_PAGE_SIZE = 1000;

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

/** One page of entries matching the query (parsed by auditQuerySchema), newest first. Admins only. */
export async function listAuditLog(actor: Actor, query: AuditQuery): Promise<AuditPage> {
  assertRole(actor, 'admin');
  const { cursor, limit, ...filters } = query;
  return readPage(filters, cursor, limit);
}

/**
 * Every entry matching the filters (parsed by auditExportQuerySchema), newest first, in pages of
 * `pageSize` read one at a time as the consumer asks, so an export of a million rows holds one page in
 * memory. The role is checked now, before the caller starts a response, not on the first read.
 */
export function auditLogPages(
  actor: Actor,
  filters: AuditFilters,
  pageSize = EXPORT_PAGE_SIZE,
): AsyncGenerator<AuditEntry[], void> {
  assertRole(actor, 'admin');
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

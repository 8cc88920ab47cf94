import { auditLogOp } from '@/lib/admin/api';
import { listAuditLog } from '@/lib/admin/audit-log';
import { route } from '@/lib/http/route';

/**
 * One page of the audit log, newest first:
 * `?actor=&action=&target=&from=&to=&success=&cursor=&limit=` (lib/admin/audit-schema.ts). Admins only
 * (403 before the filters are read); a bad filter is a 422 naming the field.
 */
export const GET = route(auditLogOp, async ({ query }, { actor }) => listAuditLog(actor, query));

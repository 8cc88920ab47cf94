import { listAuditLog } from '@/lib/admin/audit-log';
import { route } from '@/lib/api/route';
import { requireActor } from '@/lib/auth';

/**
 * One page of the audit log, newest first:
 * `?actor=&action=&target=&from=&to=&success=&cursor=&limit=` (lib/admin/audit-log.ts). Admins only;
 * the data layer checks the role (403), a bad filter is a 422 naming the field.
 */
export const GET = route('/api/v1/audit', async (request) => {
  const actor = await requireActor();
  return listAuditLog(actor, Object.fromEntries(new URL(request.url).searchParams));
});

import { auditExportOp } from '@/lib/admin/api';
import { auditCsvFilename, auditCsvStream } from '@/lib/admin/audit-csv';
import { auditLogPages } from '@/lib/admin/audit-log';
import type { AuditEntry } from '@/lib/admin/audit-schema';
import { route } from '@/lib/http/route';

/**
 * Every audit entry matching the filters of `GET /api/v1/audit`, as a CSV download streamed page by
 * page. The role and the filters are checked before the answer starts, so a refusal is still a 403 or
 * 422 with a JSON body; a database failure later can only cut the download short, so it is logged.
 */
export const GET = route(auditExportOp, async ({ query }, { actor }) => {
  const pages = auditLogPages(actor, query);
  return new Response(auditCsvStream(logFailure(pages)), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${auditCsvFilename(new Date())}"`,
      'cache-control': 'no-store',
    },
  });
});

async function* logFailure(pages: AsyncGenerator<AuditEntry[], void>): AsyncGenerator<AuditEntry[], void> {
  try {
    yield* pages;
  } catch (error) {
    console.error('[vigil] GET /api/v1/audit/export failed mid-download:', error);
    throw error;
  }
}

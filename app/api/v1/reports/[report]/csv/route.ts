import { route } from '@/lib/http/route';
import { getReportCsvOp } from '@/lib/reports/api';
import { reportCsv, reportCsvFilename } from '@/lib/reports/report-csv';
import { runReport } from '@/lib/reports/reports';

/**
 * A report as a CSV download. A report is at most 20 rows, so it is built whole, not streamed; the
 * role and the query are checked first, so a refusal is still a JSON 403 or 422.
 */
export const GET = route(getReportCsvOp, async ({ params, query }, { actor }) => {
  const report = await runReport(actor, params.report, query);
  return new Response(reportCsv(report), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${reportCsvFilename(report)}"`,
      'cache-control': 'no-store',
    },
  });
});

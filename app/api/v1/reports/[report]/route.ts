import { route } from '@/lib/http/route';
import { getReportOp } from '@/lib/reports/api';
import { runReport } from '@/lib/reports/reports';

export const GET = route(getReportOp, ({ params, query }, { actor }) =>
  runReport(actor, params.report, query),
);

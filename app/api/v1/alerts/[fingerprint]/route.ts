import { alertDetailOp } from '@/lib/alerts/api';
import { alertDetail } from '@/lib/alerts/detail';
import { route } from '@/lib/http/route';

/** One alert with its rule expression, threshold, silences, inhibitors and history; 404 when no Alertmanager holds it. */
export const GET = route(alertDetailOp, async ({ params, query }) =>
  alertDetail(params.fingerprint, query.cluster),
);

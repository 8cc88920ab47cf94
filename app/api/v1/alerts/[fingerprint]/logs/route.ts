import { alertLogs } from '@/lib/alerts/alert-logs';
import { alertLogsOp } from '@/lib/alerts/api';
import { route } from '@/lib/http/route';

/**
 * The log context of one alert from Loki. Answers 200 with `status` not-configured | no-streams | ok |
 * error (Loki's refusal verbatim, or why it could not be reached); 404 for an alert no Alertmanager holds.
 */
export const GET = route(alertLogsOp, async ({ params, query }) => alertLogs(params.fingerprint, query));

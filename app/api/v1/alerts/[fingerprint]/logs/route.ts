import { route } from '@/lib/api/route';
import { requireActor } from '@/lib/auth';
import { alertLogs } from '@/lib/loki/alert-logs';

/**
 * The log context of one alert from Loki (viewer): `?query=<LogQL>&limit=&order=&start=&end=`, all
 * optional (parameters and answer: lib/loki/alert-logs-schema.ts). Answers 200 with `status`
 * not-configured | no-streams | ok | error (Loki's refusal verbatim, or why it could not be reached);
 * 404 for an alert no Alertmanager holds, 422 for bad parameters.
 */
export const GET = route<{ fingerprint: string }>(
  '/api/v1/alerts/[fingerprint]/logs',
  async (request, { params }) => {
    await requireActor();
    const { fingerprint } = await params;
    return alertLogs(fingerprint, Object.fromEntries(new URL(request.url).searchParams));
  },
);

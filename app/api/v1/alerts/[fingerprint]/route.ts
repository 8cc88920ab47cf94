import { alertDetail, alertDetailParamsSchema } from '@/lib/alerts/detail';
import { route } from '@/lib/api/route';
import { requireActor } from '@/lib/auth';
import { parseInput } from '@/lib/validation';

/**
 * One alert with its rule expression, threshold, silences, inhibitors and history:
 * `GET /api/v1/alerts/{fingerprint}[?cluster=<name>]`; 404 when no Alertmanager holds it.
 */
export const GET = route<{ fingerprint: string }>(
  '/api/v1/alerts/[fingerprint]',
  async (request, { params }) => {
    await requireActor();
    const { fingerprint, cluster } = parseInput(alertDetailParamsSchema, {
      ...Object.fromEntries(new URL(request.url).searchParams),
      ...(await params),
    });
    return alertDetail(fingerprint, cluster);
  },
);

import { alertLabelsQuerySchema } from '@/lib/alerts/label-index';
import { queryAlertLabels } from '@/lib/alerts/query';
import { route } from '@/lib/api/route';
import { requireActor } from '@/lib/auth';
import { parseInput } from '@/lib/validation';

/**
 * Autocomplete for the filter bar: `?prefix=` → label names, `?name=<label>&prefix=` → that label's
 * values, the 50 most frequent across the current alerts.
 */
export const GET = route('/api/v1/alerts/labels', async (request) => {
  await requireActor();
  return queryAlertLabels(
    parseInput(alertLabelsQuerySchema, Object.fromEntries(new URL(request.url).searchParams)),
  );
});

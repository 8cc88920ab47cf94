import { alertLabelsOp } from '@/lib/alerts/api';
import { queryAlertLabels } from '@/lib/alerts/query';
import { route } from '@/lib/http/route';

/**
 * Autocomplete for the filter bar: `?prefix=` → label names, `?name=<label>&prefix=` → that label's
 * values, the 50 most frequent across the current alerts.
 */
export const GET = route(alertLabelsOp, async ({ query }) => queryAlertLabels(query));

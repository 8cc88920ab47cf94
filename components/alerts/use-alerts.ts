'use client';

import { keepPreviousData } from '@tanstack/react-query';
import { listAlertsOp } from '@/lib/alerts/api';
import type { AlertsResponse } from '@/lib/alerts/api-schema';
import { useApiQuery } from '@/lib/api/query';
import { type AlertsApiQuery, apiQuery, type ViewState } from './view-state';

const sameQuery = (a: AlertsApiQuery, b: AlertsApiQuery | undefined) =>
  JSON.stringify(a) === JSON.stringify(b);

/**
 * The alerts of the current view, refreshed every 10 s unless `paused` (a dialog or form is open).
 * The previous answer stays on screen while the next one loads, so nothing flickers.
 */
export function useAlerts(
  state: ViewState,
  options: { initial?: AlertsResponse; initialQuery?: AlertsApiQuery; paused: boolean; hidden: string },
) {
  const query = apiQuery(state, options.hidden);
  return useApiQuery(
    listAlertsOp,
    { query },
    {
      initialData: sameQuery(query, options.initialQuery) ? options.initial : undefined,
      placeholderData: keepPreviousData,
      refetchInterval: options.paused ? false : 10_000,
      retry: false,
    },
  );
}

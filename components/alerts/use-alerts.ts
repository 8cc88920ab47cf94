'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AlertsResponse } from '@/lib/alerts/api-schema';
import { apiQuery, type ViewState } from './view-state';

export class AlertsApiError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

async function fetchAlerts(query: string): Promise<AlertsResponse> {
  const res = await fetch(`/api/v1/alerts?${query}`);
  const body = await res.json().catch(() => ({}));
  if (!res.ok) {
    const error = (body as { error?: { message?: string; fields?: Record<string, string>; hint?: string } })
      .error;
    const field = error?.fields ? Object.keys(error.fields)[0] : undefined;
    throw new AlertsApiError(
      (field && error?.fields?.[field]) ||
        [error?.message, error?.hint].filter(Boolean).join(' ') ||
        `Vigil answered ${res.status}`,
      field,
    );
  }
  return body as AlertsResponse;
}

/**
 * The alerts of the current view, refreshed every 10 s unless `paused` (a dialog or form is open).
 * The previous answer stays on screen while the next one loads, so nothing flickers.
 */
export function useAlerts(
  state: ViewState,
  options: { initial?: AlertsResponse; initialQuery?: string; paused: boolean },
) {
  const query = apiQuery(state);
  return useQuery({
    queryKey: ['alerts', query],
    queryFn: () => fetchAlerts(query),
    initialData: query === options.initialQuery ? options.initial : undefined,
    placeholderData: keepPreviousData,
    refetchInterval: options.paused ? false : 10_000,
    retry: false,
  });
}

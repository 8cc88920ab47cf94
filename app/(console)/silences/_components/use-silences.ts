'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { fetchSilences } from '@/components/silences/silence-api';
import type { SilencesAnswer } from '@/lib/incidents/silence-schemas';

/**
 * The silences of the current view, refreshed every 10 s unless `paused` (a dialog is open: a refresh
 * then would only move rows under the user). The previous answer stays on screen while the next loads.
 */
export function useSilences(
  query: string,
  options: { initial?: SilencesAnswer; initialQuery: string; paused: boolean },
) {
  return useQuery({
    queryKey: ['silences', query],
    queryFn: ({ signal }) => fetchSilences(query, signal),
    initialData: query === options.initialQuery ? options.initial : undefined,
    placeholderData: keepPreviousData,
    refetchInterval: options.paused ? false : 10_000,
    retry: false,
  });
}

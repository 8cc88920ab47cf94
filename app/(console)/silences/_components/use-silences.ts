'use client';

import { keepPreviousData } from '@tanstack/react-query';
import type { SilencesApiQuery } from '@/components/silences/view-state';
import { useApiQuery } from '@/lib/api/query';
import { listSilencesOp } from '@/lib/incidents/silence-api';
import type { SilencesAnswer } from '@/lib/incidents/silence-schemas';

const sameQuery = (a: SilencesApiQuery, b: SilencesApiQuery) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The silences of the current view, refreshed every 10 s unless `paused` (a dialog is open: a refresh
 * then would only move rows under the user). The previous answer stays on screen while the next loads.
 */
export function useSilences(
  query: SilencesApiQuery,
  options: { initial?: SilencesAnswer; initialQuery: SilencesApiQuery; paused: boolean },
) {
  return useApiQuery(
    listSilencesOp,
    { query },
    {
      initialData: sameQuery(query, options.initialQuery) ? options.initial : undefined,
      placeholderData: keepPreviousData,
      refetchInterval: options.paused ? false : 10_000,
      retry: false,
    },
  );
}

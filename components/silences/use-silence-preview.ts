'use client';

import { keepPreviousData } from '@tanstack/react-query';
import { useApiQuery } from '@/lib/api/query';
import { previewSilenceOp } from '@/lib/incidents/silence-api';

/**
 * What these matchers would silence now (`POST /api/v1/silences/preview`), asked again every 10 s
 * while the dialog is open because alerts come and go. `matchers` is null while they do not parse:
 * nothing is asked then. The previous answer stays on screen while the next one loads.
 */
export function useSilencePreview(matchers: string | null, cluster: string | undefined) {
  return useApiQuery(
    previewSilenceOp,
    { body: { matchers: matchers ?? '', ...(cluster ? { cluster } : {}) } },
    {
      enabled: matchers !== null,
      placeholderData: keepPreviousData,
      refetchInterval: 10_000,
      staleTime: 0,
      retry: false,
    },
  );
}

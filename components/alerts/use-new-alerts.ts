'use client';

import { useRef } from 'react';
import type { AlertsResponse } from '@/lib/alerts/api-schema';

const HIGHLIGHT_MS = 30_000;

/**
 * Alerts that appeared after the view first loaded are highlighted for 30 s. Those present on the
 * first load of a view (filter, page) are not "new".
 */
export function useNewAlerts(
  data: AlertsResponse | undefined,
  viewKey: string,
): (fingerprint: string) => boolean {
  const firstSeen = useRef<Map<string, number> | undefined>(undefined);
  const forView = useRef(viewKey);
  // Another filter or page shows other alerts: they are not new, just newly shown.
  if (forView.current !== viewKey) {
    forView.current = viewKey;
    firstSeen.current = undefined;
  }
  if (data) {
    const now = Date.now();
    if (!firstSeen.current) firstSeen.current = new Map(data.alerts.map((a) => [a.fingerprint, 0]));
    for (const a of data.alerts)
      if (!firstSeen.current.has(a.fingerprint)) firstSeen.current.set(a.fingerprint, now);
  }
  return (fingerprint) => {
    const seen = firstSeen.current?.get(fingerprint);
    return Boolean(seen && Date.now() - seen < HIGHLIGHT_MS);
  };
}

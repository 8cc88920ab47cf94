'use client';

import { useSyncExternalStore } from 'react';
import { createZoneStore, ZONE_STORAGE_KEY, type ZonePreference, type ZoneStore } from './time-zone-store';

let store: ZoneStore | null = null;

/** One store per browser tab, made on first use (never on the server: it has no viewer). */
function browserStore(): ZoneStore {
  if (!store) {
    const created = createZoneStore(window.localStorage, Intl.DateTimeFormat().resolvedOptions().timeZone);
    window.addEventListener('storage', (event) => {
      if (event.key === ZONE_STORAGE_KEY) created.reload();
    });
    store = created;
  }
  return store;
}

const subscribe = (listener: () => void) => browserStore().subscribe(listener);

/**
 * The zone to write times in. The server, and the browser while it hydrates, use UTC — the same string
 * on both sides, so no hydration mismatch (React error #418) — and the browser then re-renders in the
 * viewer's zone or their choice.
 */
export function useTimeZone(): string {
  return useSyncExternalStore(
    subscribe,
    () => browserStore().zone(),
    () => 'UTC',
  );
}

export function useZonePreference(): [ZonePreference, (next: ZonePreference) => void] {
  const preference = useSyncExternalStore(
    subscribe,
    () => browserStore().preference(),
    (): ZonePreference => 'local',
  );
  return [preference, (next) => browserStore().setPreference(next)];
}

'use client';

import { createContext, useContext, useSyncExternalStore } from 'react';
import { type LocalZone, localZone, shownZone, zoneForNew } from './local-zone';
import { createZoneStore, ZONE_STORAGE_KEY, type ZonePreference, type ZoneStore } from './time-zone-store';

/**
 * The signed-in reader's profile time zone, given by the console's layout (ProfileZone), so the server
 * knows it as well as the browser. Null outside the console.
 */
export const ProfileZoneContext = createContext<string | null>(null);

let store: ZoneStore | null = null;

/** One store per browser tab, made on first use (never on the server: it has no viewer). */
function browserStore(): ZoneStore {
  if (!store) {
    const created = createZoneStore(window.localStorage);
    window.addEventListener('storage', (event) => {
      if (event.key === ZONE_STORAGE_KEY) created.reload();
    });
    store = created;
  }
  return store;
}

const subscribe = (listener: () => void) => browserStore().subscribe(listener);

let browserZoneName: string | undefined;
/** The browser's zone, read once per tab: getSnapshot runs on every render of every time. */
const browserZone = () => {
  browserZoneName ??= Intl.DateTimeFormat().resolvedOptions().timeZone;
  return browserZoneName;
};
const never = () => () => {};

function usePreference(): ZonePreference {
  return useSyncExternalStore(
    subscribe,
    () => browserStore().preference(),
    (): ZonePreference => 'local',
  );
}

/**
 * The reader's own zone: their profile's, else the browser's (see localZone). The server has no browser,
 * so it and the browser's hydrating render know only the profile's; the browser then adds its own.
 */
export function useLocalZone(): LocalZone | null {
  const profile = useContext(ProfileZoneContext);
  const browser = useSyncExternalStore(never, browserZone, () => null);
  return localZone(profile, browser);
}

/**
 * The zone to write times in. The server, and the browser while it hydrates, use the profile's zone
 * (UTC when the profile has none) with the switch on "local" — the same string on both sides, so no
 * hydration mismatch (React error #418) — and the browser then re-renders in the browser's zone for a
 * profile without one, or in UTC when that was chosen in this browser.
 */
export function useTimeZone(): string {
  const preference = usePreference();
  return shownZone(preference, useLocalZone());
}

/**
 * The zone to fill in for a new schedule or maintenance window: the reader's own, whatever the switch
 * shows (see zoneForNew); '' until it is known, i.e. on the server and while hydrating for a profile left
 * at UTC, so a form rendered on the server fills it in once the browser has said (schedule-form.ts rezoned).
 */
export function useZoneForNew(): string {
  return zoneForNew(useLocalZone());
}

export function useZonePreference(): [ZonePreference, (next: ZonePreference) => void] {
  return [usePreference(), (next) => browserStore().setPreference(next)];
}

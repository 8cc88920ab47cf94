/**
 * Whether times are shown in the reader's own zone ('local', the default: their profile's or their
 * browser's, see localZone) or in UTC, chosen with the switch in the user menu and kept in local storage
 * so it survives reloads (a per-browser preference; the server renders 'local', see useTimeZone). Pure
 * apart from the storage it is given.
 *
 *   const store = createZoneStore(localStorage);
 *   store.preference() → 'local';  store.setPreference('UTC');  store.preference() → 'UTC'
 */

export const ZONE_PREFERENCES = ['local', 'UTC'] as const;
export type ZonePreference = (typeof ZONE_PREFERENCES)[number];

export const ZONE_STORAGE_KEY = 'vigil.timeZone';

type PreferenceStorage = Pick<Storage, 'getItem' | 'setItem'>;

export type ZoneStore = {
  subscribe: (listener: () => void) => () => void;
  preference: () => ZonePreference;
  setPreference: (next: ZonePreference) => void;
  /** Re-reads the storage (another tab changed it) and tells the listeners. */
  reload: () => void;
};

function read(storage: PreferenceStorage | null): ZonePreference {
  try {
    return storage?.getItem(ZONE_STORAGE_KEY) === 'UTC' ? 'UTC' : 'local';
  } catch {
    // Storage can be refused (privacy modes); the default stands.
    return 'local';
  }
}

export function createZoneStore(storage: PreferenceStorage | null): ZoneStore {
  const listeners = new Set<() => void>();
  let current = read(storage);
  const notify = () => {
    for (const listener of listeners) listener();
  };
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    preference: () => current,
    setPreference(next) {
      current = next;
      try {
        storage?.setItem(ZONE_STORAGE_KEY, next);
      } catch {
        // Not kept across reloads, still applied now.
      }
      notify();
    },
    reload() {
      current = read(storage);
      notify();
    },
  };
}

/**
 * Which zone times are shown in: the viewer's own ('local', the default) or UTC, chosen with the switch in
 * the user menu and kept in local storage so it survives reloads (a per-browser preference: the
 * server never needs it, see LocalTime). Pure apart from the storage it is given.
 *
 *   const store = createZoneStore(localStorage, 'Europe/Brussels');
 *   store.zone() → 'Europe/Brussels';  store.setPreference('UTC');  store.zone() → 'UTC'
 */

export const ZONE_PREFERENCES = ['local', 'UTC'] as const;
export type ZonePreference = (typeof ZONE_PREFERENCES)[number];

export const ZONE_STORAGE_KEY = 'vigil.timeZone';

type PreferenceStorage = Pick<Storage, 'getItem' | 'setItem'>;

export type ZoneStore = {
  subscribe: (listener: () => void) => () => void;
  preference: () => ZonePreference;
  /** The IANA zone times are written in. */
  zone: () => string;
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

export function createZoneStore(storage: PreferenceStorage | null, viewerZone: string): ZoneStore {
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
    zone: () => (current === 'UTC' ? 'UTC' : viewerZone),
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

import { describe, expect, it, vi } from 'vitest';
import { createZoneStore, ZONE_STORAGE_KEY } from './time-zone-store';

function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
  };
}

describe('createZoneStore', () => {
  it('shows the viewer’s zone until UTC is chosen', () => {
    const store = createZoneStore(memoryStorage(), 'Europe/Brussels');
    expect(store.preference()).toBe('local');
    expect(store.zone()).toBe('Europe/Brussels');
  });

  it('keeps the choice in storage, tells its listeners, and a new store (a reload) reads it back', () => {
    const storage = memoryStorage();
    const store = createZoneStore(storage, 'America/New_York');
    const listener = vi.fn();
    const unsubscribe = store.subscribe(listener);
    store.setPreference('UTC');
    expect(listener).toHaveBeenCalledTimes(1);
    expect(store.zone()).toBe('UTC');
    expect(storage.items.get(ZONE_STORAGE_KEY)).toBe('UTC');
    expect(createZoneStore(storage, 'America/New_York').zone()).toBe('UTC');
    unsubscribe();
    store.setPreference('local');
    expect(listener).toHaveBeenCalledTimes(1);
    expect(store.zone()).toBe('America/New_York');
  });

  it('ignores a stored value it does not know', () => {
    const store = createZoneStore(memoryStorage({ [ZONE_STORAGE_KEY]: 'Mars/Olympus' }), 'Europe/Brussels');
    expect(store.zone()).toBe('Europe/Brussels');
  });

  it('picks up a change another tab made on reload()', () => {
    const storage = memoryStorage();
    const store = createZoneStore(storage, 'Europe/Brussels');
    const listener = vi.fn();
    store.subscribe(listener);
    storage.items.set(ZONE_STORAGE_KEY, 'UTC');
    store.reload();
    expect(store.zone()).toBe('UTC');
    expect(listener).toHaveBeenCalledOnce();
  });

  it('still switches when storage refuses to be used', () => {
    const refusing = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    const store = createZoneStore(refusing, 'Europe/Brussels');
    expect(store.zone()).toBe('Europe/Brussels');
    store.setPreference('UTC');
    expect(store.zone()).toBe('UTC');
  });
});

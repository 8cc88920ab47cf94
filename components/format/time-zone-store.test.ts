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
  it('shows the reader’s own zone until UTC is chosen', () => {
    expect(createZoneStore(memoryStorage()).preference()).toBe('local');
  });

  it('keeps the choice in storage, tells its listeners, and a new store (a reload) reads it back', () => {
    const storage = memoryStorage();
    const store = createZoneStore(storage);
    const listener = vi.fn();
    const unsubscribe = store.subscribe(listener);
    store.setPreference('UTC');
    expect(listener).toHaveBeenCalledTimes(1);
    expect(store.preference()).toBe('UTC');
    expect(storage.items.get(ZONE_STORAGE_KEY)).toBe('UTC');
    expect(createZoneStore(storage).preference()).toBe('UTC');
    unsubscribe();
    store.setPreference('local');
    expect(listener).toHaveBeenCalledTimes(1);
    expect(store.preference()).toBe('local');
  });

  it('ignores a stored value it does not know', () => {
    const store = createZoneStore(memoryStorage({ [ZONE_STORAGE_KEY]: 'Mars/Olympus' }));
    expect(store.preference()).toBe('local');
  });

  it('picks up a change another tab made on reload()', () => {
    const storage = memoryStorage();
    const store = createZoneStore(storage);
    const listener = vi.fn();
    store.subscribe(listener);
    storage.items.set(ZONE_STORAGE_KEY, 'UTC');
    store.reload();
    expect(store.preference()).toBe('UTC');
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
    const store = createZoneStore(refusing);
    expect(store.preference()).toBe('local');
    store.setPreference('UTC');
    expect(store.preference()).toBe('UTC');
  });
});

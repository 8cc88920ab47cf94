import type { AlertEventInput } from '@/lib/alerts/alert-event';
import { utcIso } from '@/lib/alerts/utc-iso';

/**
 * The keys of the alert events this process committed lately, so the second report of the same change
 * skips the insert. A flood of new alerts reaches Vigil twice, by the webhook and by the poll, in either
 * order: at 10,000 alerts the second was 40 statements of 250 rows that inserted nothing (ON CONFLICT DO
 * NOTHING), each built by Prisma's query compiler and the driver on the main thread, with the garbage
 * that went with them, while the console waited. The database stays the judge: a key not held here
 * (another instance stored it, or it expired) is inserted as before and skipped there if it exists.
 */
export type RecentEvents = {
  /** Whether this key was committed within the time kept. */
  has(event: AlertEventInput): boolean;
  /** Remembers keys that are now committed (call only after the commit). */
  add(events: readonly AlertEventInput[]): void;
  /** Forgets every key: for whoever empties alert_events behind the process's back (tests do). */
  clear(): void;
  readonly size: number;
};

/**
 * The key of alert_events' unique constraint (fingerprint, starts_at, status), with the start as the
 * millisecond UTC time the column holds: the webhook's and the API's spellings of one start differ.
 *
 * @example eventKey({fingerprint:'a', startsAt:'2026-11-21T09:00:00.123456789+01:00', status:'firing', …})
 *   → 'a␀2026-11-21T08:00:00.123Z␀firing' (␀ standing for NUL)
 */
export function eventKey(event: Pick<AlertEventInput, 'fingerprint' | 'startsAt' | 'status'>): string {
  return `${event.fingerprint}\0${utcIso(event.startsAt)}\0${event.status}`;
}

/**
 * A set of keys kept `keepMs` after they were last added, at most `max` of them (the oldest go first).
 *
 *   const recent = createRecentEvents({ keepMs: 60_000, max: 2, now: () => t });
 *   recent.add([a, b, c]) → recent.has(a) false (pushed out), recent.has(c) true; 60 s later, false
 */
export function createRecentEvents(options: {
  keepMs: number;
  max: number;
  now?: () => number;
}): RecentEvents {
  const now = options.now ?? Date.now;
  // In insertion order, oldest first: a key added again moves to the end.
  const addedAt = new Map<string, number>();
  const expire = (at: number) => {
    for (const [key, added] of addedAt) {
      if (at - added < options.keepMs && addedAt.size <= options.max) break;
      addedAt.delete(key);
    }
  };
  return {
    has(event) {
      const added = addedAt.get(eventKey(event));
      return added !== undefined && now() - added < options.keepMs;
    },
    add(events) {
      const at = now();
      for (const event of events) {
        const key = eventKey(event);
        addedAt.delete(key);
        addedAt.set(key, at);
      }
      expire(at);
    },
    clear() {
      addedAt.clear();
    },
    get size() {
      return addedAt.size;
    },
  };
}

/** How long a committed key is kept: longer than any resend interval between the webhook and the poll. */
const KEEP_MS = 15 * 60_000;
/** At most this many keys (about 200 bytes each): 50,000 alerts firing and resolving twice over. */
const MAX_KEYS = 200_000;

/**
 * The process's one set. Kept on globalThis: the production build holds this module once per route
 * bundle, and the webhook route and the poll hook must share it.
 */
export function recentEvents(): RecentEvents {
  const key = Symbol.for('vigil.recent-alert-events');
  const holder = globalThis as { [key]?: RecentEvents };
  holder[key] ??= createRecentEvents({ keepMs: KEEP_MS, max: MAX_KEYS });
  return holder[key];
}

'use client';

import { useCallback, useEffect, useState } from 'react';
import { z } from 'zod';

const STORAGE_KEY = 'vigil.alerts.collapsedGroups';
/** Enough for any screen's worth of groups; the oldest folds are forgotten first. */
const KEEP = 200;

const storedSchema = z.array(z.string().max(2000)).max(KEEP);

/**
 * The collapsed groups as local storage holds them; anything unreadable counts as none collapsed.
 *
 *   parseCollapsed('["alertname=\\"X\\""]') → Set {'alertname="X"'}
 *   parseCollapsed('oops') → Set {}
 */
export function parseCollapsed(raw: string | null): Set<string> {
  if (!raw) return new Set();
  try {
    const parsed = storedSchema.safeParse(JSON.parse(raw));
    return new Set(parsed.success ? parsed.data : []);
  } catch {
    return new Set();
  }
}

/** Folds or unfolds one group; the newest fold is kept last, and only the last `KEEP` are kept. */
export function toggleCollapsed(collapsed: ReadonlySet<string>, key: string): Set<string> {
  const next = new Set(collapsed);
  if (next.has(key)) next.delete(key);
  else next.add(key);
  return new Set([...next].slice(-KEEP));
}

/**
 * Which alert groups are folded to their header, remembered in this browser (local storage) so a
 * refresh or the next visit keeps them folded. Read after mount: the server cannot know it.
 */
export function useCollapsedGroups(): [ReadonlySet<string>, (key: string) => void] {
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  useEffect(() => setCollapsed(parseCollapsed(window.localStorage.getItem(STORAGE_KEY))), []);
  const toggle = useCallback((key: string) => {
    setCollapsed((current) => {
      const next = toggleCollapsed(current, key);
      window.localStorage.setItem(STORAGE_KEY, JSON.stringify([...next]));
      return next;
    });
  }, []);
  return [collapsed, toggle];
}

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

/**
 * The keyboard's j/k over the rows on screen: from `current` by `delta`, skipping the alerts of folded
 * groups (`visible`: the indexes still shown, ascending). Stays put when nothing is shown.
 *
 *   moveSelection([0, 1, 5, 6], 1, 1) → 5
 *   moveSelection([0, 1, 5, 6], 3, 1) → 5   (3 is folded away: the next row shown)
 *   moveSelection([0, 1, 5, 6], 6, 1) → 6
 */
export function moveSelection(visible: readonly number[], current: number, delta: number): number {
  if (visible.length === 0) return current;
  let at = visible.findIndex((i) => i >= current);
  if (at < 0) at = visible.length - 1;
  else if (visible[at] !== current && delta > 0) at -= 1;
  const next = Math.max(0, Math.min(visible.length - 1, at + delta));
  return visible[next] ?? current;
}

'use client';

import { useState } from 'react';
import { Segmented } from '@/components/ui/segmented';

import type { Theme } from './theme';

/**
 * System by default; a choice is kept in a cookie so the server renders the right theme (no flash).
 * `initial` comes from that cookie on the server, so the server's and the browser's first render agree
 * on which option is checked (a mismatch left "system" checked after a reload with "light").
 */
export function ThemeSwitch({ initial }: { initial: Theme }) {
  const [theme, setTheme] = useState<Theme>(initial);
  function choose(next: Theme) {
    setTheme(next);
    if (next === 'system') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = next;
    // biome-ignore lint/suspicious/noDocumentCookie: a plain preference cookie, read by the root layout.
    document.cookie = `theme=${next}; path=/; max-age=31536000; samesite=lax`;
  }
  return (
    <Segmented
      name="theme"
      legend="Theme"
      options={['system', 'light', 'dark'] as const}
      value={theme}
      onChange={choose}
    />
  );
}

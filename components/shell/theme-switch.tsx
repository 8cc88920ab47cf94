'use client';

import { useState } from 'react';
import { Segmented } from '@/components/ui/segmented';

type Theme = 'system' | 'light' | 'dark';

function currentTheme(): Theme {
  if (typeof document === 'undefined') return 'system';
  const t = document.documentElement.dataset.theme;
  return t === 'light' || t === 'dark' ? t : 'system';
}

/** System by default; a choice is kept in a cookie so the server renders the right theme (no flash). */
export function ThemeSwitch() {
  const [theme, setTheme] = useState<Theme>(currentTheme);
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

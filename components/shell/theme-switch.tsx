'use client';

import { useState } from 'react';

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
    <fieldset className="flex gap-1">
      <legend className="mb-1 text-xs text-muted">Theme</legend>
      {(['system', 'light', 'dark'] as const).map((t) => (
        <label
          key={t}
          className={`cursor-pointer rounded border px-2 py-0.5 ${theme === t ? 'border-accent' : 'border-border'}`}
        >
          <input
            type="radio"
            name="theme"
            value={t}
            checked={theme === t}
            onChange={() => choose(t)}
            className="sr-only"
          />
          {t}
        </label>
      ))}
    </fieldset>
  );
}

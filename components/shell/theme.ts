/** The console's colour theme: the system's, or one the user picked (kept in the `theme` cookie). */
export type Theme = 'system' | 'light' | 'dark';

/** The theme a `theme` cookie value names; anything else is the system's. */
export function themeOf(cookie: string | undefined): Theme {
  return cookie === 'light' || cookie === 'dark' ? cookie : 'system';
}

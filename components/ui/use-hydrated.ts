'use client';

import { useSyncExternalStore } from 'react';

const never = () => () => {};

/**
 * false on the server and during hydration, true from the render after: for text the server cannot
 * know (the viewer's locale and time zone), which must not be in the HTML React hydrates, or React
 * throws the page away (error #418).
 *
 *   const hydrated = useHydrated();
 *   <p>Checked {hydrated ? new Date(at).toLocaleTimeString() : null}</p>
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    never,
    () => true,
    () => false,
  );
}

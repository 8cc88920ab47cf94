'use client';

import NextLink from 'next/link';
import { type ComponentProps, useState } from 'react';

/**
 * The console's link (biome forbids importing next/link elsewhere). Its page is prefetched when someone
 * shows the intent to follow it (pointer over it, focus, a touch), not when it comes into view as
 * Next's link does: every link in view was a server render of its page on every page load — the
 * navigation's eleven, one per row of a list of incidents — on every console, and mobile data on a
 * phone, for pages nobody opened. `prefetch={false}` prefetches nothing (a link to the page it is on).
 */
export function Link({
  prefetch,
  onPointerEnter,
  onFocus,
  onTouchStart,
  ...props
}: Omit<ComponentProps<typeof NextLink>, 'prefetch'> & { prefetch?: false }) {
  const [wanted, setWanted] = useState(false);
  // The caller's own handlers of these events still run.
  const wanting =
    <E,>(handler?: (event: E) => void) =>
    (event: E) => {
      if (prefetch !== false) setWanted(true);
      handler?.(event);
    };
  return (
    <NextLink
      {...props}
      // null is Next's own default (prefetch what it may); false prefetches nothing, not even on hover.
      prefetch={wanted ? null : false}
      onPointerEnter={wanting(onPointerEnter)}
      onFocus={wanting(onFocus)}
      onTouchStart={wanting(onTouchStart)}
    />
  );
}

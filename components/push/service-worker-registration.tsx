'use client';

import { useEffect } from 'react';

/**
 * Registers the service worker (public/sw.js) from every console page, so an installed console shows
 * Web Push pages even when closed. Browsers offer service workers on https and localhost only; elsewhere
 * this does nothing and /people/me says push is unavailable.
 */
export function ServiceWorkerRegistration() {
  useEffect(() => {
    if (!('serviceWorker' in navigator)) return;
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch((error: unknown) => {
      // The console works without it; the reason is for whoever opens the browser's console.
      console.warn('Vigil: service worker not registered', error);
    });
  }, []);
  return null;
}

import type { MetadataRoute } from 'next';

/**
 * The web app manifest (served at /manifest.webmanifest; Next links it from every page): installed on a
 * phone, the console opens standalone on the alerts list, the phone layout of the 3 a.m. triage, and
 * receives Web Push pages through public/sw.js. Icons are drawn by scripts/make-icons.ts.
 */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: 'Vigil',
    short_name: 'Vigil',
    description: 'On-call console: alerts, incidents and pages',
    id: '/',
    start_url: '/alerts',
    scope: '/',
    display: 'standalone',
    orientation: 'portrait',
    background_color: '#1e293b',
    theme_color: '#1e293b',
    icons: [
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
    ],
  };
}

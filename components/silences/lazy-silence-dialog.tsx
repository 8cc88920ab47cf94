'use client';

import dynamic from 'next/dynamic';

/**
 * The silence dialog, loaded when first opened: its matcher checks need RE2 (re2js, ~58 KB compressed),
 * which a page that only offers the dialog (the alerts list) should not ship before it is used.
 */
export const LazySilenceDialog = dynamic(() => import('./silence-dialog').then((m) => m.SilenceDialog), {
  ssr: false,
});

'use client';

import { useEffect, useRef } from 'react';
import { Button } from '@/components/ui/button';
import { Link } from '@/components/ui/link';
import { AlertDetailView } from './alert-detail';

/** The alert detail beside the list; its URL (`?alert=<fingerprint>`) can be shared. */
export function AlertPanel({
  fingerprint,
  canAct,
  onClose,
}: {
  fingerprint: string;
  canAct: boolean;
  onClose: () => void;
}) {
  // Below lg the detail comes above the list (one column): bring it into view, or a tap on a row far
  // down the list would seem to do nothing.
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    if (fingerprint && !window.matchMedia('(min-width: 64rem)').matches)
      ref.current?.scrollIntoView({ block: 'start' });
  }, [fingerprint]);
  return (
    <aside
      ref={ref}
      aria-label="Alert detail"
      className="order-first min-w-0 scroll-mt-16 rounded-lg border border-border bg-surface p-3 sm:p-4 lg:order-none lg:sticky lg:top-16 lg:max-h-[calc(100vh-5rem)] lg:overflow-auto"
    >
      <div className="mb-2 flex items-center justify-between gap-2 text-sm">
        <Link href={`/alerts/${fingerprint}`} className="text-accent hover:underline">
          Open as a page
        </Link>
        <Button variant="ghost" onClick={onClose} aria-label="Close the alert detail">
          ✕
        </Button>
      </div>
      <AlertDetailView fingerprint={fingerprint} canAct={canAct} />
    </aside>
  );
}

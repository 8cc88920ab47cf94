'use client';

import Link from 'next/link';
import { Button } from '@/components/ui/button';
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
  return (
    <aside
      aria-label="Alert detail"
      className="min-w-0 rounded-lg border border-border bg-surface p-4 lg:sticky lg:top-16 lg:max-h-[calc(100vh-5rem)] lg:overflow-auto"
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

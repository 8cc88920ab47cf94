'use client';

import { usePathname } from 'next/navigation';
import { Link } from '@/components/ui/link';
import { notFoundTarget } from './not-found-target';

/** The console's not-found page: what is missing, and a way back (app/(console)/not-found.tsx). */
export function NotFoundView() {
  const { what, back } = notFoundTarget(usePathname() ?? '/');
  return (
    <section
      data-testid="not-found"
      className="mx-auto mt-12 flex max-w-xl flex-col items-start gap-3 rounded-lg border border-border bg-surface p-6"
    >
      <h1 className="text-xl font-semibold">Not found</h1>
      <p className="text-sm">{what}</p>
      <p className="text-sm text-muted">Check the link, or find it from the list.</p>
      <div className="flex flex-wrap gap-3 text-sm">
        <Link
          href={back.href}
          className="inline-flex min-h-11 items-center rounded-md bg-accent px-3 py-1.5 font-medium text-accent-fg hover:opacity-90"
        >
          ← {back.label}
        </Link>
        {back.href === '/' ? null : (
          <Link href="/" className="inline-flex min-h-11 items-center text-accent hover:underline">
            Overview
          </Link>
        )}
      </div>
    </section>
  );
}

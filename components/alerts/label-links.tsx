'use client';

import { useRouter, useSearchParams } from 'next/navigation';
import { Link } from '@/components/ui/link';
import { formatMatcher } from '@/lib/alertmanager/filter-syntax';
import { labelFilterHref } from './label-filter';

/**
 * An alert's labels in its detail, each a link that filters the alerts view by it; Alt/Option-click,
 * or the ≠ beside it (for touch), excludes it instead.
 */
export function LabelLinks({ labels }: { labels: Record<string, string> }) {
  const search = useSearchParams().toString();
  const router = useRouter();
  return (
    // Names take at most 40 % of the width and break anywhere: Kubernetes discovery makes label names of
    // 60 characters without a break, which widened the page past a phone's screen.
    <dl className="grid grid-cols-[fit-content(40%)_minmax(0,1fr)_auto] items-center gap-x-3 font-mono text-xs">
      {Object.entries(labels).map(([name, value]) => {
        const only = labelFilterHref(search, name, value, false);
        const hide = labelFilterHref(search, name, value, true);
        return (
          <div key={name} className="contents" data-testid="detail-label">
            <dt className="break-all text-muted">{name}</dt>
            <dd className="min-w-0 break-all">
              <Link
                href={only}
                scroll={false}
                className="inline-flex items-center text-accent hover:underline max-sm:min-h-11"
                title={`Show only ${formatMatcher({ name: name, op: '=', value: value })} (Alt-click: hide it)`}
                onClick={(e) => {
                  // Alt-click on a link would download it: it excludes instead.
                  if (!e.altKey) return;
                  e.preventDefault();
                  router.push(hide, { scroll: false });
                }}
              >
                {value}
              </Link>
            </dd>
            <dd>
              <Link
                href={hide}
                scroll={false}
                aria-label={`Hide ${formatMatcher({ name: name, op: '=', value: value })}`}
                title={`Hide ${formatMatcher({ name: name, op: '=', value: value })}`}
                className="inline-flex items-center justify-center rounded px-1.5 text-muted hover:bg-bg hover:text-fg max-sm:min-h-11 max-sm:min-w-11"
              >
                ≠
              </Link>
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

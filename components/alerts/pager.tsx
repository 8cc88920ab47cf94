'use client';

import { Button } from '@/components/ui/button';

/** The server sends one page; this moves between pages (the browser never holds all alerts). */
export function Pager({
  offset,
  limit,
  matching,
  onOffset,
}: {
  offset: number;
  limit: number;
  matching: number;
  onOffset: (o: number) => void;
}) {
  if (matching <= limit && offset === 0) return null;
  const last = Math.min(offset + limit, matching);
  return (
    <nav aria-label="Pages" className="flex items-center justify-between text-sm">
      <span className="text-muted">
        {matching === 0 ? 0 : offset + 1}–{last} of {matching}
      </span>
      <span className="flex gap-2">
        <Button
          variant="secondary"
          disabled={offset === 0}
          onClick={() => onOffset(Math.max(0, offset - limit))}
        >
          Previous
        </Button>
        <Button variant="secondary" disabled={last >= matching} onClick={() => onOffset(offset + limit)}>
          Next
        </Button>
      </span>
    </nav>
  );
}

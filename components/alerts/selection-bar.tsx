'use client';

import { Button } from '@/components/ui/button';

/**
 * What to do with the ticked alerts, kept at the bottom of the screen while the list scrolls (where a
 * thumb reaches on a phone).
 */
export function SelectionBar({
  count,
  onAcknowledge,
  onSilence,
  onClear,
}: {
  count: number;
  onAcknowledge: () => void;
  onSilence: () => void;
  onClear: () => void;
}) {
  return (
    <section
      aria-label="Selected alerts"
      className="sticky bottom-2 z-10 flex flex-wrap items-center gap-2 rounded-lg border border-border bg-surface p-2 shadow-lg"
      data-testid="selection-bar"
    >
      <span className="w-full text-sm font-medium sm:w-auto">{count} selected</span>
      <Button className="flex-1 sm:flex-none" onClick={onAcknowledge}>
        Acknowledge {count}
      </Button>
      <Button variant="secondary" className="flex-1 sm:flex-none" onClick={onSilence}>
        Silence {count}…
      </Button>
      <Button variant="ghost" className="sm:ml-auto" onClick={onClear}>
        Clear
      </Button>
    </section>
  );
}

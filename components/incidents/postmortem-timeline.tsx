'use client';

import { LocalTime } from '@/components/format/local-time';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import type { TimelineLine } from '@/lib/postmortems/schemas';

/**
 * The incident's timeline as the post-mortem tells it: starred events are highlighted in the export,
 * hidden ones left out of it (they stay listed here, dimmed, so they can be shown again).
 */
export function PostmortemTimeline({
  events,
  readOnly,
  busy,
  onCurate,
}: {
  events: readonly TimelineLine[];
  readOnly: boolean;
  busy: boolean;
  onCurate: (change: { id: string; starred?: boolean; hidden?: boolean }) => void;
}) {
  if (events.length === 0)
    return <p className="text-sm text-muted">Nothing was recorded on this incident.</p>;
  return (
    <ol className="flex flex-col divide-y divide-border text-sm" aria-label="Timeline">
      {events.map((e) => (
        <li
          key={e.id}
          data-testid="timeline-event"
          className={`flex items-start gap-3 py-1.5 ${e.hidden ? 'opacity-50' : ''}`}
        >
          <LocalTime at={e.at} precision="second" className="shrink-0 font-mono text-xs text-muted" />
          <span className={`min-w-0 flex-1 break-words ${e.starred ? 'font-semibold' : ''}`}>
            {e.starred ? <span aria-hidden>★ </span> : null}
            {e.text}
            {e.hidden ? (
              <>
                {' '}
                <Badge>hidden</Badge>
              </>
            ) : null}
          </span>
          {readOnly ? null : (
            <span className="flex shrink-0 gap-1">
              <Button
                variant="ghost"
                disabled={busy}
                aria-pressed={e.starred}
                aria-label={`${e.starred ? 'Unstar' : 'Star'}: ${e.text}`}
                onClick={() => onCurate({ id: e.id, starred: !e.starred })}
              >
                {e.starred ? '★' : '☆'}
              </Button>
              <Button
                variant="ghost"
                disabled={busy}
                aria-pressed={e.hidden}
                aria-label={`${e.hidden ? 'Show' : 'Hide'}: ${e.text}`}
                onClick={() => onCurate({ id: e.id, hidden: !e.hidden })}
              >
                {e.hidden ? 'Show' : 'Hide'}
              </Button>
            </span>
          )}
        </li>
      ))}
    </ol>
  );
}

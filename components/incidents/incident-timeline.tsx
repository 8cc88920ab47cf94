import { LocalTime } from '@/components/format/local-time';
import type { TimelineEntry } from '@/lib/incidents/incident-schemas';

/** Everything that happened to the incident, oldest first, one sentence each (lib/incidents/timeline.ts). */
export function IncidentTimeline({ entries }: { entries: readonly TimelineEntry[] }) {
  if (entries.length === 0) return <p className="text-sm text-muted">Nothing has happened yet.</p>;
  return (
    <ol className="flex flex-col gap-2" data-testid="incident-timeline">
      {entries.map((e) => (
        <li key={e.id} className="grid grid-cols-[11rem_minmax(0,1fr)] gap-3 text-sm" data-type={e.type}>
          <LocalTime at={e.at} precision="second" className="font-mono text-xs text-muted tabular-nums" />
          {/* A long name or address wraps inside its column rather than pushing a phone's page sideways. */}
          <span className="break-words">
            {e.starred ? (
              <>
                <span aria-hidden>★ </span>
                <span className="sr-only">Starred: </span>
              </>
            ) : null}
            {e.sentence}
          </span>
        </li>
      ))}
    </ol>
  );
}

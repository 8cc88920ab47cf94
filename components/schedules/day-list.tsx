import { Badge } from '@/components/ui/badge';
import { personColour } from './person-colour';
import { type Day, dayBars } from './timeline';
import type { TimelineRow } from './timeline-rows';

/**
 * The timeline on a phone: a list of days, each with who is on call from when to when ("…" where the
 * shift runs on from the day before or into the next), and each layer's people in a line beneath.
 */
export function DayList({
  days,
  rows,
  zone,
  month,
}: {
  days: readonly Day[];
  rows: readonly TimelineRow[];
  zone: string;
  month?: string;
}) {
  const [final, ...layers] = rows;
  const shown = month ? days.filter((d) => d.date.startsWith(month)) : days;
  return (
    <ol className="flex flex-col divide-y divide-border text-sm">
      {shown.map((d) => {
        const bars = final ? dayBars(final.shifts, d, zone) : [];
        return (
          <li key={d.date} className="py-2" data-date={d.date}>
            <h3 className="font-medium">{d.label}</h3>
            {bars.length === 0 ? <p className="text-muted">Nobody on call</p> : null}
            <ul className="mt-1 flex flex-col gap-1">
              {bars.map((bar) => (
                <li key={`${bar.userId}-${bar.start}`} className="flex flex-wrap items-center gap-2">
                  <span
                    aria-hidden
                    className={`size-3 shrink-0 rounded-full border ${personColour(bar.userId)}`}
                  />
                  <span className="tabular-nums text-muted">
                    {bar.startLabel ?? '…'}–{bar.endLabel ?? '…'}
                  </span>
                  <span className="font-medium">{bar.name ?? bar.userId}</span>
                  {bar.override ? <Badge tone="warn">override</Badge> : null}
                </li>
              ))}
            </ul>
            {layers.map((layer) => {
              const names = [...new Set(dayBars(layer.shifts, d, zone).map((b) => b.name ?? b.userId))];
              return names.length > 0 ? (
                <p key={layer.key} className="mt-1 text-xs text-muted">
                  {layer.label}: {names.join(', ')}
                </p>
              ) : null;
            })}
          </li>
        );
      })}
    </ol>
  );
}

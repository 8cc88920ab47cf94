import type { ScheduleDetail } from '@/lib/schedules/schedule-schemas';

const ROTATION = {
  daily: 'Daily',
  weekly: 'Weekly',
  hours: 'Every {n} hours',
  days: 'Every {n} days',
} as const;
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

type Layer = ScheduleDetail['layers'][number];

/** "Weekly, hand-off 09:00 Europe/Brussels, from 2027-01-04". */
const rotationText = (l: Layer) =>
  `${ROTATION[l.rotation].replace('{n}', String(l.rotationLength))}, hand-off ${l.handoffTime} ${l.timeZone}, from ${l.startDate}`;

/** The schedule's layers, highest first (the one that wins where both have someone). */
export function LayerList({ layers }: { layers: ScheduleDetail['layers'] }) {
  if (layers.length === 0) return <p className="text-sm text-muted">No layers: nobody is ever on call.</p>;
  return (
    <ol className="flex flex-col gap-3 text-sm">
      {[...layers].reverse().map((l) => (
        <li key={l.id}>
          <div className="font-medium">{l.name}</div>
          <div className="text-muted">{rotationText(l)}</div>
          <div>{l.participants.map((p) => p.name ?? p.email).join(' → ')}</div>
          {l.restrictions.length > 0 ? (
            <div className="text-xs text-muted">
              Only{' '}
              {l.restrictions
                .map((r) => `${r.days.map((d) => WEEKDAYS[d - 1]).join(', ')} ${r.from}–${r.to}`)
                .join('; ')}
            </div>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

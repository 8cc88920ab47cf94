import { Fragment } from 'react';
import { formatTime } from '@/components/format/time';
import { personColour } from './person-colour';
import { type Day, dayBars } from './timeline';
import { barTitle, type TimelineRow } from './timeline-rows';

/**
 * Seven day columns (a week, or one week of a month) with a row of bars for the final shifts and one
 * per layer beneath. Bars sit over each day's real length (timeline.ts), so a 23-hour day is drawn in
 * full. Overrides have a dashed border (colour is never the only signal; the name is on every bar).
 */
export function WeekGrid({
  days,
  rows,
  zone,
  month,
}: {
  days: readonly Day[];
  rows: readonly TimelineRow[];
  zone: string;
  /** In a month view: "YYYY-MM", whose days are shown at full strength (the others dimmed). */
  month?: string;
}) {
  return (
    <div className="grid grid-cols-[6rem_repeat(7,minmax(0,1fr))] text-xs">
      <div />
      {days.map((d) => (
        <div
          key={d.date}
          className={`px-1 pb-1 font-medium ${month && !d.date.startsWith(month) ? 'text-muted' : ''}`}
        >
          {d.label}
        </div>
      ))}
      {rows.map((row, r) => (
        <Fragment key={row.key}>
          <div
            className={`truncate border-t border-border py-2 pr-2 ${r === 0 ? 'font-semibold' : 'text-muted'}`}
            title={row.label}
          >
            {row.label}
          </div>
          {days.map((d) => (
            <div
              key={d.date}
              data-row={row.key}
              data-date={d.date}
              className={`relative border-t border-l border-border ${r === 0 ? 'h-12' : 'h-9'}`}
            >
              {dayBars(row.shifts, d, zone).map((bar) => (
                <div
                  key={`${bar.userId}-${bar.start}`}
                  data-testid="shift-bar"
                  title={barTitle(bar, formatTime(bar.start, zone), formatTime(bar.end, zone))}
                  className={`absolute inset-y-1 overflow-hidden rounded px-1 leading-tight ${bar.override ? 'border-2 border-dashed' : 'border'} ${personColour(bar.userId)}`}
                  style={{ left: `${bar.left * 100}%`, width: `${bar.width * 100}%` }}
                >
                  <span className="block truncate">
                    {bar.startLabel ? <span className="font-medium">{bar.startLabel} </span> : null}
                    {bar.name ?? bar.userId}
                  </span>
                  {bar.override ? <span className="sr-only"> (override)</span> : null}
                </div>
              ))}
            </div>
          ))}
        </Fragment>
      ))}
    </div>
  );
}

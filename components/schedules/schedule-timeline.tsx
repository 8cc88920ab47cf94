'use client';

import { keepPreviousData } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTimeZone } from '@/components/format/use-time-zone';
import { Link } from '@/components/ui/link';
import { StatusBlock } from '@/components/ui/status-block';
import { useApiQuery } from '@/lib/api/query';
import { scheduleShiftsOp } from '@/lib/schedules/api';
import { DayList } from './day-list';
import {
  dateIn,
  monthLabel,
  stepAnchor,
  type TimelineView,
  viewAnchor,
  viewRange,
  weeksOf,
} from './timeline';
import { timelineRows } from './timeline-rows';
import { WeekGrid } from './week-grid';

const MARGIN_MS = 86_400_000;
const NAV = 'flex min-h-11 items-center rounded-md border border-border px-3 text-sm hover:bg-bg sm:min-h-9';

/**
 * A schedule's shifts, a week or a month at a time, in the viewer's zone: the view and its first day
 * live in the URL (`?view=week&from=2027-03-22`), so a range can be shared and the back button works.
 * Without `from`, the range holding today.
 */
export function ScheduleTimeline({
  scheduleId,
  path,
  scheduleZone,
  view,
  from,
}: {
  scheduleId: string;
  /** The page's path, e.g. "/schedules/payments". */
  path: string;
  scheduleZone: string;
  view: TimelineView;
  from: string | undefined;
}) {
  const zone = useTimeZone();
  const anchor = from ?? dateIn(Date.now(), zone);
  const range = useMemo(() => viewRange(view, anchor, zone), [view, anchor, zone]);
  const shifts = useApiQuery(
    scheduleShiftsOp,
    {
      params: { id: scheduleId },
      // A day's margin each side: the API cuts shifts at the range's ends, and a cut must not read as a
      // hand-off at the first day's midnight.
      query: {
        from: new Date(range.fromMs - MARGIN_MS).toISOString(),
        to: new Date(range.toMs + MARGIN_MS).toISOString(),
      },
    },
    { placeholderData: keepPreviousData },
  );
  const href = (v: TimelineView, f?: string) => `${path}?view=${v}${f ? `&from=${f}` : ''}`;
  const unit = view === 'week' ? 'week' : 'month';
  const first = range.days[0];
  const last = range.days.at(-1);
  const title =
    view === 'month'
      ? monthLabel(range.anchor)
      : `${first?.label} – ${last?.label} ${last?.date.slice(0, 4)}`;
  const month = view === 'month' ? range.anchor.slice(0, 7) : undefined;

  return (
    <section aria-labelledby="timeline-title" className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-2">
        <h2 id="timeline-title" className="mr-auto text-base font-semibold">
          {title}
        </h2>
        <nav aria-label="View" className="flex gap-1">
          {(['week', 'month'] as const).map((v) => (
            <Link
              key={v}
              href={href(v, v === view ? range.anchor : viewAnchor(v, range.anchor))}
              aria-current={v === view ? 'page' : undefined}
              className={`${NAV} ${v === view ? 'border-accent text-accent' : ''}`}
            >
              {v === 'week' ? 'Week' : 'Month'}
            </Link>
          ))}
        </nav>
        <nav aria-label="Dates" className="flex gap-1">
          <Link
            href={href(view, stepAnchor(view, range.anchor, -1))}
            className={NAV}
            aria-label={`Previous ${unit}`}
          >
            ←
          </Link>
          <Link href={href(view)} className={NAV}>
            Today
          </Link>
          <Link
            href={href(view, stepAnchor(view, range.anchor, 1))}
            className={NAV}
            aria-label={`Next ${unit}`}
          >
            →
          </Link>
        </nav>
      </div>
      <p className="text-xs text-muted" data-testid="timeline-zone">
        Times in {zone}
        {zone === scheduleZone ? ', the schedule’s zone.' : `; the schedule’s zone is ${scheduleZone}.`} A
        dashed bar is an override.
      </p>
      <StatusBlock
        data={shifts.data}
        error={shifts.error}
        refreshing={shifts.isPlaceholderData}
        loading="Loading shifts…"
      >
        {(answer) => {
          const rows = timelineRows(answer);
          return (
            <>
              <div className="hidden flex-col gap-4 sm:flex" data-testid="timeline-grid">
                {weeksOf(range.days).map((week) => (
                  <WeekGrid key={week[0]?.date} days={week} rows={rows} zone={zone} month={month} />
                ))}
              </div>
              <div className="sm:hidden" data-testid="timeline-list">
                <DayList days={range.days} rows={rows} zone={zone} month={month} />
              </div>
            </>
          );
        }}
      </StatusBlock>
    </section>
  );
}

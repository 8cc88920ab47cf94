import { Temporal } from 'temporal-polyfill';

/**
 * The schedule timeline as plain data: which days a week or month view shows in the viewer's zone, and
 * where each shift's bar sits inside each day. Day boundaries come from Temporal (a zone's start of day),
 * so a day of 23 or 25 hours (a daylight-saving change) is one column whose bars are placed over its
 * real length. Pure: shifts + range + zone → positioned bars.
 *
 *   viewRange('week', '2027-03-24', 'Europe/Brussels').days.map((d) => d.date)
 *     → ['2027-03-22', …, '2027-03-28']            (the Monday-to-Sunday week of that date)
 *   dayBars([{ start: '2027-03-22T08:00:00Z', end: '2027-03-29T07:00:00Z', … }], monday, 'UTC')
 *     → [{ left: 1/3, width: 2/3, startLabel: '08:00', endLabel: null, … }]
 */

export type TimelineView = 'week' | 'month';
export const TIMELINE_VIEWS = ['week', 'month'] as const satisfies readonly TimelineView[];

export type TimelineShift = {
  userId: string;
  name: string | null;
  start: string;
  end: string;
  source: { kind: 'layer'; layerId: string } | { kind: 'override'; overrideId: string };
};

export type Day = {
  /** "YYYY-MM-DD" in the zone. */
  date: string;
  /** "Mon 22 Mar". */
  label: string;
  startMs: number;
  endMs: number;
};

export type ViewRange = {
  view: TimelineView;
  /** The date the URL names for this range: a week's Monday, a month's first day. */
  anchor: string;
  /** The whole days shown, Monday first, in whole weeks. */
  days: Day[];
  fromMs: number;
  toMs: number;
};

export type Bar = {
  userId: string;
  name: string | null;
  override: boolean;
  /** Fractions of the day (0..1): where the bar starts and how much of the day it covers. */
  left: number;
  width: number;
  /** "HH:MM" in the zone where the shift starts (or ends) inside this day; null when it continues. */
  startLabel: string | null;
  endLabel: string | null;
  start: string;
  end: string;
};

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const LONG_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const startOfDayMs = (date: Temporal.PlainDate, zone: string) =>
  date.toZonedDateTime({ timeZone: zone }).epochMilliseconds;

/** "Mon 22 Mar". */
const dayLabel = (date: Temporal.PlainDate) =>
  `${WEEKDAYS[date.dayOfWeek - 1]} ${date.day} ${MONTHS[date.month - 1]}`;

/** "March 2027". */
export function monthLabel(anchor: string): string {
  const date = Temporal.PlainDate.from(anchor);
  return `${LONG_MONTHS[date.month - 1]} ${date.year}`;
}

/** The local date in `zone` at instant `ms`, "YYYY-MM-DD". */
export const dateIn = (ms: number, zone: string) =>
  Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(zone).toPlainDate().toString();

/** "08:00": the wall-clock time in `zone` at instant `ms`. */
const clockIn = (ms: number, zone: string) =>
  Temporal.Instant.fromEpochMilliseconds(ms)
    .toZonedDateTimeISO(zone)
    .toPlainTime()
    .toString({ smallestUnit: 'minute' });

/** A real "YYYY-MM-DD" or null. */
export function parseDate(text: string | undefined): Temporal.PlainDate | null {
  if (!text || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  try {
    return Temporal.PlainDate.from(text, { overflow: 'reject' });
  } catch {
    return null;
  }
}

const mondayOf = (date: Temporal.PlainDate) => date.subtract({ days: date.dayOfWeek - 1 });

/**
 * The days a view shows around `from` ("YYYY-MM-DD"; any day of the week or month), in `zone`: a week
 * is Monday to Sunday; a month is the whole weeks that cover it.
 */
export function viewRange(view: TimelineView, from: string, zone: string): ViewRange {
  const date = parseDate(from) ?? Temporal.PlainDate.from(from);
  const anchor = Temporal.PlainDate.from(viewAnchor(view, date.toString()));
  const first = mondayOf(anchor);
  const last = view === 'week' ? first.add({ days: 6 }) : anchor.with({ day: anchor.daysInMonth });
  const end = last.add({ days: 7 - last.dayOfWeek });
  const days: Day[] = [];
  for (let d = first; Temporal.PlainDate.compare(d, end) <= 0; d = d.add({ days: 1 }))
    days.push({
      date: d.toString(),
      label: dayLabel(d),
      startMs: startOfDayMs(d, zone),
      endMs: startOfDayMs(d.add({ days: 1 }), zone),
    });
  return {
    view,
    anchor: anchor.toString(),
    days,
    fromMs: days[0]?.startMs ?? 0,
    toMs: days.at(-1)?.endMs ?? 0,
  };
}

/** The anchor of `view` holding the date `from`: its week's Monday, or its month's first day. */
export function viewAnchor(view: TimelineView, from: string): string {
  const date = Temporal.PlainDate.from(from);
  return (view === 'week' ? mondayOf(date) : date.with({ day: 1 })).toString();
}

/** The anchor of the previous (-1) or next (+1) week or month. */
export function stepAnchor(view: TimelineView, anchor: string, step: -1 | 1): string {
  const date = Temporal.PlainDate.from(anchor);
  return (view === 'week' ? date.add({ weeks: step }) : date.add({ months: step })).toString();
}

/** The days in groups of seven, for a month drawn a week per row. */
export function weeksOf(days: readonly Day[]): Day[][] {
  const weeks: Day[][] = [];
  for (let i = 0; i < days.length; i += 7) weeks.push(days.slice(i, i + 7));
  return weeks;
}

/** The bars of `shifts` inside `day`, placed over the day's real length, in the shifts' order. */
export function dayBars(shifts: readonly TimelineShift[], day: Day, zone: string): Bar[] {
  const length = day.endMs - day.startMs;
  const bars: Bar[] = [];
  for (const shift of shifts) {
    const start = Date.parse(shift.start);
    const end = Date.parse(shift.end);
    if (end <= day.startMs || start >= day.endMs) continue;
    const from = Math.max(start, day.startMs);
    const until = Math.min(end, day.endMs);
    bars.push({
      userId: shift.userId,
      name: shift.name,
      override: shift.source.kind === 'override',
      left: (from - day.startMs) / length,
      width: (until - from) / length,
      startLabel: start >= day.startMs ? clockIn(start, zone) : null,
      endLabel: end <= day.endMs ? clockIn(end, zone) : null,
      start: shift.start,
      end: shift.end,
    });
  }
  return bars;
}

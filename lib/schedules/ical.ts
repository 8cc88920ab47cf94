import ical from 'ical-generator';
import type { Shift } from './types';

/**
 * iCalendar (RFC 5545) feeds of final shifts, for a schedule ("who is on call", one event per shift,
 * titled with the person) or for a person (their shifts across schedules, titled "On call: <schedule>").
 * Times are written in UTC (DTSTART:20270328T070000Z): every calendar app shows them in its own zone, so
 * the feed needs no VTIMEZONE.
 *
 * Each event's UID is built from the schedule, the shift's source (layer or override) and its start, so a
 * refreshed feed updates the events a calendar already has instead of adding copies; a shift whose
 * end changes (an override was added) keeps its UID.
 */

/** `continues`: no hand-off before the look-ahead ends (wholeShifts), so `end` is where it was cut. */
export type CalendarShift = Shift & { scheduleId: string; continues?: boolean };

/** What a shift with no hand-off in sight says, since the end a calendar shows is only the cut. */
const CONTINUES_NOTE =
  'No hand-off is planned before this end: Vigil cuts the shift where it stops looking ahead, and the end moves on as days pass.';

export type ShiftsCalendarInput = {
  /** The calendar's name as apps show it (X-WR-CALNAME). */
  name: string;
  shifts: readonly CalendarShift[];
  /** User id → name to show; an unknown id is shown as is. */
  userNames: Readonly<Record<string, string>>;
  /** Given for a person's feed: schedule id → name, and each event reads "On call: <schedule>". */
  scheduleNames?: Readonly<Record<string, string>>;
  /** Where each event links to in Vigil (the schedule or the person's page). */
  url?: string;
  /** DTSTAMP of every event; now unless given (tests pin it). */
  generatedAt?: Date;
};

/** How often calendar apps that honour it (Apple, Outlook) refresh the feed. */
const REFRESH_SECONDS = 3600;

export function shiftsCalendar(input: ShiftsCalendarInput): string {
  const calendar = ical({
    name: escapeText(input.name),
    prodId: { company: 'Vigil', product: 'Vigil on-call schedules', language: 'EN' },
    ttl: REFRESH_SECONDS,
  });
  const stamp = input.generatedAt ?? new Date();
  for (const shift of input.shifts) {
    calendar.createEvent({
      id: shiftUid(shift),
      start: shift.start,
      end: shift.end,
      stamp,
      summary: summaryOf(shift, input),
      description: shift.continues ? CONTINUES_NOTE : null,
      url: input.url ?? null,
    });
  }
  return calendar.toString();
}

/** "<schedule>.<layer|override>-<id>.<start ms>@vigil": stable for the same shift across refreshes. */
function shiftUid(shift: CalendarShift): string {
  const source =
    shift.source.kind === 'layer' ? `layer-${shift.source.layerId}` : `override-${shift.source.overrideId}`;
  return `${shift.scheduleId}.${source}.${shift.start.getTime()}@vigil`;
}

function summaryOf(shift: CalendarShift, input: ShiftsCalendarInput): string {
  if (input.scheduleNames) return `On call: ${input.scheduleNames[shift.scheduleId] ?? shift.scheduleId}`;
  return input.userNames[shift.userId] ?? shift.userId;
}

/**
 * ical-generator 10 escapes SUMMARY and the other event texts but writes the calendar's NAME and
 * X-WR-CALNAME as given, so a newline in a schedule's name would end the line and break the feed.
 * RFC 5545 §3.3.11 TEXT escaping: backslash, semicolon, comma, newline.
 */
function escapeText(text: string): string {
  return text.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r?\n|\r/g, '\\n');
}

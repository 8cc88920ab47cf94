import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CalendarShift, shiftsCalendar } from './ical';

/**
 * Properties of the iCalendar feed (ical.ts) on generated shifts and names (commas, semicolons,
 * backslashes, newlines, non-ASCII): read back line by line, every event is the shift it came from.
 */

function unfold(text: string): string[] {
  return text
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter((l) => l !== '');
}

const unescapeText = (value: string) =>
  value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));

function events(text: string): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  let event: Record<string, string> | null = null;
  for (const line of unfold(text)) {
    if (line === 'BEGIN:VEVENT') event = {};
    else if (line === 'END:VEVENT' && event) {
      out.push(event);
      event = null;
    } else if (event) {
      const colon = line.indexOf(':');
      event[line.slice(0, colon).split(';')[0] ?? ''] = line.slice(colon + 1);
    }
  }
  return out;
}

const basic = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
const name = fc.string({
  unit: fc.constantFrom('a', 'Ü', ' ', ',', ';', '\\', '\n', '"', ':', '€'),
  minLength: 1,
  maxLength: 40,
});

const shiftsArb = fc
  .array(
    fc.record({
      userId: fc.constantFrom('u1', 'u2', 'u3'),
      scheduleId: fc.constantFrom('s1', 's2'),
      minutes: fc.integer({ min: 1, max: 20_000 }),
      override: fc.boolean(),
    }),
    { maxLength: 20 },
  )
  .map((rows) => {
    let t = Date.UTC(2027, 2, 1);
    return rows.map((r, i): CalendarShift => {
      const start = new Date(t);
      t += r.minutes * 60_000;
      return {
        userId: r.userId,
        scheduleId: r.scheduleId,
        start,
        end: new Date(t),
        source: r.override ? { kind: 'override', overrideId: `o${i}` } : { kind: 'layer', layerId: 'l1' },
      };
    });
  });

describe('shiftsCalendar read back', () => {
  it('has one event per shift, in UTC, with its title, and a distinct UID for each', () => {
    fc.assert(
      fc.property(
        shiftsArb,
        name,
        name,
        name,
        fc.boolean(),
        (shifts, calendarName, userName, scheduleName, perUser) => {
          const text = shiftsCalendar({
            name: calendarName,
            shifts,
            userNames: { u1: userName, u2: 'Bob', u3: 'Cat' },
            scheduleNames: perUser ? { s1: scheduleName, s2: 'Other' } : undefined,
          });
          const read = events(text);
          expect(read.map((e) => [e.DTSTART, e.DTEND])).toEqual(
            shifts.map((s) => [basic(s.start), basic(s.end)]),
          );
          expect(read.map((e) => unescapeText(e.SUMMARY ?? ''))).toEqual(
            shifts.map((s) =>
              perUser
                ? `On call: ${s.scheduleId === 's1' ? scheduleName : 'Other'}`
                : ({ u1: userName, u2: 'Bob', u3: 'Cat' } as Record<string, string>)[s.userId],
            ),
          );
          expect(new Set(read.map((e) => e.UID)).size).toBe(shifts.length);
          const calname = unfold(text).find((l) => l.startsWith('X-WR-CALNAME:')) ?? '';
          expect(unescapeText(calname.slice('X-WR-CALNAME:'.length))).toBe(calendarName);
        },
      ),
      { numRuns: 300 },
    );
  });
});

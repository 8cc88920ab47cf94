import { describe, expect, it } from 'vitest';
import { type CalendarShift, shiftsCalendar } from './ical';

/**
 * The iCalendar feed (ical.ts), read back with a deliberately small parser: unfold continuation lines
 * (RFC 5545 §3.1), split VEVENTs, read NAME:VALUE pairs, undo TEXT escaping.
 */

function unfold(text: string): string[] {
  return text
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter((l) => l !== '');
}

function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

/** Each property's name (parameters dropped) and raw value. */
function property(line: string): [string, string] {
  const colon = line.indexOf(':');
  return [line.slice(0, colon).split(';')[0] ?? '', line.slice(colon + 1)];
}

function parse(text: string) {
  const lines = unfold(text);
  const calendar: Record<string, string> = {};
  const events: Record<string, string>[] = [];
  let event: Record<string, string> | null = null;
  for (const line of lines) {
    const [name, value] = property(line);
    if (line === 'BEGIN:VEVENT') event = {};
    else if (line === 'END:VEVENT' && event) {
      events.push(event);
      event = null;
    } else if (event) event[name] = value;
    else calendar[name] = value;
  }
  return { calendar, events, lines };
}

const at = (iso: string) => new Date(iso);
const shifts: CalendarShift[] = [
  {
    scheduleId: 'sre',
    userId: 'u1',
    start: at('2027-03-22T08:00Z'),
    end: at('2027-03-29T07:00Z'),
    source: { kind: 'layer', layerId: 'weekly' },
  },
  {
    scheduleId: 'sre',
    userId: 'u2',
    start: at('2027-03-29T07:00Z'),
    end: at('2027-03-29T19:30Z'),
    source: { kind: 'override', overrideId: 'o1' },
  },
];
const userNames = { u1: 'Ann Peeters', u2: 'Bob, "the builder"; Jr.' };
const generatedAt = at('2027-03-20T12:00Z');

describe('shiftsCalendar', () => {
  it('writes one UTC VEVENT per shift, titled with the person on a schedule feed', () => {
    const text = shiftsCalendar({
      name: 'SRE primary',
      shifts,
      userNames,
      url: 'https://vigil.example/schedules/sre',
      generatedAt,
    });
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    const { calendar, events } = parse(text);
    expect(calendar.PRODID).toMatch(/Vigil/);
    expect(calendar['X-WR-CALNAME']).toBe('SRE primary');
    expect(events).toHaveLength(2);
    expect(events.map((e) => [e.DTSTART, e.DTEND, unescapeText(e.SUMMARY ?? '')])).toEqual([
      ['20270322T080000Z', '20270329T070000Z', 'Ann Peeters'],
      ['20270329T070000Z', '20270329T193000Z', 'Bob, "the builder"; Jr.'],
    ]);
    expect(events.map((e) => e.UID)).toEqual([
      `sre.layer-weekly.${shifts[0]?.start.getTime()}@vigil`,
      `sre.override-o1.${shifts[1]?.start.getTime()}@vigil`,
    ]);
    expect(events[0]?.URL).toBe('https://vigil.example/schedules/sre');
    expect(events[0]?.DTSTAMP).toBe('20270320T120000Z');
  });

  it('titles events "On call: <schedule>" on a person\'s feed', () => {
    const mixed: CalendarShift[] = [
      shifts[0] as CalendarShift,
      { ...(shifts[1] as CalendarShift), scheduleId: 'db', userId: 'u1' },
    ];
    const { events } = parse(
      shiftsCalendar({
        name: 'Ann on call',
        shifts: mixed,
        userNames,
        scheduleNames: { sre: 'SRE', db: 'Databases, EU' },
        generatedAt,
      }),
    );
    expect(events.map((e) => unescapeText(e.SUMMARY ?? ''))).toEqual([
      'On call: SRE',
      'On call: Databases, EU',
    ]);
  });

  it('keeps UIDs stable when the same shifts are rendered again, and distinct per shift', () => {
    const uids = (t: string) => parse(t).events.map((e) => e.UID);
    const first = uids(shiftsCalendar({ name: 'x', shifts, userNames }));
    const again = uids(
      shiftsCalendar({
        name: 'x',
        shifts: [{ ...(shifts[0] as CalendarShift), end: at('2027-03-30T07:00Z') }],
        userNames,
      }),
    );
    expect(new Set(first).size).toBe(2);
    expect(again).toEqual([first[0]]);
  });

  it('says of a shift with no hand-off in sight that its end is only where the feed was cut', () => {
    const continuing = { ...(shifts[0] as CalendarShift), continues: true };
    const { events } = parse(
      shiftsCalendar({ name: 'x', shifts: [continuing, shifts[1] as CalendarShift], userNames }),
    );
    expect(unescapeText(events[0]?.DESCRIPTION ?? '')).toMatch(/^No hand-off is planned before this end/);
    expect(events[1]?.DESCRIPTION).toBeUndefined();
  });

  it('escapes commas, semicolons, backslashes and newlines in names, so every line stays a property', () => {
    const name = 'Ops; EU, "night"\nshift \\ backup';
    const text = shiftsCalendar({ name, shifts, userNames: { u1: name, u2: 'x' }, generatedAt });
    const { calendar, events, lines } = parse(text);
    // Every unfolded line is NAME[;PARAMS]:VALUE: a raw newline would have left a bare fragment.
    for (const line of lines) expect(line).toMatch(/^[A-Z-]+[;:]/);
    expect(calendar['X-WR-CALNAME']).toBe('Ops\\; EU\\, "night"\\nshift \\\\ backup');
    expect(unescapeText(calendar['X-WR-CALNAME'] ?? '')).toBe(name);
    expect(unescapeText(events[0]?.SUMMARY ?? '')).toBe(name);
  });

  it('writes an empty calendar when there are no shifts', () => {
    const { calendar, events } = parse(shiftsCalendar({ name: 'Quiet', shifts: [], userNames: {} }));
    expect(events).toEqual([]);
    expect(calendar['X-WR-CALNAME']).toBe('Quiet');
  });
});

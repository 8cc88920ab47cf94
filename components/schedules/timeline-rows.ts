import type { TimelineShift } from './timeline';

/** One row of the timeline: the final shifts, or one layer's. */
export type TimelineRow = { key: string; label: string; shifts: TimelineShift[] };

type ShiftsAnswer = {
  final: TimelineShift[];
  layers: { layerId: string; name: string; shifts: TimelineShift[] }[];
};

/** The final row first, then each layer beneath it, highest first (as the API lists them). */
export function timelineRows(answer: ShiftsAnswer): TimelineRow[] {
  return [
    { key: 'final', label: 'On call', shifts: answer.final },
    ...answer.layers.map((l) => ({ key: l.layerId, label: l.name || 'Layer', shifts: l.shifts })),
  ];
}

/** "Bob, 22 Mar 08:00 – 29 Mar 07:00 (override)": a bar's hover text. */
export function barTitle(
  bar: { name: string | null; userId: string; override: boolean },
  from: string,
  until: string,
): string {
  return `${bar.name ?? bar.userId}, ${from} – ${until}${bar.override ? ' (override)' : ''}`;
}

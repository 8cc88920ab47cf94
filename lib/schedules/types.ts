/**
 * The shapes of on-call schedules as the shift computation (shifts.ts) sees them: plain values, no
 * database rows, so the computation stays a pure function of (layers, overrides, range).
 */

/** A window when a restricted layer applies, in its layer's zone: ISO weekdays (1 = Monday). */
export type Restriction = {
  days: number[];
  /** "HH:MM" local. */
  from: string;
  /** "HH:MM" local; at or before `from` means the window runs past midnight into the next day. */
  to: string;
};

export type Rotation = 'daily' | 'weekly' | 'hours' | 'days';

export type LayerInput = {
  id: string;
  /** Higher overrides lower wherever it has someone on call. */
  position: number;
  name: string;
  rotation: Rotation;
  /** N for "hours" and "days"; 1 for "daily" and "weekly". */
  rotationLength: number;
  /** "HH:MM", local time of each hand-off in `timeZone`. */
  handoffTime: string;
  /** IANA zone, e.g. "Europe/Brussels". */
  timeZone: string;
  /** "YYYY-MM-DD": the local date of the first hand-off. */
  startDate: string;
  /** The layer stops here (exclusive); null: never. */
  endsAt: Date | null;
  /** User ids in rotation order (a person may appear more than once). */
  participants: string[];
  /** [] = always. */
  restrictions: Restriction[];
};

export type OverrideInput = { id: string; userId: string; startsAt: Date; endsAt: Date };

export type ShiftSource = { kind: 'layer'; layerId: string } | { kind: 'override'; overrideId: string };

/** Someone on call over [start, end). */
export type Shift = { userId: string; start: Date; end: Date; source: ShiftSource };

export type ScheduleShifts = {
  /** Who is on call, after layers and overrides, in time order, never overlapping. */
  final: Shift[];
  /** Each layer's own shifts within the range (restrictions applied), highest position first. */
  layers: { layerId: string; shifts: Shift[] }[];
};

import type { z } from 'zod';
import { isKnownZone } from '@/components/format/local-zone';
import type { ScheduleDetail, scheduleInputSchema } from '@/lib/schedules/schedule-schemas';
import { dateIn } from './timeline';

/**
 * The schedule editor's state and the API's input, both ways. Pure. A layer's restriction is one set
 * of weekdays with one daily window ("Mon–Fri 09:00–17:00"), what "business hours only" layers need;
 * a layer stored with several windows keeps them (the editor shows them, untouched, as text).
 *
 *   inputOf({…, layers: [{…, rotation: 'weekly', participants: ['u1', 'u2'], businessHours: false}]})
 *     → {…, layers: [{…, rotation: 'weekly', rotationLength: 1, participants: ['u1', 'u2'], restrictions: []}]}
 */

type ScheduleInput = z.input<typeof scheduleInputSchema>;
type Restriction = { days: number[]; from: string; to: string };

export type LayerForm = {
  /** Names the layer in the list while it is edited (its id once stored). */
  key: string;
  name: string;
  rotation: 'daily' | 'weekly' | 'hours' | 'days';
  /** For "hours" and "days". */
  length: number;
  handoffTime: string;
  timeZone: string;
  startDate: string;
  participants: string[];
  /** One window on these ISO weekdays; off: always. */
  restricted: boolean;
  days: number[];
  from: string;
  to: string;
  /** Windows the editor cannot show as one, kept as they were. */
  otherRestrictions: Restriction[];
};

export type ScheduleForm = {
  name: string;
  slug: string;
  description: string;
  teamId: string;
  timeZone: string;
  layers: LayerForm[];
};

let added = 0;

export function blankLayer(timeZone: string, startDate: string): LayerForm {
  added += 1;
  return {
    key: `new-${added}`,
    name: 'Primary',
    rotation: 'weekly',
    length: 1,
    handoffTime: '09:00',
    timeZone,
    startDate,
    participants: [],
    restricted: false,
    days: [1, 2, 3, 4, 5],
    from: '09:00',
    to: '17:00',
    otherRestrictions: [],
  };
}

/**
 * Today in `zone`, "YYYY-MM-DD": the first hand-off date a new layer starts with, so that at 08:30 in
 * Tokyo it is not yesterday (the UTC date). In UTC while the zone is empty or not one yet (being typed).
 *
 *   todayIn(Date.parse('2027-03-28T23:30:00Z'), 'Asia/Tokyo') → '2027-03-29'
 *   todayIn(Date.parse('2027-03-28T23:30:00Z'), '')           → '2027-03-28'
 */
export function todayIn(nowMs: number, zone: string): string {
  return dateIn(nowMs, zone !== '' && isKnownZone(zone) ? zone : 'UTC');
}

/**
 * A new schedule: one layer, the schedule's zone and the layer's hand-off zone `zone` (the reader's own,
 * zoneForNew; '' while unknown) and its first hand-off today there.
 */
export function blankSchedule(teamId: string, zone: string, nowMs: number): ScheduleForm {
  return {
    name: '',
    slug: '',
    description: '',
    teamId,
    timeZone: zone,
    layers: [blankLayer(zone, todayIn(nowMs, zone))],
  };
}

/**
 * A new schedule's form once the zone to fill in changes from `previous` to `zone` (the server rendered
 * it before the browser's zone was known): the schedule's zone, and each layer's zone with its first
 * hand-off date, follow where they still hold what was filled in; whatever was typed stays.
 *
 *   rezoned(blankSchedule('', '', now), '', 'Asia/Tokyo', now)
 *     → {timeZone: 'Asia/Tokyo', layers: [{timeZone: 'Asia/Tokyo', startDate: todayIn(now, 'Asia/Tokyo'), …}]}
 *   rezoned({…, timeZone: 'America/Chicago'}, '', 'Asia/Tokyo', now) → {…, timeZone: 'America/Chicago'}
 */
export function rezoned(form: ScheduleForm, previous: string, zone: string, nowMs: number): ScheduleForm {
  const [filledDay, day] = [todayIn(nowMs, previous), todayIn(nowMs, zone)];
  return {
    ...form,
    timeZone: form.timeZone === previous ? zone : form.timeZone,
    layers: form.layers.map((layer) =>
      layer.timeZone === previous
        ? { ...layer, timeZone: zone, startDate: layer.startDate === filledDay ? day : layer.startDate }
        : layer,
    ),
  };
}

/** "Payments primary" → "payments-primary" (what the slug field suggests until it is typed in). */
export function slugOf(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}

export function inputOf(form: ScheduleForm): ScheduleInput {
  return {
    name: form.name,
    slug: form.slug,
    description: form.description,
    teamId: form.teamId || null,
    timeZone: form.timeZone,
    layers: form.layers.map((l) => ({
      name: l.name,
      rotation: l.rotation,
      rotationLength: l.rotation === 'hours' || l.rotation === 'days' ? l.length : 1,
      handoffTime: l.handoffTime,
      timeZone: l.timeZone,
      startDate: l.startDate,
      participants: l.participants,
      restrictions:
        l.otherRestrictions.length > 0
          ? l.otherRestrictions
          : l.restricted
            ? [{ days: [...l.days].sort((a, b) => a - b), from: l.from, to: l.to }]
            : [],
    })),
  };
}

export function formOf(schedule: ScheduleDetail): ScheduleForm {
  return {
    name: schedule.name,
    slug: schedule.slug,
    description: schedule.description,
    teamId: schedule.team?.id ?? '',
    timeZone: schedule.timeZone,
    layers: schedule.layers.map((l) => {
      const [only, ...more] = l.restrictions;
      return {
        key: l.id,
        name: l.name,
        rotation: l.rotation,
        length: l.rotationLength,
        handoffTime: l.handoffTime,
        timeZone: l.timeZone,
        startDate: l.startDate,
        participants: l.participants.map((p) => p.userId),
        restricted: only !== undefined,
        days: only?.days ?? [1, 2, 3, 4, 5],
        from: only?.from ?? '09:00',
        to: only?.to ?? '17:00',
        otherRestrictions: more.length > 0 ? l.restrictions : [],
      };
    }),
  };
}

// The API's field paths the editor shows beside a field: the schedule's own, and a layer's by its first
// key after `layers.N.` (layer-fields.tsx).
const SCHEDULE_FIELDS = new Set(['name', 'slug', 'teamId', 'timeZone', 'description']);
const LAYER_FIELDS = new Set([
  'name',
  'rotation',
  'rotationLength',
  'handoffTime',
  'timeZone',
  'startDate',
  'participants',
  'restrictions',
]);

/**
 * The field errors of an answer that have no place beside a field (e.g. "layers": too many), so the form
 * shows those below it rather than repeating one it already shows beside its field.
 *
 *   unplacedErrors({ slug: 'Use lowercase…', layers: 'At most 20' }) → ['At most 20']
 */
export function unplacedErrors(fields: Record<string, string>): string[] {
  return Object.entries(fields)
    .filter(([path]) => {
      const layer = /^layers\.\d+\.([^.]+)/.exec(path);
      return !(layer ? LAYER_FIELDS.has(layer[1] as string) : SCHEDULE_FIELDS.has(path));
    })
    .map(([, message]) => message);
}

/** Moves the item at `index` one place up (-1) or down (+1); the same array when it cannot move. */
export function moved<T>(items: readonly T[], index: number, step: -1 | 1): T[] {
  const to = index + step;
  if (to < 0 || to >= items.length) return [...items];
  const next = [...items];
  [next[index], next[to]] = [next[to] as T, next[index] as T];
  return next;
}

import type { WindowTiming } from './occurrences';

/**
 * How a maintenance window names its silences in Alertmanager: the comment people wrote, then which
 * window and occurrence made it, so the silences page says where a silence came from and the
 * scheduler recognises a silence it made before (scheduler.ts). Pure.
 *
 *   silenceComment('Kernel patching', 'Sunday patching', 'occ1')
 *     → 'Kernel patching (Vigil maintenance window "Sunday patching", occurrence occ1)'
 */

export const occurrenceMarker = (occurrenceId: string) => `occurrence ${occurrenceId})`;

export const silenceComment = (comment: string, windowName: string, occurrenceId: string) =>
  `${comment} (Vigil maintenance window "${windowName}", ${occurrenceMarker(occurrenceId)}`;

/** The columns occurrences are computed from. */
export const timingOf = (w: WindowTiming): WindowTiming => ({
  firstStart: w.firstStart,
  timeZone: w.timeZone,
  durationSeconds: w.durationSeconds,
  rrule: w.rrule,
});

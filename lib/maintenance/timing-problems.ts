import { RRule } from 'rrule';
import { Temporal } from 'temporal-polyfill';
import { bounded, ExpansionTooLongError } from './bounded';
import {
  floating,
  localRule,
  occurrencesBetween,
  untilText,
  type WindowTiming,
  wallClock,
} from './occurrences';

/**
 * What is wrong with a window's timing as a whole, by field, in words for the form; pure. Each check
 * expands the rule with the scheduler's own code (localRule: floating wall-clock starts, UNTIL taken to
 * the zone), so what is refused here is exactly what would never, or always, be silenced. Call it only
 * once the first start, the zone and the rule each pass their own checks (occurrences.ts).
 *
 *   timingProblems({firstStart: '2027-03-21T02:00', timeZone: 'Europe/Brussels', durationSeconds: 7 * 86_400,
 *                   rrule: 'FREQ=DAILY'}, now)
 *     → {durationSeconds: 'The window lasts 7 days but the rule starts the next occurrence 1 day later, …'}
 */

type TimingProblems = { rrule?: string; durationSeconds?: string };

/**
 * How many of the first starts, within how many years, decide the shortest gap between two; a rule
 * with no start in those years is refused (it matches no day, or hardly ever). Bounded, the sample
 * costs at most one step per day of the years (about 4,000 for DAILY).
 */
const SAMPLE = 60;
const SAMPLE_YEARS = 10;

export function timingProblems(window: WindowTiming, now: Date): TimingProblems {
  if (window.rrule === '') return {};
  // Every expansion below under one deadline (bounded.ts): a rule that matches no day would otherwise
  // hold the event loop for seconds.
  try {
    return bounded(() => problemsOf(window, now));
  } catch (error) {
    if (error instanceof ExpansionTooLongError) return { rrule: error.message };
    throw error;
  }
}

function problemsOf(window: WindowTiming, now: Date): TimingProblems {
  const first = Temporal.PlainDateTime.from(window.firstStart);
  const rule = localRule(window, first);
  const sampleEnd = floating(first.add({ years: SAMPLE_YEARS }));
  const starts = firstStarts(localRule(window, first, sampleEnd));
  const { until, count } = rule.origOptions;
  if (starts.length === 0) {
    // No start in the sample and UNTIL inside it: UNTIL is what ends the rule before it starts.
    if (until && until < sampleEnd) return { rrule: untilTooEarly(window, rule, sampleEnd) };
    return {
      rrule: `The rule gives no occurrence in the ${SAMPLE_YEARS} years after the first start: check that its BYMONTH, BYMONTHDAY and BYDAY parts can fall on the same day.`,
    };
  }
  const gap = shortestGapSeconds(starts);
  // The field is durationSeconds: the rule on its own is fine and the length is what breaks it, and the
  // form shows this field's error beside "Lasts", where the usual fix (a shorter window) is typed.
  if (gap !== undefined && window.durationSeconds >= gap)
    return {
      durationSeconds: `The window lasts ${span(window.durationSeconds)} but the rule starts the next occurrence ${span(gap)} later, so occurrences overlap and it never ends: make it shorter than ${span(gap)} or repeat it less often.`,
    };
  if ((until || count) && !runsAfter(window, rule, now)) {
    const limits = [count ? `COUNT=${count}` : '', until ? `UNTIL=${untilText(window.rrule)}` : ''];
    const fixes = [count ? 'a larger COUNT' : '', until ? 'a later UNTIL' : ''];
    return {
      rrule: `Every occurrence has already ended (the rule stops at ${limits.filter(Boolean).join(' and ')}), so the window would never start again: give a later first start or ${fixes.filter(Boolean).join(' and ')}.`,
    };
  }
  return {};
}

/**
 * The first SAMPLE starts of a rule whose UNTIL is at most the sample's end, as floating Dates. A rule
 * that matches no day is stopped by the deadline around timingProblems, not by UNTIL (bounded.ts).
 */
function firstStarts(bounded: RRule): Date[] {
  return bounded.all((_, i) => i < SAMPLE);
}

/**
 * The shortest wall-clock time between two consecutive starts, in seconds; undefined for one start.
 * Floating Dates subtract as wall-clock times, the way durationSeconds is measured (a window ends at its
 * local end time), so a daily window gets 24 hours also across a daylight-saving change.
 *
 *   shortestGapSeconds([Mon 02:00, Wed 02:00, Mon 02:00]) → 172800
 */
function shortestGapSeconds(starts: readonly Date[]): number | undefined {
  let shortest: number | undefined;
  for (let i = 1; i < starts.length; i++) {
    const gap = ((starts[i] as Date).getTime() - (starts[i - 1] as Date).getTime()) / 1000;
    if (shortest === undefined || gap < shortest) shortest = gap;
  }
  return shortest;
}

function untilTooEarly(window: WindowTiming, rule: RRule, sampleEnd: Date): string {
  const text = untilText(window.rrule);
  // A floating Date's UTC fields are the wall-clock ones: "2027-03-21T01:59".
  const local = (date: Date) => date.toISOString().slice(0, 16);
  const [firstOccurrence] = firstStarts(new RRule({ ...rule.origOptions, until: sampleEnd }));
  const until = rule.origOptions.until as Date;
  const inZone = text?.toUpperCase().endsWith('Z') ? ` (${local(until)} in ${window.timeZone})` : '';
  return `UNTIL=${text}${inZone} comes before the first occurrence (${firstOccurrence ? local(firstOccurrence) : window.firstStart} ${window.timeZone}), so the window never starts: give a later UNTIL or remove it.`;
}

/**
 * Whether an occurrence has not ended by `at` (one running at `at` counts). A start more than a day
 * after `at` in local time is after `at` whatever the zone's offset does; otherwise every start left is
 * within about a day of `at`, and the occurrences of the next two days say it exactly.
 */
function runsAfter(window: WindowTiming, rule: RRule, at: Date): boolean {
  const dayLater = floating(wallClock(at, window.timeZone).add({ hours: 24 }));
  if (rule.after(dayLater, true)) return true;
  return occurrencesBetween(window, at, new Date(at.getTime() + 2 * 86_400_000)).length > 0;
}

/**
 * A length in words: whole days as days, anything else in hours and minutes.
 *
 *   span(86_400) → '1 day'; span(90_000) → '25 hours'; span(5_400) → '1 hour 30 minutes'
 */
function span(seconds: number): string {
  const unit = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (seconds % 86_400 === 0) return unit(seconds / 86_400, 'day');
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  return [hours > 0 ? unit(hours, 'hour') : '', minutes > 0 ? unit(minutes, 'minute') : '']
    .filter(Boolean)
    .join(' ');
}

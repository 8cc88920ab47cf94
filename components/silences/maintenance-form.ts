import { DurationError, formatDurationMs, parseDuration } from '@/lib/incidents/duration';
import type { MaintenanceWindow, MaintenanceWindowInput } from '@/lib/maintenance/schemas';

/**
 * The maintenance window form's state and its API input, both ways. Pure. The repeat choices cover
 * what teams ask for; anything else is a custom RFC 5545 rule.
 *
 *   inputOf({...form, repeat: 'weekly', days: ['SU'], duration: '2h'})
 *     → {…, rrule: 'FREQ=WEEKLY;BYDAY=SU', durationSeconds: 7200}
 *   formOf({…, rrule: 'FREQ=WEEKLY;BYDAY=SA,SU'}) → {…, repeat: 'weekly', days: ['SA', 'SU']}
 */

export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export type Repeat = 'once' | 'daily' | 'weekly' | 'monthly' | 'custom';

export type MaintenanceForm = {
  name: string;
  matchers: string;
  firstStart: string;
  timeZone: string;
  duration: string;
  repeat: Repeat;
  days: Weekday[];
  customRule: string;
  comment: string;
  leadSeconds: number;
  paused: boolean;
};

export function blankForm(timeZone: string): MaintenanceForm {
  return {
    name: '',
    matchers: '',
    firstStart: '',
    timeZone,
    duration: '2h',
    repeat: 'weekly',
    days: ['SU'],
    customRule: '',
    comment: '',
    leadSeconds: 3600,
    paused: false,
  };
}

const RULES: Record<Exclude<Repeat, 'weekly' | 'custom'>, string> = {
  once: '',
  daily: 'FREQ=DAILY',
  monthly: 'FREQ=MONTHLY',
};

function ruleOf(form: Pick<MaintenanceForm, 'repeat' | 'days' | 'customRule'>): string {
  if (form.repeat === 'weekly') {
    const days = WEEKDAYS.filter((d) => form.days.includes(d));
    return `FREQ=WEEKLY;BYDAY=${days.join(',')}`;
  }
  if (form.repeat === 'custom') return form.customRule.trim();
  return RULES[form.repeat];
}

/** The API input, or the form's own problems by field (the server checks the rest). */
export function inputOf(
  form: MaintenanceForm,
): { input: MaintenanceWindowInput } | { problems: Partial<Record<keyof MaintenanceForm, string>> } {
  const problems: Partial<Record<keyof MaintenanceForm, string>> = {};
  let durationSeconds = 0;
  try {
    durationSeconds = parseDuration(form.duration) / 1000;
  } catch (error) {
    if (!(error instanceof DurationError)) throw error;
    problems.duration = error.message;
  }
  if (form.repeat === 'weekly' && form.days.length === 0) problems.days = 'Choose at least one day';
  if (Object.keys(problems).length > 0) return { problems };
  return {
    input: {
      name: form.name,
      matchers: form.matchers,
      firstStart: form.firstStart,
      timeZone: form.timeZone,
      durationSeconds,
      rrule: ruleOf(form),
      clusters: [],
      comment: form.comment,
      leadSeconds: form.leadSeconds,
      paused: form.paused,
    },
  };
}

export function formOf(window: MaintenanceWindow): MaintenanceForm {
  const weekly = /^FREQ=WEEKLY;BYDAY=((?:MO|TU|WE|TH|FR|SA|SU)(?:,(?:MO|TU|WE|TH|FR|SA|SU))*)$/.exec(
    window.rrule,
  );
  const simple = (Object.entries(RULES) as [Repeat, string][]).find(([, rule]) => rule === window.rrule);
  return {
    name: window.name,
    matchers: window.matchers,
    firstStart: window.firstStart,
    timeZone: window.timeZone,
    duration: formatDurationMs(window.durationSeconds * 1000),
    repeat: weekly ? 'weekly' : simple ? simple[0] : 'custom',
    days: weekly?.[1] ? (weekly[1].split(',') as Weekday[]) : [],
    customRule: weekly || simple ? '' : window.rrule,
    comment: window.comment,
    leadSeconds: window.leadSeconds,
    paused: window.paused,
  };
}

/** "every week on SA, SU", "once", "FREQ=…" for the list. */
export function repeatText(rule: string): string {
  if (rule === '') return 'once';
  if (rule === 'FREQ=DAILY') return 'every day';
  if (rule === 'FREQ=MONTHLY') return 'every month';
  const weekly = /^FREQ=WEEKLY;BYDAY=([A-Z,]+)$/.exec(rule);
  return weekly?.[1] ? `every week on ${weekly[1].split(',').join(', ')}` : rule;
}

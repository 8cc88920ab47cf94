import { formatSeconds, mttaSeconds, mttrSeconds } from '@/lib/incidents/incident-metrics';
import { incidentLabel } from '@/lib/incidents/incident-ref';
import type { TimelineEvent } from '@/lib/incidents/timeline-events';
import { formatDuration, formatUtc } from './format';
import type { Sections } from './schemas';

/**
 * The post-mortem template, pre-filled from what Vigil recorded about the incident. Pure: the data
 * layer reads the rows, this turns them into section text (Markdown), which people then edit.
 *
 *   prefillSections({incident: {number: 7, title: 'API down', severity: 'critical', openedAt: 09:00,
 *     resolvedAt: 10:30, …}, alerts: [], events: [], notes: []}).summary
 *     → 'INC-7 "API down", a critical incident, lasted 1h 30m (2026-11-21 09:00:00 UTC to … UTC).'
 */

type PrefillIncident = {
  number: number;
  title: string;
  severity: string;
  status: string;
  openedAt: Date;
  acknowledgedAt: Date | null;
  mitigatedAt: Date | null;
  resolvedAt: Date | null;
};

type PrefillAlert = {
  alertname: string;
  labels: unknown;
  startsAt: Date;
  resolvedAt: Date | null;
};

/** A timeline event that parsed (rows that do not are left out of the template, not of the timeline). */
type PrefillEvent = TimelineEvent & { at: Date; actor: string | null };

type PrefillNote = { author: string; body: string; createdAt: Date };

export type PrefillInput = {
  incident: PrefillIncident;
  alerts: readonly PrefillAlert[];
  events: readonly PrefillEvent[];
  notes: readonly PrefillNote[];
};

const label = (labels: unknown, name: string): string | undefined => {
  const v =
    typeof labels === 'object' && labels !== null ? (labels as Record<string, unknown>)[name] : undefined;
  return typeof v === 'string' && v ? v : undefined;
};

function alertTitle(a: { alertname: string; labels: unknown }): string {
  const instance = label(a.labels, 'instance');
  return instance ? `${a.alertname} on ${instance}` : a.alertname;
}

/**
 * `a critical incident`, `an info incident`; `an incident` when no severity is known (Vigil stores
 * 'none' for an incident whose alerts had no severity label).
 */
export function severityPhrase(severity: string): string {
  const s = severity.trim();
  if (!s || s === 'none') return 'an incident';
  return `${/^[aeiou]/i.test(s) ? 'an' : 'a'} ${s} incident`;
}

function summary({ incident }: PrefillInput): string {
  const name = `${incidentLabel(incident.number)} "${incident.title}", ${severityPhrase(incident.severity)}`;
  if (incident.resolvedAt)
    return `${name}, lasted ${formatSeconds(mttrSeconds(incident))} (${formatUtc(incident.openedAt)} to ${formatUtc(incident.resolvedAt)}).`;
  return `${name}, opened ${formatUtc(incident.openedAt)}, is ${incident.status} (not resolved yet).`;
}

function impact({ alerts }: PrefillInput): string {
  if (alerts.length === 0)
    return 'No alerts were linked to this incident. Describe who or what was affected.';
  const sorted = [...alerts].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  const lines = sorted.map((a) => {
    const severity = label(a.labels, 'severity');
    const span = a.resolvedAt
      ? `firing ${formatDuration(a.resolvedAt.getTime() - a.startsAt.getTime())} from ${formatUtc(a.startsAt)}`
      : `firing since ${formatUtc(a.startsAt)}`;
    return `- ${alertTitle(a)}${severity ? ` (${severity})` : ''}: ${span}`;
  });
  const count = alerts.length === 1 ? '1 alert was' : `${alerts.length} alerts were`;
  return `${count} linked to this incident:\n\n${lines.join('\n')}`;
}

/** The first alert firing: the earliest linked alert or `alert fired` event, whichever is earlier. */
function firstAlert(input: PrefillInput): { name: string; at: Date } | undefined {
  const candidates = [
    ...input.alerts.map((a) => ({ name: alertTitle(a), at: a.startsAt })),
    ...input.events.flatMap((e) => (e.type === 'alert.fired' ? [{ name: e.data.alertname, at: e.at }] : [])),
  ];
  return candidates.sort((a, b) => a.at.getTime() - b.at.getTime())[0];
}

const ACK_TYPES = new Set(['incident.acknowledged', 'incident.status_changed', 'alert.acknowledged']);

/**
 * Who acknowledged: the actor of the event recorded with acknowledgedAt (the same transaction writes
 * both, so within a second); nobody is named when no such event is left.
 */
function acknowledger(input: PrefillInput, acknowledgedAt: Date): string | null {
  const match = input.events
    .filter((e) => ACK_TYPES.has(e.type) && Math.abs(e.at.getTime() - acknowledgedAt.getTime()) <= 1000)
    .sort((a, b) => a.at.getTime() - b.at.getTime())[0];
  return match?.actor ?? null;
}

/**
 * When the first alert fired, when the incident opened, and MTTA as lib/incidents/incident-metrics.ts
 * defines it (opening → first acknowledgement), so the post-mortem and the incident page say the same.
 */
function detection(input: PrefillInput): string {
  const { incident } = input;
  const first = firstAlert(input);
  const lines: string[] = [];
  if (first) {
    lines.push(`The first alert, ${first.name}, fired at ${formatUtc(first.at)}.`);
    const lead = Math.round((incident.openedAt.getTime() - first.at.getTime()) / 1000);
    lines.push(
      lead > 0
        ? `The incident opened ${formatSeconds(lead)} later, at ${formatUtc(incident.openedAt)}.`
        : `The incident opened at ${formatUtc(incident.openedAt)}.`,
    );
  } else
    lines.push(`The incident was opened by hand at ${formatUtc(incident.openedAt)}; no alert fired for it.`);
  if (incident.acknowledgedAt) {
    const actor = acknowledger(input, incident.acknowledgedAt);
    lines.push(
      `It was acknowledged${actor ? ` by ${actor}` : ''} at ${formatUtc(incident.acknowledgedAt)}: time to acknowledge (MTTA, from the opening) ${formatSeconds(mttaSeconds(incident))}.`,
    );
  } else lines.push('Nobody acknowledged it.');
  return lines.join(' ');
}

/**
 * A note as one item of a Markdown list, whole: a one-line note of plain text follows its author on the
 * item's line; a longer one (a list, paragraphs, code), or one line that opens a block of its own (a
 * heading, quote, list, fence, rule or HTML block), starts below it, indented two spaces so that every
 * line stays inside the item (CommonMark list-item continuation). After "Bo:" such a line would be inline
 * text and render otherwise than on the incident page: `<div>**x**` is an HTML block there (shown as
 * written) but would be a tag and bold text here.
 *
 *   noteItem({author: 'Bo', createdAt: 09:35, body: 'Rolled back'}) → '- 2026-11-21 09:35:00 UTC, Bo: Rolled back'
 *   noteItem({author: 'Bo', createdAt: 09:35, body: 'Rolled back\n- step 1'})
 *     → '- 2026-11-21 09:35:00 UTC, Bo:\n\n  Rolled back\n  - step 1'
 *   noteItem({author: 'Bo', createdAt: 09:35, body: '# Done'}) → '- 2026-11-21 09:35:00 UTC, Bo:\n\n  # Done'
 */
export function noteItem(n: PrefillNote): string {
  const body = n.body.replace(/\r\n?/g, '\n').trim();
  const head = `- ${formatUtc(n.createdAt)}, ${n.author}:`;
  if (!body.includes('\n') && !OPENS_BLOCK.test(body)) return `${head} ${body}`;
  const indented = body.split('\n').map((line) => (line.trim() ? `  ${line}` : ''));
  return `${head}\n\n${indented.join('\n')}`;
}

/**
 * A line that starts a CommonMark block other than a paragraph: ATX heading, block quote, list item,
 * code fence, thematic break, or an HTML block (any `<` that may open a tag, comment or declaration).
 */
const OPENS_BLOCK =
  /^(?:#{1,6}(?:\s|$)|>|[-*+](?:\s|$)|\d{1,9}[.)](?:\s|$)|`{3}|~{3}|(?:[-*_][ \t]*){3,}$|<[!?/a-z])/i;

function resolution(input: PrefillInput): string {
  const { incident } = input;
  const changes = input.events
    .flatMap((e) => (e.type === 'incident.status_changed' ? [{ ...e, to: e.data.to }] : []))
    .sort((a, b) => a.at.getTime() - b.at.getTime())
    .map((e) => `- ${formatUtc(e.at)}: ${e.to}${e.actor ? ` (${e.actor})` : ''}`);
  if (changes.length === 0) {
    if (incident.mitigatedAt) changes.push(`- ${formatUtc(incident.mitigatedAt)}: mitigated`);
    if (incident.resolvedAt) changes.push(`- ${formatUtc(incident.resolvedAt)}: resolved`);
  }
  const parts: string[] = [];
  const mttr = formatSeconds(mttrSeconds(incident));
  if (incident.resolvedAt && incident.mitigatedAt)
    parts.push(
      `Mitigated ${formatDuration(incident.mitigatedAt.getTime() - incident.openedAt.getTime())} and resolved ${mttr} after it opened (time to resolve, MTTR).`,
    );
  else if (incident.resolvedAt) parts.push(`Resolved ${mttr} after it opened (time to resolve, MTTR).`);
  else parts.push('Not resolved yet.');
  if (changes.length) parts.push(`Status changes:\n\n${changes.join('\n')}`);
  const notes = [...input.notes].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()).map(noteItem);
  // A blank line between items: a multi-line note is a block, and a loose list keeps each item whole.
  const multiLine = notes.some((n) => n.includes('\n'));
  if (notes.length) parts.push(`Notes from the incident:\n\n${notes.join(multiLine ? '\n\n' : '\n')}`);
  return parts.join('\n\n');
}

export function prefillSections(input: PrefillInput): Sections {
  return {
    summary: summary(input),
    impact: impact(input),
    detection: detection(input),
    rootCause: '',
    resolution: resolution(input),
    wentWell: '',
    wentBadly: '',
  };
}

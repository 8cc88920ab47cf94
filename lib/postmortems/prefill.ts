import { incidentLabel } from '@/lib/incidents/incident-ref';
import { firstLine } from '@/lib/incidents/timeline';
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

function summary({ incident }: PrefillInput): string {
  const name = `${incidentLabel(incident.number)} "${incident.title}", a ${incident.severity} incident`;
  if (incident.resolvedAt)
    return `${name}, lasted ${formatDuration(incident.resolvedAt.getTime() - incident.openedAt.getTime())} (${formatUtc(incident.openedAt)} to ${formatUtc(incident.resolvedAt)}).`;
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

function detection(input: PrefillInput): string {
  const { incident } = input;
  const first = firstAlert(input);
  const lines: string[] = [];
  lines.push(
    first
      ? `The first alert, ${first.name}, fired at ${formatUtc(first.at)}.`
      : `The incident was opened by hand at ${formatUtc(incident.openedAt)}; no alert fired for it.`,
  );
  const ack = input.events
    .filter((e) => e.type === 'alert.acknowledged' || e.type === 'incident.acknowledged')
    .sort((a, b) => a.at.getTime() - b.at.getTime())[0];
  const ackAt = ack?.at ?? incident.acknowledgedAt;
  if (ackAt) {
    const start = first && first.at < incident.openedAt ? first.at : incident.openedAt;
    const who = ack?.actor ? ` by ${ack.actor}` : '';
    lines.push(
      `It was acknowledged${who} at ${formatUtc(ackAt)}: time to acknowledge (MTTA) ${formatDuration(ackAt.getTime() - start.getTime())}.`,
    );
  } else lines.push('Nobody acknowledged it.');
  return lines.join(' ');
}

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
  if (incident.resolvedAt && incident.mitigatedAt)
    parts.push(
      `Mitigated ${formatDuration(incident.mitigatedAt.getTime() - incident.openedAt.getTime())} and resolved ${formatDuration(incident.resolvedAt.getTime() - incident.openedAt.getTime())} after it opened.`,
    );
  else if (incident.resolvedAt)
    parts.push(
      `Resolved ${formatDuration(incident.resolvedAt.getTime() - incident.openedAt.getTime())} after it opened.`,
    );
  else parts.push('Not resolved yet.');
  if (changes.length) parts.push(`Status changes:\n\n${changes.join('\n')}`);
  const notes = [...input.notes]
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
    .map((n) => `- ${formatUtc(n.createdAt)}, ${n.author}: ${firstLine(n.body, 300)}`);
  if (notes.length) parts.push(`Notes from the incident:\n\n${notes.join('\n')}`);
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

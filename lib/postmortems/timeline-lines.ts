/**
 * One TimelineEvent as one readable line for the post-mortem. Pure.
 *
 * Event types are written by several modules (acks use `alert.acknowledged`, runbooks
 * `runbook.step_checked`, the schema comment names `alert_fired`, `status_changed`…), so a type is
 * matched after folding `.` and `-` to `_` and by its last words, and unknown types still read as a
 * sentence: `{type: 'incident.commander_changed', data: {to: 'Ana'}}` → 'Commander changed: to Ana'.
 *
 *   describeEvent({type: 'alert.acknowledged', actor: 'Ana', data: {alertname: 'DiskFull', comment: 'on it'}})
 *     → 'Ana acknowledged DiskFull: "on it"'
 *   describeEvent({type: 'status_changed', actor: 'Bo', data: {from: 'open', to: 'mitigated'}})
 *     → 'Bo changed the status from open to mitigated'
 */

export type EventInput = { type: string; actor: string | null; data: unknown };

type Data = Record<string, unknown>;

const text = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : undefined;

/** The first line of a longer text, cut at 160 characters. */
export function firstLine(s: string, max = 160): string {
  const line = s.trim().split(/\r?\n/)[0]?.trim() ?? '';
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

function labels(data: Data): Data {
  return typeof data.labels === 'object' && data.labels !== null ? (data.labels as Data) : {};
}

/** `DiskFull on db-1` from whichever of alertname/instance the event carries. */
function alertName(data: Data): string {
  const name = text(data.alertname) ?? text(labels(data).alertname) ?? 'an alert';
  const instance = text(data.instance) ?? text(labels(data).instance);
  return instance ? `${name} on ${instance}` : name;
}

const noteText = (d: Data) => text(d.excerpt) ?? text(d.body) ?? text(d.text);

/** ` to L2 (Team lead)` from `level`/`to` and `name`/`levelName`. */
function level(d: Data): string {
  const n = text(d.level) ?? text(d.to);
  const name = text(d.name) ?? text(d.levelName);
  return `${n ? ` to L${n}` : ''}${name && name !== `L${n}` ? ` (${name})` : ''}`;
}

/** ` via email to oncall@example.com (level 2)`. */
function channel(d: Data): string {
  const via = text(d.channel);
  const to = text(d.to) ?? text(d.target);
  const lvl = text(d.level);
  return `${via ? ` via ${via}` : ''}${to ? ` to ${to}` : ''}${lvl ? ` (level ${lvl})` : ''}`;
}

const hasAlert = (data: Data) => Boolean(text(data.alertname) ?? text(labels(data).alertname));

const quoted = (s: string | undefined) => (s ? `: "${firstLine(s)}"` : '');

const by = (actor: string | null, verb: string, fallback: string) => (actor ? `${actor} ${verb}` : fallback);

type Describer = (actor: string | null, data: Data) => string;

/** Keyed by the folded type's last one or two words. */
const DESCRIBERS: Record<string, Describer> = {
  alert_fired: (_, d) => (hasAlert(d) ? `Alert ${alertName(d)} fired` : 'An alert fired'),
  alert_firing: (_, d) => (hasAlert(d) ? `Alert ${alertName(d)} fired` : 'An alert fired'),
  alert_resolved: (_, d) => (hasAlert(d) ? `Alert ${alertName(d)} resolved` : 'An alert resolved'),
  alert_added: (a, d) => `${by(a, 'linked', 'Linked')} alert ${alertName(d)}`,
  alert_linked: (a, d) => `${by(a, 'linked', 'Linked')} alert ${alertName(d)}`,
  acknowledged: (a, d) =>
    `${by(a, 'acknowledged', 'Acknowledged')} ${hasAlert(d) ? alertName(d) : 'the incident'}${quoted(text(d.comment) ?? text(d.reason))}`,
  unacknowledged: (a, d) =>
    `${by(a, 'removed the acknowledgement of', 'Acknowledgement removed from')} ${alertName(d)}`,
  ack_closed: (_, d) =>
    `Acknowledgement of ${alertName(d)} ended${text(d.reason) ? ` (${text(d.reason)})` : ''}`,
  silence_created: (a, d) =>
    `${by(a, 'created a silence', 'Silence created')}${text(d.matchers) ? ` for ${text(d.matchers)}` : ''}${text(d.endsAt) ? ` until ${text(d.endsAt)}` : ''}${quoted(text(d.comment))}`,
  silence_updated: (a, d) =>
    `${by(a, 'changed a silence', 'Silence changed')}${text(d.matchers) ? ` for ${text(d.matchers)}` : ''}${text(d.endsAt) ? ` until ${text(d.endsAt)}` : ''}`,
  silence_expired: (a, d) =>
    `${by(a, 'expired a silence', 'Silence expired')}${text(d.matchers) ? ` for ${text(d.matchers)}` : ''}`,
  note: (a, d) => `${by(a, 'noted', 'Note')}${quoted(noteText(d))}`,
  note_added: (a, d) => `${by(a, 'noted', 'Note')}${quoted(noteText(d))}`,
  note_edited: (a, d) => `${by(a, 'edited a note', 'Note edited')}${quoted(noteText(d))}`,
  step_checked: (a, d) =>
    `${by(a, 'completed', 'Completed')} runbook step "${text(d.title) ?? text(d.stepId) ?? '?'}"${text(d.runbook) ? ` of ${text(d.runbook)}` : ''}`,
  step_unchecked: (a, d) =>
    `${by(a, 'unchecked', 'Unchecked')} runbook step "${text(d.title) ?? text(d.stepId) ?? '?'}"${text(d.runbook) ? ` of ${text(d.runbook)}` : ''}`,
  escalated: (a, d) => `${by(a, 'escalated', 'Escalated')}${level(d)}${quoted(text(d.reason))}`,
  escalation_raised: (a, d) =>
    `${by(a, 'escalated', 'Escalated')}${level(d)}${d.reason === 'timer' ? ' (nobody acknowledged in time)' : ''}${quoted(text(d.comment))}`,
  escalation_lowered: (a, d) =>
    `${by(a, 'de-escalated', 'De-escalated')}${level(d)}${quoted(text(d.comment))}`,
  notification_sent: (_, d) => `Notification sent${channel(d)}`,
  notification_cancelled: (_, d) =>
    `Queued notification cancelled${channel(d)}: the incident was acknowledged`,
  notification_failed: (_, d) =>
    `Notification failed${channel(d)}${text(d.error) ? `: ${firstLine(text(d.error) ?? '')}` : ''}`,
  status_changed: (a, d) => {
    const to = text(d.to) ?? text(d.status);
    const from = text(d.from);
    return `${by(a, 'changed the status', 'Status changed')}${from ? ` from ${from}` : ''}${to ? ` to ${to}` : ''}${quoted(text(d.comment))}`;
  },
  incident_updated: (a, d) => {
    const what = [
      text(d.title) ? `renamed it to "${text(d.title)}"` : null,
      text(d.severity) ? `set the severity to ${text(d.severity)}` : null,
    ].filter(Boolean);
    return `${by(a, what.length ? what.join(' and ') : 'updated the incident', what.length ? `Incident ${what.join(' and ')}` : 'Incident updated')}`;
  },
  incident_opened: (a, d) =>
    d.auto === true
      ? `Vigil opened the incident for alert ${alertName(d)}`
      : `${by(a, 'opened the incident', 'Incident opened')}${typeof d.alerts === 'number' ? ` with ${d.alerts} alert${d.alerts === 1 ? '' : 's'}` : ''}`,
  incident_created: (a) => by(a, 'opened the incident', 'Incident opened'),
};

function humanise(folded: string): string {
  const words = folded.replace(/^incident_/, '').replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Short `key: value` pairs of the event's data, for types nobody described yet. */
function details(data: Data): string {
  const pairs = Object.entries(data)
    .filter(([, v]) => text(v) !== undefined)
    .slice(0, 3)
    .map(([k, v]) => `${k} ${firstLine(text(v) ?? '', 60)}`);
  return pairs.length ? `: ${pairs.join(', ')}` : '';
}

export function describeEvent(event: EventInput): string {
  const folded = event.type.toLowerCase().replace(/[.-]/g, '_');
  const data: Data =
    typeof event.data === 'object' && event.data !== null && !Array.isArray(event.data)
      ? (event.data as Data)
      : {};
  const parts = folded.split('_');
  // `alert.acknowledged` folds to alert_acknowledged: try the whole type, then its last two words, then the last.
  for (const key of [folded, parts.slice(-2).join('_'), parts.at(-1) ?? '']) {
    const describer = DESCRIBERS[key];
    if (describer) return describer(event.actor, data);
  }
  const line = `${humanise(folded)}${details(data)}`;
  return event.actor ? `${line} (by ${event.actor})` : line;
}

/** The kind of event, for pre-filling sections: which events count as an alert firing, an ack, … */
export function eventKind(type: string): 'fired' | 'resolved' | 'ack' | 'status' | 'note' | 'other' {
  const folded = type.toLowerCase().replace(/[.-]/g, '_');
  if (/(^|_)(fired|firing)$/.test(folded)) return 'fired';
  if (/^alert_resolved$/.test(folded)) return 'resolved';
  if (/(^|_)acknowledged$/.test(folded) && !/unacknowledged$/.test(folded)) return 'ack';
  if (/status_changed$/.test(folded)) return 'status';
  if (/(^|_)note(_added)?$/.test(folded)) return 'note';
  return 'other';
}

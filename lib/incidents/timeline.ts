/**
 * The incident timeline as sentences, pure. Each TimelineEvent `type` written anywhere in Vigil has a
 * sentence here; an unknown type still reads as "<actor>: <type>" so nothing is left off the record.
 *
 *   timelineSentence({type: 'alert.fired', actor: null, data: {alertname: 'InstanceDown', instance: 'db-1:9100'}})
 *     → 'Alert InstanceDown fired on db-1:9100'
 *   timelineSentence({type: 'incident.status_changed', actor: 'Ana', data: {from: 'acknowledged', to: 'mitigated'}})
 *     → 'Ana changed the status from acknowledged to mitigated'
 */

export type TimelineInput = { type: string; actor: string | null; data: Record<string, unknown> };

const str = (v: unknown): string | undefined =>
  typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : undefined;

const alertName = (d: Record<string, unknown>) => {
  const name = str(d.alertname) ?? `with fingerprint ${str(d.fingerprint) ?? '?'}`;
  const instance = str(d.instance);
  return instance ? `${name} on ${instance}` : name;
};

const colon = (v: unknown) => (str(v) ? `: ${str(v)}` : '');
const quoted = (v: unknown) => (str(v) ? ` "${str(v)}"` : '');

type Sentence = (d: Record<string, unknown>, who: string) => string;

const SENTENCES: Record<string, Sentence> = {
  'incident.opened': (d, who) =>
    d.auto === true
      ? `Vigil opened the incident automatically for alert ${alertName(d)}`
      : `${who} opened the incident${typeof d.alerts === 'number' ? ` with ${d.alerts} alert(s)` : ''}`,
  'incident.acknowledged': (d, who) =>
    str(d.via) === 'alert'
      ? `${who} acknowledged the incident by acknowledging alert ${alertName(d)}`
      : `${who} acknowledged the incident${colon(d.reason)}`,
  'incident.status_changed': (d, who) =>
    `${who} changed the status from ${str(d.from) ?? '?'} to ${str(d.to) ?? '?'}`,
  'incident.commander_changed': (d, who) =>
    str(d.to) ? `${who} made ${str(d.to)} the incident commander` : `${who} removed the incident commander`,
  'incident.updated': (d, who) =>
    [
      str(d.title) ? `${who} renamed the incident to "${str(d.title)}"` : null,
      str(d.severity) ? `${who} set the severity to ${str(d.severity)}` : null,
    ]
      .filter(Boolean)
      .join('; ') || `${who} updated the incident`,
  'alert.linked': (d, who) => `${who} linked alert ${alertName(d)}`,
  'alert.fired': (d) => `Alert ${alertName(d)} fired`,
  'alert.resolved': (d) => `Alert ${alertName(d)} resolved`,
  'alert.acknowledged': (d, who) => `${who} acknowledged alert ${alertName(d)}${colon(d.comment)}`,
  'alert.unacknowledged': (d, who) => `${who} took back the acknowledgement of alert ${alertName(d)}`,
  'alert.ack_closed': (d) =>
    `The acknowledgement of alert ${alertName(d)} ended (${str(d.reason) === 'resolved' ? 'the alert resolved' : 'its silence expired'})`,
  'silence.created': (d, who) =>
    `${who} silenced ${str(d.matchers) ?? 'alerts'}${str(d.endsAt) ? ` until ${str(d.endsAt)}` : ''}${colon(d.comment)}`,
  'silence.updated': (d, who) =>
    `${who} changed the silence of ${str(d.matchers) ?? 'alerts'}${str(d.endsAt) ? ` (now until ${str(d.endsAt)})` : ''}`,
  'silence.expired': (d, who) => `${who} expired the silence of ${str(d.matchers) ?? 'alerts'}`,
  'note.added': (d, who) => `${who} added a note${quoted(d.excerpt)}`,
  'note.edited': (d, who) => `${who} edited a note${quoted(d.excerpt)}`,
  'runbook.step_checked': (d, who) =>
    `${who} checked "${str(d.title) ?? str(d.stepId) ?? 'a step'}" in runbook ${str(d.runbook) ?? '?'}`,
  'runbook.step_unchecked': (d, who) =>
    `${who} unchecked "${str(d.title) ?? str(d.stepId) ?? 'a step'}" in runbook ${str(d.runbook) ?? '?'}`,
  // `reason` says what raised it (timer or manual); `comment` is the responder's own words.
  'escalation.raised': (d, who) =>
    `${who === 'Vigil' ? 'Escalated' : `${who} escalated`} to ${levelName(d)}${d.reason === 'timer' ? ' (nobody acknowledged in time)' : ''}${colon(d.comment)}`,
  'escalation.lowered': (d, who) =>
    `${who === 'Vigil' ? 'De-escalated' : `${who} de-escalated`} to ${levelName(d)}${colon(d.comment)}`,
  'notification.sent': (d) => `Notified ${target(d)}`,
  'notification.failed': (d) => `Notifying ${target(d)} failed${colon(d.error)}`,
  'notification.cancelled': (d) =>
    `A queued page to ${target(d)} was cancelled: the incident was acknowledged`,
};

function levelName(d: Record<string, unknown>): string {
  const level = str(d.level) ?? str(d.to);
  const name = str(d.name) ?? str(d.levelName);
  if (level && name) return name.startsWith(`L${level}`) ? name : `L${level} ${name}`;
  return name ?? (level ? `level ${level}` : 'the next level');
}

function target(d: Record<string, unknown>): string {
  const channel = str(d.channel) ?? str(d.target) ?? 'a channel';
  const level = str(d.level);
  return level ? `${channel} (level ${level})` : channel;
}

/** The event as one sentence; `actor` is the user's display name, null for Vigil itself. */
export function timelineSentence(event: TimelineInput): string {
  const who = event.actor ?? 'Vigil';
  const sentence = SENTENCES[event.type];
  return sentence ? sentence(event.data, who) : `${who}: ${event.type.replace(/[._]/g, ' ')}`;
}

/** Whether Vigil writes this type; the timeline renders unknown ones too, only less readably. */
export const isKnownTimelineType = (type: string) => type in SENTENCES;

/** The first line of a note, shortened, for its timeline entry. */
export function noteExcerpt(body: string, max = 80): string {
  const line = body.trim().split('\n')[0]?.trim() ?? '';
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

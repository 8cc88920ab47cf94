import { plainMarkdownLine } from './plain-markdown';
import {
  parseTimelineEvent,
  type TimelineData,
  type TimelineEvent,
  type TimelineEventType,
} from './timeline-events';

/**
 * The incident timeline in words: one sentence per event, the same on the incident page, in the
 * post-mortem and in its Markdown export. Pure and client-safe. A row whose type Vigil does not write,
 * or whose payload does not fit its type, still reads as "<actor>: <type in words>", so nothing is
 * left off the record.
 *
 *   timelineSentence({type: 'alert.fired', actor: null, data: {cluster: 'default', fingerprint: 'a1',
 *     alertname: 'InstanceDown', instance: 'db-1:9100'}})
 *     → 'Alert InstanceDown on db-1:9100 fired'
 *   timelineSentence({type: 'incident.status_changed', actor: 'Ana', data: {from: 'acknowledged', to: 'mitigated'}})
 *     → 'Ana changed the status from acknowledged to mitigated'
 *   timelineSentence({type: 'chat.linked', actor: 'Ana', data: {}}) → 'Ana: chat linked'
 */

/** A stored row: `actor` is the user's display name, null for Vigil itself. */
type TimelineRow = { type: string; actor: string | null; data: unknown };

/** The first line of a longer text, cut at `max` characters: free text stays one line of the timeline. */
export function firstLine(s: string, max = 160): string {
  const line = s.trim().split(/\r?\n/)[0]?.trim() ?? '';
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

const colon = (v: string | null | undefined) => (v ? `: ${firstLine(v)}` : '');

/** `InstanceDown on db-1:9100`, or `with fingerprint a1b2` when the alert had no name. */
function alertName(a: { fingerprint?: string; alertname?: string; instance?: string | null }): string {
  const name = a.alertname || `with fingerprint ${a.fingerprint ?? '?'}`;
  return a.instance ? `${name} on ${a.instance}` : name;
}

/** `L2 on-call SRE` from level 2 and its configured name (which may already start with `L2`). */
const levelName = ({ level, name }: { level: number; name: string }) =>
  name.startsWith(`L${level}`) ? name : `L${level} ${name}`;

/** `sre-mail (level 2)`, or `Ana Lopez by e-mail (level 2)` for a page to a person. */
/** A contact method's kind as read in a sentence: "e-mail", "push", "ntfy". */
const methodName = (kind: string) => (kind === 'email' ? 'e-mail' : kind);

const target = (d: { channel: string; level: number | null; person?: string }) => {
  const who = d.person ? `${d.person} by ${methodName(d.channel)}` : d.channel;
  return d.level === null ? who : `${who} (level ${d.level})`;
};

/** Why Vigil raised a level, after "Escalated to L2". */
const ESCALATION_WHY = {
  timer: ' (nobody acknowledged in time)',
  manual: '',
  unreachable: ' (nobody at the level before could be reached)',
} as const;

type NotificationData = TimelineData<'notification.sent'>;
const sentVerb = (d: NotificationData) =>
  d.followUp === 'reminder' ? 'Reminded' : d.followUp ? 'Told' : d.person ? 'Paged' : 'Notified';
const tryingVerb = (d: NotificationData) =>
  d.followUp === 'reminder' ? 'Reminding' : d.followUp ? 'Telling' : d.person ? 'Paging' : 'Notifying';
/** " that it was acknowledged", " that its alerts still fire", or nothing for a page. */
const followUpClause = (d: NotificationData) =>
  d.followUp === 'reminder' ? ' that its alerts still fire' : d.followUp ? ` that it was ${d.followUp}` : '';

const UNREACHABLE: {
  [R in TimelineData<'page.unreachable'>['reason']]: (d: TimelineData<'page.unreachable'>) => string;
} = {
  nobody_on_call: (d) =>
    `Nobody is on call on schedule ${d.schedule ?? '?'}: level ${d.level} paged nobody through it`,
  schedule_missing: (d) => `Level ${d.level} names a schedule that no longer exists: nobody paged through it`,
  user_disabled: (d) =>
    `${d.person ?? 'A user'} was not paged at level ${d.level}: their account is disabled`,
  user_viewer: (d) =>
    `${d.person ?? 'A user'} was not paged at level ${d.level}: they are now a viewer, who cannot acknowledge (make them a responder, or take them off the schedule)`,
  user_missing: (d) => `Level ${d.level} names a user who no longer exists: nobody paged through it`,
  no_targets: (d) => `Level ${d.level} reached nobody: it names no channel and nobody could be paged`,
};

const step = (d: TimelineData<'runbook.step_checked'>) => `"${d.title || d.stepId}" in runbook ${d.runbook}`;

type Sentences = { [T in TimelineEventType]: (data: TimelineData<T>, who: string) => string };

const SENTENCES: Sentences = {
  'incident.opened': (d, who) => {
    if (!d.auto)
      return d.alerts === 0
        ? `${who} declared the incident`
        : `${who} opened the incident with ${plural(d.alerts, 'alert')}`;
    const route = d.route ? ` (route ${d.route})` : '';
    if (d.fingerprint !== undefined)
      return `Vigil opened the incident automatically for alert ${alertName(d)}${route}`;
    // A pipeline incident (lib/incidents/pipeline-watch.ts) has no alert: the part that broke is its title.
    return d.alerts === 0
      ? `Vigil opened the incident automatically${route}`
      : `Vigil opened the incident automatically with ${plural(d.alerts, 'alert')}${route}`;
  },
  'incident.acknowledged': (d, who) => {
    if (!('via' in d)) return `${who} acknowledged the incident${colon(d.reason)}`;
    if (d.via === 'alert') return `${who} acknowledged the incident by acknowledging alert ${alertName(d)}`;
    const chat = d.chatUser ? ` (pressed by ${d.chatUser})` : '';
    return `${who} acknowledged the incident via ${VIA[d.via]}${chat}`;
  },
  'incident.status_changed': (d, who) => `${who} changed the status from ${d.from} to ${d.to}`,
  'incident.commander_changed': (d, who) =>
    d.to ? `${who} made ${d.to} the incident commander` : `${who} removed the incident commander`,
  'incident.updated': (d, who) => {
    const what = [
      d.title ? `renamed the incident to "${d.title}"` : null,
      d.severity ? `set the severity to ${d.severity}` : null,
    ].filter(Boolean);
    return `${who} ${what.length ? what.join(' and ') : 'updated the incident'}`;
  },
  'alert.fired': (d) => `Alert ${alertName(d)} fired`,
  'alert.linked': (d, who) => `${who} linked alert ${alertName(d)} to the incident`,
  'alert.resolved': (d) => `Alert ${alertName(d)} resolved`,
  'alert.acknowledged': (d, who) => `${who} acknowledged alert ${alertName(d)}${colon(d.comment)}`,
  'alert.unacknowledged': (d, who) => `${who} took back the acknowledgement of alert ${alertName(d)}`,
  'alert.ack_closed': (d) =>
    `The acknowledgement of alert ${alertName(d)} ended (${d.reason === 'resolved' ? 'the alert resolved' : 'its silence expired'})`,
  'silence.created': (d, who) => `${who} silenced ${d.matchers} until ${d.endsAt}${colon(d.comment)}`,
  'silence.updated': (d, who) => `${who} changed the silence of ${d.matchers} (now until ${d.endsAt})`,
  'silence.expired': (d, who) => `${who} expired the silence of ${d.matchers}`,
  // A note is Markdown; the sentence is read as text, so it quotes what a reader of the note sees.
  'note.added': (d, who) => `${who} added a note "${plainMarkdownLine(d.excerpt)}"`,
  'note.edited': (d, who) => `${who} edited a note "${plainMarkdownLine(d.excerpt)}"`,
  'runbook.step_checked': (d, who) => `${who} checked ${step(d)}`,
  'runbook.step_unchecked': (d, who) => `${who} unchecked ${step(d)}`,
  // `reason` says what raised it (timer or manual); `comment` is the responder's own words.
  // A timer raise from no level is the policy's first step (often at once), not a missed acknowledgement.
  'escalation.raised': (d, who) =>
    `${who === VIGIL ? 'Escalated' : `${who} escalated`} to ${levelName(d)}${d.reason === 'timer' && d.from === 0 ? '' : ESCALATION_WHY[d.reason]}${colon(d.comment)}`,
  'escalation.lowered': (d, who) =>
    `${who === VIGIL ? 'De-escalated' : `${who} de-escalated`} to ${levelName(d)}${colon(d.comment)}`,
  'escalation.rearmed': (d) =>
    `Escalation starts again from L1, as the incident was reopened (round ${d.round}; the last round reached L${d.from})`,
  'escalation.repeated': (d) =>
    `Nobody acknowledged after L${d.from}: escalation starts over from L1 (repeat ${d.cycle} of ${d.of})`,
  'page.queued': (d) =>
    `Paging ${d.person} by ${methodName(d.method)} (level ${d.level}${d.schedule ? `, on call on schedule ${d.schedule}` : ''})`,
  'page.unreachable': (d) => UNREACHABLE[d.reason](d),
  'notification.sent': (d) =>
    `${sentVerb(d)} ${target(d.followUp ? { ...d, level: null } : d)}${followUpClause(d)}`,
  'notification.failed': (d) =>
    `${tryingVerb(d)} ${target(d.followUp ? { ...d, level: null } : d)}${followUpClause(d)} failed${colon(d.error)}`,
  // Rows stored before reopened incidents escalated again all read "not sent: the incident was acknowledged first".
  'notification.cancelled': (d) =>
    `A queued page to ${target(d)} was cancelled: ${d.error.replace(/^not sent: /, '').replace(/ first$/, '')}`,
  'pipeline.broken': (d) =>
    `${PIPELINE_PART[d.kind](d.subject)} stopped working${d.lastOkAt ? ` (last seen working ${d.lastOkAt})` : ' (never seen working)'}${colon(d.detail)}`,
  'pipeline.recovered': (d) =>
    `${PIPELINE_PART[d.kind](d.subject)} works again after ${d.downSeconds} s; Vigil resolved the incident`,
  'pipeline.unwatched': (d) =>
    `${PIPELINE_PART[d.kind](d.subject)} is no longer in Vigil's configuration, so nothing watches it; Vigil resolved the incident`,
};

/** The part of the alerting pipeline a `pipeline.*` event is about, in words. */
const PIPELINE_PART = {
  heartbeat: (s: string) => `The heartbeat alert of Alertmanager cluster ${s}`,
  cluster: (s: string) => `Alertmanager cluster ${s}`,
  prometheus: (s: string) => `Prometheus ${s}`,
};

const VIGIL = 'Vigil';

/** How an acknowledgement from outside the console arrived, in words. */
const VIA = { link: 'link', push: 'push notification', slack: 'Slack', mattermost: 'Mattermost' } as const;

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** A stored row as one sentence; see the top of this file for rows that do not parse. */
export function timelineSentence(row: TimelineRow): string {
  const who = row.actor ?? VIGIL;
  const event = parseTimelineEvent(row);
  if (!event) return `${who}: ${row.type.replace(/[._]/g, ' ')}`;
  // TypeScript cannot pair SENTENCES[type] with its own payload through the union; the mapped type does.
  const sentence = SENTENCES[event.type] as (data: TimelineEvent['data'], who: string) => string;
  return sentence(event.data, who);
}

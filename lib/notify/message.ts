import { z } from 'zod';
import { incidentLabel } from '@/lib/incidents/incident-ref';

/**
 * What an escalation notification says, stored as the outbox row's payload (so a retry after a restart
 * sends exactly what was decided) and rendered per channel by the pure functions below.
 *
 *   escalationText({incident: {number: 7, severity: 'critical', title: 'API down', url: null, …},
 *                   level: {level: 2, name: 'On-call SRE'}})
 *   → 'INC-7 [critical] API down — escalated to L2 On-call SRE'
 */

export const notificationPayloadSchema = z.object({
  incident: z.object({
    id: z.string(),
    number: z.number().int(),
    title: z.string(),
    severity: z.string(),
    status: z.string(),
    /** The incident in the console; null while the config declares no public URL. */
    url: z.string().nullable(),
  }),
  level: z.object({ level: z.number().int(), name: z.string() }),
  /**
   * What raised the level; `followup` tells a person paged earlier how the incident ended, `reminder`
   * tells whoever acknowledged it that its alerts still fire (both with `notice`).
   */
  reason: z.enum(['timer', 'manual', 'unreachable', 'followup', 'reminder']),
  /** The responder's reason for a manual escalation. */
  comment: z.string().nullable(),
  /**
   * The incident's escalation round when this was queued (1 until a reopening); a timer page of an
   * earlier round is cancelled, since the reopened incident pages its levels again. Rows stored before
   * rounds existed are round 1.
   */
  round: z.number().int().positive().default(1),
  /**
   * For a page to a person (the outbox row's `userId`; sent to their e-mail): their display name, and
   * the schedule they are on call on when paged as such (null: the level names them).
   */
  person: z
    .object({
      name: z.string(),
      schedule: z.string().nullable(),
      /** A later step of the person's own rules ("after 5 minutes, SMS"): moot once acknowledged. */
      afterSeconds: z.number().int().positive().optional(),
    })
    .optional(),
  /**
   * For a follow-up: the incident's new state, who brought it there (null: Vigil, or nobody recorded)
   * and when, already written in the recipient's time zone ("03:12 Europe/Brussels") when it was queued.
   */
  notice: z
    .object({
      status: z.enum(['acknowledged', 'resolved']),
      by: z.string().nullable(),
      atText: z.string(),
    })
    .optional(),
});
export type NotificationPayload = z.infer<typeof notificationPayloadSchema>;

/** "L2 On-call SRE", without doubling a prefix the name already has ("L2 on-call SRE"). */
export function levelLabel(level: { level: number; name: string }): string {
  const prefix = `L${level.level}`;
  return level.name.toUpperCase().startsWith(prefix) ? level.name : `${prefix} ${level.name}`;
}

export function escalationText(p: NotificationPayload): string {
  const subject = `${incidentLabel(p.incident.number)} [${p.incident.severity}] ${p.incident.title}`;
  const text = `${subject} — ${pageDetail(p)}`;
  return p.incident.url && !p.notice ? `${text}; acknowledge at ${p.incident.url}` : text;
}

/**
 * What a notification says after the incident's headline: "escalated to L2 On-call SRE (reason)",
 * "acknowledged by Ana Lopez at 03:12 Europe/Brussels", "its alerts still fire; …". Contact methods
 * render it beneath their own headline (lib/paging/send-page.ts).
 */
export function pageDetail(p: NotificationPayload): string {
  if (p.notice && p.reason === 'reminder')
    return `its alerts still fire; you acknowledged it at ${p.notice.atText}`;
  if (p.notice) return noticeText(p.notice);
  return `escalated to ${levelLabel(p.level)}${p.comment ? ` (${p.comment})` : ''}`;
}

/** Slack incoming webhook: `text` is the fallback shown in notifications, `blocks` the message. */
export function slackBody(p: NotificationPayload) {
  const text = escalationText(p);
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
}

const SEVERITY_COLOURS: Record<string, number> = { critical: 0xd92d20, warning: 0xf79009, info: 0x2e90fa };

/** Discord webhook: `content` plus one embed linking the incident when there is a URL. */
export function discordBody(p: NotificationPayload) {
  return {
    content: escalationText(p),
    embeds: [
      {
        title: `${incidentLabel(p.incident.number)}: ${p.incident.title}`,
        description: `Escalated to ${levelLabel(p.level)}${p.comment ? `: ${p.comment}` : ''}`,
        color: SEVERITY_COLOURS[p.incident.severity] ?? 0x667085,
        ...(p.incident.url ? { url: p.incident.url } : {}),
      },
    ],
  };
}

/** The generic JSON webhook: the incident and level as data, and the text for humans. */
export function webhookBody(p: NotificationPayload) {
  return {
    incident: { ...p.incident, level: p.level.level },
    level: p.level,
    reason: p.reason,
    comment: p.comment,
    text: escalationText(p),
  };
}

/** Why the level was raised, in a page's e-mail. */
const LEVEL_WHY: Record<NotificationPayload['reason'], string> = {
  timer: 'not acknowledged in time',
  manual: 'escalated by a responder',
  unreachable: 'nobody at the level before could be reached',
  followup: 'follow-up',
  reminder: 'reminder',
};

/** "acknowledged by Ana Lopez at 03:12 Europe/Brussels", "resolved at 04:40 Europe/Brussels". */
function noticeText(n: NonNullable<NotificationPayload['notice']>): string {
  return `${n.status}${n.by ? ` by ${n.by}` : ''} at ${n.atText}`;
}

export function emailMessage(p: NotificationPayload): { subject: string; text: string } {
  if (p.notice)
    return {
      subject: escalationText(p),
      text: [
        escalationText(p),
        '',
        p.reason === 'reminder'
          ? 'Resolve the incident once its cause is fixed, or hand it over; this reminder repeats while it stays acknowledged and firing.'
          : `You were paged for this incident (${levelLabel(p.level)}); nothing more is needed from you.`,
        ...(p.incident.url ? [`Incident: ${p.incident.url}`] : []),
      ].join('\n'),
    };
  const lines = [
    escalationText(p),
    '',
    `Severity: ${p.incident.severity}`,
    `Level: ${levelLabel(p.level)} (${LEVEL_WHY[p.reason]})`,
    ...(p.comment ? [`Reason: ${p.comment}`] : []),
    ...(p.person
      ? [`Paged: ${p.person.name}${p.person.schedule ? `, on call on ${p.person.schedule}` : ''}`]
      : []),
    ...(p.incident.url ? [`Acknowledge: ${p.incident.url}`] : []),
  ];
  return {
    subject: escalationText({ ...p, comment: null, incident: { ...p.incident, url: null } }),
    text: lines.join('\n'),
  };
}

import { z } from 'zod';
import { INCIDENT_STATUSES } from './incident-schemas';

/**
 * Every event Vigil writes on an incident's timeline, with its payload: the `type` and `data` columns
 * of `timeline_events`. Client-safe. `recordEvent` (record-event.ts) is the only writer and
 * `timelineSentence` (timeline.ts) the only reader that puts an event into words, so a new event type
 * is added here, gets a sentence there, and the incident page, the post-mortem and its Markdown export
 * say the same thing.
 *
 * The payloads are exactly what the writers have stored since the timeline exists (no row needs a
 * migration); extra keys in old rows are ignored. Free text (comments, errors) is stored whole.
 *
 *   parseTimelineEvent({type: 'note.added', data: {noteId: 'n1', excerpt: 'Disk full'}})
 *     → {type: 'note.added', data: {noteId: 'n1', excerpt: 'Disk full'}}
 *   parseTimelineEvent({type: 'note.added', data: {}}) → null
 */

const int = z.number().int();

/** The alert an event is about, as auto-open and the alert ingest store it. */
const alertRef = z.object({
  cluster: z.string(),
  fingerprint: z.string(),
  alertname: z.string(),
  instance: z.string().nullable(),
});

const event = <T extends string, D extends z.ZodType>(type: T, data: D) =>
  z.object({ type: z.literal(type), data });

const stepData = z.object({ runbook: z.string(), stepId: z.string(), title: z.string() });

const escalationData = z.object({
  level: int,
  /** The level's name in VIGIL_CONFIG, e.g. "L2 on-call SRE". */
  name: z.string(),
  from: int,
  /**
   * What changed the level: the escalation timer, a responder, or `unreachable`: every page of the
   * level before failed on every method, so the next one was raised at once.
   */
  reason: z.enum(['timer', 'manual', 'unreachable']),
  comment: z.string().optional(),
});

const notificationData = z.object({
  notificationId: z.string(),
  channel: z.string(),
  /** The escalation level it paged for; null when the outbox row's payload could not be read. */
  level: int.nullable(),
  attempt: int,
  /** The person paged (display name), for a page to a person; `channel` is then the method ("email"). */
  person: z.string().optional(),
  /**
   * A follow-up telling a person paged earlier that the incident was acknowledged or resolved, or a
   * reminder to whoever acknowledged it that its alerts still fire.
   */
  followUp: z.enum(['acknowledged', 'resolved', 'reminder']).optional(),
});

/** How a signed action token arrived when it acknowledged: a link, a push notification, a chat button. */
const ACTION_VIAS = ['link', 'push', 'slack', 'mattermost'] as const;
export type ActionVia = (typeof ACTION_VIAS)[number];

/** Why a level could not page someone it names (lib/escalation/people.ts). */
const UNREACHABLE_REASONS = [
  'nobody_on_call',
  'schedule_missing',
  'user_disabled',
  'user_viewer',
  'user_missing',
  'no_targets',
] as const;

export const timelineEventSchema = z.discriminatedUnion('type', [
  event(
    'incident.opened',
    z.object({
      /** Opened by Vigil for a firing alert (then the first alert's fields follow) or by a person. */
      auto: z.boolean(),
      alerts: int.nonnegative(),
      /** The Alertmanager notification group it was opened for; its later alerts join this incident. */
      groupKey: z.string().optional(),
      /** The route (lib/routing) that took its first alert, which gave it its team and policy. */
      route: z.string().optional(),
      ...alertRef.partial().shape,
    }),
  ),
  event(
    'incident.acknowledged',
    z.union([
      /** By acknowledging one of its alerts. */
      z.object({
        via: z.literal('alert'),
        fingerprint: z.string(),
        alertname: z.string(),
        instance: z.string().nullable(),
      }),
      /**
       * From a signed link on a page, the Acknowledge action of a Web Push notification (`push`), or a
       * chat button (lib/actions); `chatUser` is who pressed the button in Slack or Mattermost, acting
       * as the person the page was for.
       */
      z.object({ via: z.enum(ACTION_VIAS), chatUser: z.string().optional() }),
      z.object({ reason: z.string().nullable() }),
    ]),
  ),
  event(
    'incident.status_changed',
    z.object({ from: z.enum(INCIDENT_STATUSES), to: z.enum(INCIDENT_STATUSES) }),
  ),
  /** Display names of the commanders; null for none. */
  event('incident.commander_changed', z.object({ from: z.string().nullable(), to: z.string().nullable() })),
  /** Only the fields that changed. */
  event('incident.updated', z.object({ title: z.string().optional(), severity: z.string().optional() })),
  event('alert.fired', alertRef),
  /** A responder attached a firing alert to the incident after it opened (a declared incident, say). */
  event('alert.linked', alertRef),
  event('alert.resolved', alertRef),
  event(
    'alert.acknowledged',
    z.object({
      fingerprint: z.string(),
      /** '' when the alert had no alertname label. */
      alertname: z.string(),
      silenceId: z.string().nullable(),
      comment: z.string().nullable(),
    }),
  ),
  event('alert.unacknowledged', z.object({ fingerprint: z.string() })),
  event(
    'alert.ack_closed',
    z.object({
      fingerprint: z.string(),
      ackId: z.string(),
      reason: z.enum(['resolved', 'expired']),
      silenceId: z.string().nullable(),
    }),
  ),
  /** `matchers` in amtool text; `endsAt` an ISO time. */
  event(
    'silence.created',
    z.object({ silenceId: z.string(), matchers: z.string(), endsAt: z.string(), comment: z.string() }),
  ),
  /** `from` and `to` are the old and new Alertmanager ids (the same when it updated in place). */
  event(
    'silence.updated',
    z.object({ from: z.string(), to: z.string(), matchers: z.string(), endsAt: z.string() }),
  ),
  event('silence.expired', z.object({ silenceId: z.string(), matchers: z.string(), createdBy: z.string() })),
  /** `excerpt`: the note's first line, shortened (the note itself can be edited later). */
  event('note.added', z.object({ noteId: z.string(), excerpt: z.string() })),
  event('note.edited', z.object({ noteId: z.string(), excerpt: z.string() })),
  event('runbook.step_checked', stepData),
  event('runbook.step_unchecked', stepData),
  /** One event per level passed; `targets` are the channels the level pages. */
  event('escalation.raised', escalationData.extend({ targets: z.array(z.string()) })),
  event('escalation.lowered', escalationData),
  /**
   * A reopened incident escalates again from L1 (lib/incidents/escalation-arming.ts): `round` is the new
   * escalation round (2 after the first reopening), `from` the level the previous round had reached.
   */
  event('escalation.rearmed', z.object({ round: int.min(2), from: int })),
  /**
   * A policy started over from L1 after its last level (its `repeat`): `cycle` 1 is the first repeat
   * of `of`, `from` the level reached.
   */
  event('escalation.repeated', z.object({ cycle: int.min(1), of: int, from: int })),
  /**
   * A person queued to be paged by a level: `person` is their display name, `schedule` the schedule's
   * name when they were paged as its on-call person (null: named by the level).
   */
  event(
    'page.queued',
    z.object({
      notificationId: z.string(),
      level: int,
      userId: z.string(),
      person: z.string(),
      /** The contact method's kind ("email", "slack", "ntfy", "push", …). */
      method: z.string(),
      schedule: z.string().nullable(),
    }),
  ),
  /** A level could not page someone (or anyone) it names: nobody on call, a disabled user, … */
  event(
    'page.unreachable',
    z.object({
      level: int,
      reason: z.enum(UNREACHABLE_REASONS),
      schedule: z.string().optional(),
      person: z.string().optional(),
    }),
  ),
  event('notification.sent', notificationData),
  event(
    'notification.failed',
    notificationData.extend({
      error: z.string(),
      /** When the outbox tries again; absent with `final` when it gave up. */
      retryAt: z.string().optional(),
      final: z.literal(true).optional(),
    }),
  ),
  /**
   * A part of the alerting pipeline stopped working (lib/incidents/pipeline-checks.ts): `check` is its
   * key (`cluster:default`), `lastOkAt` when it last worked (ISO; null: never seen working).
   */
  event(
    'pipeline.broken',
    z.object({
      check: z.string(),
      kind: z.enum(['heartbeat', 'cluster', 'prometheus']),
      subject: z.string(),
      detail: z.string().optional(),
      lastOkAt: z.string().nullable(),
    }),
  ),
  /** It works again after `downSeconds`; the incident is then resolved by Vigil. */
  event(
    'pipeline.recovered',
    z.object({
      check: z.string(),
      kind: z.enum(['heartbeat', 'cluster', 'prometheus']),
      subject: z.string(),
      downSeconds: int.nonnegative(),
    }),
  ),
  /** The part was removed from Vigil's configuration (or renamed) while its incident was open: resolved. */
  event(
    'pipeline.unwatched',
    z.object({
      check: z.string(),
      kind: z.enum(['heartbeat', 'cluster', 'prometheus']),
      subject: z.string(),
    }),
  ),
  /** A queued page dropped: the incident was acknowledged first, or reopened since (a new round pages). */
  event('notification.cancelled', notificationData.extend({ error: z.string(), final: z.literal(true) })),
]);

export type TimelineEvent = z.infer<typeof timelineEventSchema>;
export type TimelineEventType = TimelineEvent['type'];
/** The payload of one event type: `TimelineData<'note.added'>` → `{noteId, excerpt}`. */
export type TimelineData<T extends TimelineEventType> = Extract<TimelineEvent, { type: T }>['data'];

export const TIMELINE_EVENT_TYPES: readonly TimelineEventType[] = timelineEventSchema.options.map(
  (o) => o.shape.type.value,
);

/** A stored row as a typed event, or null when its type is not one of ours or its payload does not fit. */
export function parseTimelineEvent(row: { type: string; data: unknown }): TimelineEvent | null {
  const parsed = timelineEventSchema.safeParse({ type: row.type, data: row.data });
  return parsed.success ? parsed.data : null;
}

import type { TimelineData, TimelineEventType } from '@/lib/incidents/timeline-events';

/**
 * One stored row per event type, as its writer stores it, with the sentence it reads as. Typed by the
 * union, so a new event type without a sample here does not compile.
 */

type Sample<T extends TimelineEventType> = { actor: string | null; data: TimelineData<T>; sentence: string };

const alert = { cluster: 'default', fingerprint: 'a1b2', alertname: 'InstanceDown', instance: 'db-1:9100' };

const TIMELINE_SAMPLES: { [T in TimelineEventType]: Sample<T> } = {
  'incident.opened': {
    actor: null,
    data: { auto: true, alerts: 1, groupKey: '{}:{alertname="InstanceDown"}', ...alert },
    sentence: 'Vigil opened the incident automatically for alert InstanceDown on db-1:9100',
  },
  'incident.acknowledged': {
    actor: 'Ana',
    data: { reason: 'on it' },
    sentence: 'Ana acknowledged the incident: on it',
  },
  'incident.status_changed': {
    actor: 'Ana',
    data: { from: 'acknowledged', to: 'mitigated' },
    sentence: 'Ana changed the status from acknowledged to mitigated',
  },
  'incident.commander_changed': {
    actor: 'Ana',
    data: { from: null, to: 'Bo' },
    sentence: 'Ana made Bo the incident commander',
  },
  'incident.updated': {
    actor: 'Ana',
    data: { severity: 'warning' },
    sentence: 'Ana set the severity to warning',
  },
  'alert.fired': { actor: null, data: alert, sentence: 'Alert InstanceDown on db-1:9100 fired' },
  'alert.linked': {
    actor: 'Ana',
    data: alert,
    sentence: 'Ana linked alert InstanceDown on db-1:9100 to the incident',
  },
  'alert.resolved': {
    actor: null,
    data: { ...alert, instance: null },
    sentence: 'Alert InstanceDown resolved',
  },
  'alert.acknowledged': {
    actor: 'Ana',
    data: { fingerprint: 'a1b2', alertname: 'InstanceDown', silenceId: 's-1', comment: 'looking' },
    sentence: 'Ana acknowledged alert InstanceDown: looking',
  },
  'alert.unacknowledged': {
    actor: 'Ana',
    data: { fingerprint: 'a1b2' },
    sentence: 'Ana took back the acknowledgement of alert with fingerprint a1b2',
  },
  'alert.ack_closed': {
    actor: null,
    data: { fingerprint: 'a1b2', ackId: 'ack-1', reason: 'resolved', silenceId: 's-1' },
    sentence: 'The acknowledgement of alert with fingerprint a1b2 ended (the alert resolved)',
  },
  'silence.created': {
    actor: 'Ana',
    data: { silenceId: 's-1', matchers: 'job="db"', endsAt: '2026-11-21T12:00:00Z', comment: 'maintenance' },
    sentence: 'Ana silenced job="db" until 2026-11-21T12:00:00Z: maintenance',
  },
  'silence.updated': {
    actor: 'Ana',
    data: { from: 's-1', to: 's-2', matchers: 'job="db"', endsAt: '2026-11-21T13:00:00Z' },
    sentence: 'Ana changed the silence of job="db" (now until 2026-11-21T13:00:00Z)',
  },
  'silence.expired': {
    actor: 'Ana',
    data: { silenceId: 's-2', matchers: 'job="db"', createdBy: 'ana@example.com' },
    sentence: 'Ana expired the silence of job="db"',
  },
  'note.added': {
    actor: 'Ana',
    data: { noteId: 'n1', excerpt: 'Disk full on db-1' },
    sentence: 'Ana added a note "Disk full on db-1"',
  },
  'note.edited': {
    actor: 'Ana',
    data: { noteId: 'n1', excerpt: 'Disk full' },
    sentence: 'Ana edited a note "Disk full"',
  },
  'runbook.step_checked': {
    actor: 'Ana',
    data: { runbook: 'instance-down', stepId: 's1', title: 'Check the host' },
    sentence: 'Ana checked "Check the host" in runbook instance-down',
  },
  'runbook.step_unchecked': {
    actor: 'Ana',
    data: { runbook: 'instance-down', stepId: 's1', title: '' },
    sentence: 'Ana unchecked "s1" in runbook instance-down',
  },
  'escalation.raised': {
    actor: null,
    data: { level: 2, name: 'L2 on-call SRE', from: 1, reason: 'timer', targets: ['sre-mail'] },
    sentence: 'Escalated to L2 on-call SRE (nobody acknowledged in time)',
  },
  'escalation.lowered': {
    actor: 'Ana',
    data: { level: 1, name: 'automatic chat message', from: 2, reason: 'manual' },
    sentence: 'Ana de-escalated to L1 automatic chat message',
  },
  'escalation.rearmed': {
    actor: null,
    data: { round: 2, from: 3 },
    sentence:
      'Escalation starts again from L1, as the incident was reopened (round 2; the last round reached L3)',
  },
  'escalation.repeated': {
    actor: null,
    data: { cycle: 1, of: 2, from: 4 },
    sentence: 'Nobody acknowledged after L4: escalation starts over from L1 (repeat 1 of 2)',
  },
  'page.queued': {
    actor: null,
    data: {
      notificationId: 'nt2',
      level: 2,
      userId: 'u1',
      person: 'Ana Lopez',
      method: 'email',
      schedule: 'SRE primary',
    },
    sentence: 'Paging Ana Lopez by e-mail (level 2, on call on schedule SRE primary)',
  },
  'page.unreachable': {
    actor: null,
    data: { level: 2, reason: 'nobody_on_call', schedule: 'SRE primary' },
    sentence: 'Nobody is on call on schedule SRE primary: level 2 paged nobody through it',
  },
  'notification.sent': {
    actor: null,
    data: { notificationId: 'nt1', channel: 'sre-slack', level: 2, attempt: 1 },
    sentence: 'Notified sre-slack (level 2)',
  },
  'notification.failed': {
    actor: null,
    data: {
      notificationId: 'nt1',
      channel: 'pager',
      level: null,
      attempt: 3,
      error: 'HTTP 500',
      final: true,
    },
    sentence: 'Notifying pager failed: HTTP 500',
  },
  'notification.cancelled': {
    actor: null,
    data: {
      notificationId: 'nt1',
      channel: 'pager',
      level: 1,
      attempt: 0,
      error: 'not sent: the incident was acknowledged first',
      final: true,
    },
    sentence: 'A queued page to pager (level 1) was cancelled: the incident was acknowledged',
  },
  'pipeline.broken': {
    actor: null,
    data: {
      check: 'cluster:default',
      kind: 'cluster',
      subject: 'default',
      detail: 'Alertmanager am-1:9093 refused the connection',
      lastOkAt: '2026-12-04T14:00:00.000Z',
    },
    sentence:
      'Alertmanager cluster default stopped working (last seen working 2026-12-04T14:00:00.000Z): Alertmanager am-1:9093 refused the connection',
  },
  'pipeline.recovered': {
    actor: null,
    data: { check: 'heartbeat:default', kind: 'heartbeat', subject: 'default', downSeconds: 420 },
    sentence:
      'The heartbeat alert of Alertmanager cluster default works again after 420 s; Vigil resolved the incident',
  },
  'pipeline.unwatched': {
    actor: null,
    data: { check: 'cluster:eu', kind: 'cluster', subject: 'eu' },
    sentence:
      "Alertmanager cluster eu is no longer in Vigil's configuration, so nothing watches it; Vigil resolved the incident",
  },
};

/** The samples as stored rows, with their type. */
export const sampleRows = () =>
  Object.entries(TIMELINE_SAMPLES).map(([type, s]) => ({
    type,
    actor: s.actor,
    data: s.data as unknown,
    sentence: s.sentence,
  }));

import { describe, expect, it } from 'vitest';
import { sampleRows } from './testing/timeline-samples';
import { firstLine, timelineSentence } from './timeline';
import { TIMELINE_EVENT_TYPES } from './timeline-events';

const alert = { cluster: 'default', fingerprint: 'a1b2', alertname: 'InstanceDown', instance: 'db-1:9100' };
const line = (type: string, data: unknown, actor: string | null = 'Ana') =>
  timelineSentence({ type, actor, data });

describe('timelineSentence', () => {
  it.each(sampleRows())('$type reads as a sentence', ({ type, actor, data, sentence }) => {
    expect(timelineSentence({ type, actor, data })).toBe(sentence);
  });

  it('has a sample for every event type', () => {
    expect(
      sampleRows()
        .map((r) => r.type)
        .sort(),
    ).toEqual([...TIMELINE_EVENT_TYPES].sort());
  });

  it.each([
    ['incident.opened', 'Ana', { auto: false, alerts: 2 }, 'Ana opened the incident with 2 alerts'],
    ['incident.opened', 'Ana', { auto: false, alerts: 1 }, 'Ana opened the incident with 1 alert'],
    ['incident.opened', 'Ana', { auto: false, alerts: 0 }, 'Ana declared the incident'],
    ['incident.opened', null, { auto: true, alerts: 0 }, 'Vigil opened the incident automatically'],
    [
      'incident.opened',
      null,
      { auto: true, alerts: 3 },
      'Vigil opened the incident automatically with 3 alerts',
    ],
    [
      'incident.opened',
      null,
      { auto: true, alerts: 1, cluster: 'default', fingerprint: 'f1', alertname: 'APIDown', instance: null },
      'Vigil opened the incident automatically for alert APIDown',
    ],
    [
      'incident.acknowledged',
      'Ana',
      { via: 'alert', ...alert },
      'Ana acknowledged the incident by acknowledging alert InstanceDown on db-1:9100',
    ],
    ['incident.acknowledged', 'Ana', { reason: null }, 'Ana acknowledged the incident'],
    ['incident.acknowledged', 'Ana', { via: 'link' }, 'Ana acknowledged the incident via link'],
    ['incident.acknowledged', 'Ana', { via: 'push' }, 'Ana acknowledged the incident via push notification'],
    [
      'incident.acknowledged',
      'Ana',
      { via: 'slack', chatUser: '@ana.l' },
      'Ana acknowledged the incident via Slack (pressed by @ana.l)',
    ],
    ['incident.commander_changed', 'Ana', { from: 'Bo', to: null }, 'Ana removed the incident commander'],
    // The policy's first level, raised by the timer when the incident opened: no acknowledgement was missed.
    [
      'escalation.raised',
      null,
      { level: 1, name: 'chat', from: 0, reason: 'timer', targets: ['ops-chat'] },
      'Escalated to L1 chat',
    ],
    ['incident.updated', 'Ana', { severity: 'critical' }, 'Ana set the severity to critical'],
    [
      'incident.updated',
      'Ana',
      { title: 'API down', severity: 'critical' },
      'Ana renamed the incident to "API down" and set the severity to critical',
    ],
    [
      'note.added',
      'Ana',
      { noteId: 'n1', excerpt: '**DB** failed over, see [graph](https://g/x)' },
      'Ana added a note "DB failed over, see graph"',
    ],
    ['note.edited', 'Ana', { noteId: 'n1', excerpt: '- `rm -rf *_tmp`' }, 'Ana edited a note "rm -rf *_tmp"'],
    [
      'incident.status_changed',
      'Bo',
      { from: 'open', to: 'mitigated' },
      'Bo changed the status from open to mitigated',
    ],
    [
      'alert.acknowledged',
      'Ana',
      { fingerprint: 'f1', alertname: 'DiskFull', silenceId: null, comment: 'on it\nsecond line' },
      'Ana acknowledged alert DiskFull: on it',
    ],
    [
      'alert.acknowledged',
      'Ana',
      { fingerprint: 'a1b2', alertname: '', silenceId: null, comment: null },
      'Ana acknowledged alert with fingerprint a1b2',
    ],
    [
      'alert.ack_closed',
      null,
      { fingerprint: 'a1b2', ackId: 'k', reason: 'expired', silenceId: 's' },
      'The acknowledgement of alert with fingerprint a1b2 ended (its silence expired)',
    ],
    [
      'runbook.step_checked',
      'Ana',
      { runbook: 'instance-down', stepId: 'ssh', title: 'Log in to the host' },
      'Ana checked "Log in to the host" in runbook instance-down',
    ],
    [
      'escalation.raised',
      'Ana',
      { level: 3, name: 'lead engineer', from: 2, reason: 'manual', comment: 'no answer', targets: [] },
      'Ana escalated to L3 lead engineer: no answer',
    ],
    [
      'escalation.raised',
      null,
      { level: 2, name: 'L2 team lead', from: 1, reason: 'manual', comment: 'no ack', targets: [] },
      'Escalated to L2 team lead: no ack',
    ],
    [
      'escalation.raised',
      null,
      {
        level: 2,
        name: 'L2 secondary',
        from: 1,
        reason: 'unreachable',
        comment: 'Ana could not be reached',
        targets: [],
      },
      'Escalated to L2 secondary (nobody at the level before could be reached): Ana could not be reached',
    ],
    [
      'escalation.lowered',
      'Ana',
      { level: 1, name: 'L1 chat', from: 2, reason: 'manual' },
      'Ana de-escalated to L1 chat',
    ],
    [
      'notification.sent',
      null,
      { notificationId: 'n', channel: 'ops-mail', level: 1, attempt: 1 },
      'Notified ops-mail (level 1)',
    ],
    [
      'notification.failed',
      null,
      {
        notificationId: 'n',
        channel: 'slack',
        level: 2,
        attempt: 1,
        error: 'HTTP 500\nstack',
        retryAt: '2026-11-21T12:00:00Z',
      },
      'Notifying slack (level 2) failed: HTTP 500',
    ],
    [
      'notification.sent',
      null,
      { notificationId: 'n', channel: 'email', level: 3, attempt: 1, person: 'Bo' },
      'Paged Bo by e-mail (level 3)',
    ],
    [
      'notification.failed',
      null,
      { notificationId: 'n', channel: 'email', level: 3, attempt: 2, person: 'Bo', error: 'SMTP refused' },
      'Paging Bo by e-mail (level 3) failed: SMTP refused',
    ],
    [
      'notification.sent',
      null,
      { notificationId: 'n', channel: 'email', level: 1, attempt: 1, person: 'Bo', followUp: 'acknowledged' },
      'Told Bo by e-mail that it was acknowledged',
    ],
    [
      'notification.failed',
      null,
      {
        notificationId: 'n',
        channel: 'email',
        level: 1,
        attempt: 1,
        person: 'Bo',
        followUp: 'resolved',
        error: 'SMTP refused',
        retryAt: '2026-11-21T12:00:00Z',
      },
      'Telling Bo by e-mail that it was resolved failed: SMTP refused',
    ],
    [
      'notification.sent',
      null,
      { notificationId: 'n', channel: 'email', level: 1, attempt: 1, person: 'Ana', followUp: 'reminder' },
      'Reminded Ana by e-mail that its alerts still fire',
    ],
    [
      'page.queued',
      null,
      { notificationId: 'n', level: 1, userId: 'u', person: 'Bo', method: 'email', schedule: null },
      'Paging Bo by e-mail (level 1)',
    ],
    [
      'page.unreachable',
      null,
      { level: 3, reason: 'user_disabled', person: 'Bo' },
      'Bo was not paged at level 3: their account is disabled',
    ],
    [
      'page.unreachable',
      null,
      { level: 1, reason: 'no_targets' },
      'Level 1 reached nobody: it names no channel and nobody could be paged',
    ],
    [
      'incident.opened',
      null,
      { auto: true, alerts: 1, route: 'db', ...alert },
      'Vigil opened the incident automatically for alert InstanceDown on db-1:9100 (route db)',
    ],
  ])('%s (%s) reads as a sentence', (type, actor, data, sentence) => {
    expect(line(type, data, actor)).toBe(sentence);
  });

  it('still shows a type it does not know, with who did it', () => {
    expect(line('chat.linked', {})).toBe('Ana: chat linked');
    expect(line('action_item.created', {}, null)).toBe('Vigil: action item created');
    expect(TIMELINE_EVENT_TYPES).not.toContain('chat.linked');
    expect(TIMELINE_EVENT_TYPES).toContain('alert.fired');
  });

  it('reads types no Vigil version wrote (the old schema comment named them) as plain words', () => {
    expect(line('alert_fired', { labels: { alertname: 'APIDown' } }, null)).toBe('Vigil: alert fired');
    expect(line('silence_created', { matchers: 'job="api"' })).toBe('Ana: silence created');
    expect(line('note', { body: 'restarted the pod' })).toBe('Ana: note');
    expect(line('escalated', { level: 2 }, null)).toBe('Vigil: escalated');
    expect(line('notification_failed', { error: 'HTTP 500' }, null)).toBe('Vigil: notification failed');
    expect(line('incident.created', {})).toBe('Ana: incident created');
    expect(line('alert.linked', { alertname: 'APIDown' })).toBe('Ana: alert linked');
  });

  it('reads a row whose payload does not fit its type by its type alone, never printing undefined or objects', () => {
    expect(line('alert.fired', null, null)).toBe('Vigil: alert fired');
    expect(line('acknowledged', 'x')).toBe('Ana: acknowledged');
    expect(line('note', ['x'])).toBe('Ana: note');
    expect(line('incident.commander_changed', { to: 'Bo', extra: { nested: 1 } })).toBe(
      'Ana: incident commander changed',
    );
    for (const type of TIMELINE_EVENT_TYPES) {
      const sentence = line(type, { odd: { nested: true } }, null);
      expect(sentence).not.toMatch(/undefined|\[object/);
    }
  });
});

describe('firstLine', () => {
  it('takes the first line, shortened', () => {
    expect(firstLine('  Disk full\nmore text', 80)).toBe('Disk full');
    expect(firstLine('x'.repeat(100), 10)).toBe(`${'x'.repeat(9)}…`);
    expect(firstLine('a\r\nb')).toBe('a');
  });
});

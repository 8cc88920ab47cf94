import { describe, expect, it } from 'vitest';
import { isKnownTimelineType, noteExcerpt, timelineSentence } from './timeline';

const alert = { fingerprint: 'a1b2', alertname: 'InstanceDown', instance: 'db-1:9100', cluster: 'default' };

describe('timelineSentence', () => {
  it.each([
    [
      'incident.opened',
      null,
      { auto: true, ...alert },
      'Vigil opened the incident automatically for alert InstanceDown on db-1:9100',
    ],
    ['incident.opened', 'Ana', { auto: false, alerts: 2 }, 'Ana opened the incident with 2 alert(s)'],
    ['incident.acknowledged', 'Ana', { reason: 'on it' }, 'Ana acknowledged the incident: on it'],
    [
      'incident.acknowledged',
      'Ana',
      { via: 'alert', ...alert },
      'Ana acknowledged the incident by acknowledging alert InstanceDown on db-1:9100',
    ],
    [
      'incident.status_changed',
      'Ana',
      { from: 'acknowledged', to: 'mitigated' },
      'Ana changed the status from acknowledged to mitigated',
    ],
    ['incident.commander_changed', 'Ana', { from: null, to: 'Bo' }, 'Ana made Bo the incident commander'],
    ['incident.commander_changed', 'Ana', { from: 'Bo', to: null }, 'Ana removed the incident commander'],
    ['incident.updated', 'Ana', { severity: 'warning' }, 'Ana set the severity to warning'],
    ['alert.fired', null, alert, 'Alert InstanceDown on db-1:9100 fired'],
    [
      'alert.resolved',
      null,
      { fingerprint: 'a1b2', alertname: 'InstanceDown' },
      'Alert InstanceDown resolved',
    ],
    [
      'alert.acknowledged',
      'Ana',
      { ...alert, comment: 'looking' },
      'Ana acknowledged alert InstanceDown on db-1:9100: looking',
    ],
    [
      'alert.unacknowledged',
      'Ana',
      { fingerprint: 'a1b2' },
      'Ana took back the acknowledgement of alert with fingerprint a1b2',
    ],
    [
      'alert.ack_closed',
      null,
      { fingerprint: 'a1b2', reason: 'resolved' },
      'The acknowledgement of alert with fingerprint a1b2 ended (the alert resolved)',
    ],
    [
      'silence.created',
      'Ana',
      { matchers: 'job="db"', endsAt: '2026-11-21T12:00:00Z', comment: 'maintenance' },
      'Ana silenced job="db" until 2026-11-21T12:00:00Z: maintenance',
    ],
    [
      'silence.updated',
      'Ana',
      { matchers: 'job="db"', endsAt: '2026-11-21T13:00:00Z' },
      'Ana changed the silence of job="db" (now until 2026-11-21T13:00:00Z)',
    ],
    ['silence.expired', 'Ana', { matchers: 'job="db"' }, 'Ana expired the silence of job="db"'],
    ['note.added', 'Ana', { excerpt: 'Disk full on db-1' }, 'Ana added a note "Disk full on db-1"'],
    ['note.edited', 'Ana', { excerpt: 'Disk full' }, 'Ana edited a note "Disk full"'],
    [
      'runbook.step_checked',
      'Ana',
      { runbook: 'instance-down', stepId: 's1', title: 'Check the host' },
      'Ana checked "Check the host" in runbook instance-down',
    ],
    [
      'runbook.step_unchecked',
      'Ana',
      { runbook: 'instance-down', stepId: 's1' },
      'Ana unchecked "s1" in runbook instance-down',
    ],
    ['escalation.raised', null, { level: 2, name: 'L2 on-call SRE' }, 'Escalated to L2 on-call SRE'],
    [
      'escalation.raised',
      'Ana',
      { level: 3, name: 'lead engineer', reason: 'manual', comment: 'no answer' },
      'Ana escalated to L3 lead engineer: no answer',
    ],
    ['escalation.lowered', 'Ana', { level: 1 }, 'Ana de-escalated to level 1'],
    ['notification.sent', null, { channel: 'sre-slack', level: 2 }, 'Notified sre-slack (level 2)'],
    [
      'notification.failed',
      null,
      { channel: 'pager', error: 'HTTP 500' },
      'Notifying pager failed: HTTP 500',
    ],
  ])('%s (%s) reads as a sentence', (type, actor, data, sentence) => {
    expect(timelineSentence({ type, actor, data: data as Record<string, unknown> })).toBe(sentence);
  });

  it('still shows a type it does not know, with who did it', () => {
    expect(timelineSentence({ type: 'chat.linked', actor: 'Ana', data: {} })).toBe('Ana: chat linked');
    expect(isKnownTimelineType('chat.linked')).toBe(false);
    expect(isKnownTimelineType('alert.fired')).toBe(true);
  });

  it('never prints undefined or objects when data is missing', () => {
    for (const type of [
      'incident.opened',
      'incident.acknowledged',
      'incident.status_changed',
      'incident.updated',
      'alert.fired',
      'silence.created',
      'escalation.raised',
      'notification.failed',
      'runbook.step_checked',
    ]) {
      const sentence = timelineSentence({ type, actor: null, data: { odd: { nested: true } } });
      expect(sentence).not.toMatch(/undefined|\[object/);
    }
  });
});

describe('noteExcerpt', () => {
  it('takes the first line, shortened', () => {
    expect(noteExcerpt('  Disk full\nmore text')).toBe('Disk full');
    expect(noteExcerpt('x'.repeat(100), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});

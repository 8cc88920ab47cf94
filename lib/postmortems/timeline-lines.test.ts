import { describe, expect, it } from 'vitest';
import { describeEvent, eventKind } from './timeline-lines';

describe('describeEvent', () => {
  const line = (type: string, data: unknown, actor: string | null = 'Ana') =>
    describeEvent({ type, actor, data });

  it('reads the event types the app writes today', () => {
    expect(line('alert.acknowledged', { alertname: 'DiskFull', comment: 'on it\nsecond line' })).toBe(
      'Ana acknowledged DiskFull: "on it"',
    );
    expect(line('alert.unacknowledged', { alertname: 'DiskFull' })).toBe(
      'Ana removed the acknowledgement of DiskFull',
    );
    expect(line('alert.ack_closed', { alertname: 'DiskFull', reason: 'resolved' }, null)).toBe(
      'Acknowledgement of DiskFull ended (resolved)',
    );
    expect(
      line('runbook.step_checked', { runbook: 'instance-down', stepId: 'ssh', title: 'Log in to the host' }),
    ).toBe('Ana completed runbook step "Log in to the host" of instance-down');
  });

  it('reads the types the schema names, with either separator', () => {
    expect(line('alert_fired', { labels: { alertname: 'APIDown', instance: 'api-1' } }, null)).toBe(
      'Alert APIDown on api-1 fired',
    );
    expect(line('alert.resolved', { alertname: 'APIDown' }, null)).toBe('Alert APIDown resolved');
    expect(line('silence_created', { matchers: 'job="api"', endsAt: '10:00' })).toBe(
      'Ana created a silence for job="api" until 10:00',
    );
    expect(line('note', { body: 'restarted the pod' })).toBe('Ana noted: "restarted the pod"');
    expect(line('escalated', { level: 2, name: 'Team lead' }, null)).toBe('Escalated to L2 (Team lead)');
    expect(line('notification.sent', { channel: 'email', to: 'oncall@example.com' }, null)).toBe(
      'Notification sent via email to oncall@example.com',
    );
    expect(line('notification_failed', { channel: 'slack', error: 'HTTP 500' }, null)).toBe(
      'Notification failed via slack: HTTP 500',
    );
    expect(line('incident.status_changed', { from: 'open', to: 'mitigated' }, 'Bo')).toBe(
      'Bo changed the status from open to mitigated',
    );
    expect(line('incident.created', {})).toBe('Ana opened the incident');
  });

  it("reads the incident module's events", () => {
    expect(line('incident.opened', { alerts: 2 })).toBe('Ana opened the incident with 2 alerts');
    expect(line('incident.opened', { auto: true, alertname: 'APIDown' }, null)).toBe(
      'Vigil opened the incident for alert APIDown',
    );
    expect(line('incident.acknowledged', { reason: 'on it' })).toBe('Ana acknowledged the incident: "on it"');
    expect(line('incident.updated', { severity: 'critical' })).toBe('Ana set the severity to critical');
    expect(line('alert.linked', { alertname: 'APIDown' })).toBe('Ana linked alert APIDown');
    expect(line('note.added', { excerpt: 'rolled back' })).toBe('Ana noted: "rolled back"');
    expect(
      line(
        'escalation.raised',
        { level: 2, name: 'L2 team lead', reason: 'manual', comment: 'no ack' },
        null,
      ),
    ).toBe('Escalated to L2 (L2 team lead): "no ack"');
    expect(line('notification.sent', { channel: 'ops-mail', level: 1 }, null)).toBe(
      'Notification sent via ops-mail (level 1)',
    );
  });

  it('still reads a type nobody described, without inventing meaning', () => {
    expect(line('incident.commander_changed', { to: 'Bo', extra: { nested: 1 } })).toBe(
      'Commander changed: to Bo (by Ana)',
    );
    expect(line('action_item.created', {}, null)).toBe('Action item created');
  });

  it('survives data that is not an object', () => {
    expect(line('alert.fired', null, null)).toBe('An alert fired');
    expect(line('acknowledged', 'x')).toBe('Ana acknowledged the incident');
    expect(line('note', ['x'])).toBe('Ana noted');
  });
});

describe('eventKind', () => {
  it('sorts the types that pre-fill sections', () => {
    expect(eventKind('alert.fired')).toBe('fired');
    expect(eventKind('alert_fired')).toBe('fired');
    expect(eventKind('alert.resolved')).toBe('resolved');
    expect(eventKind('alert.acknowledged')).toBe('ack');
    expect(eventKind('acknowledged')).toBe('ack');
    expect(eventKind('alert.unacknowledged')).toBe('other');
    expect(eventKind('incident.status_changed')).toBe('status');
    expect(eventKind('note')).toBe('note');
    expect(eventKind('runbook.step_checked')).toBe('other');
  });
});

import { describe, expect, it } from 'vitest';
import { ACK_WAYS, ackWay, ackWayText, latestAcknowledgement } from './acknowledgement';

const ana = { id: 'u-ana', name: 'Ana' };
const bo = { id: 'u-bo', name: 'Bo' };
const ack = (at: string, by: typeof ana | null, data: Record<string, unknown>) => ({
  type: 'incident.acknowledged',
  at,
  by,
  data,
});

describe('how an incident was acknowledged', () => {
  it('reads the way from each shape of incident.acknowledged data', () => {
    expect(ackWay({ reason: 'on it' })).toBe('console');
    expect(ackWay({ reason: null })).toBe('console');
    expect(ackWay({ via: 'alert', fingerprint: 'f1', alertname: 'A', instance: null })).toBe('alert');
    expect(ackWay({ via: 'link' })).toBe('link');
    expect(ackWay({ via: 'push' })).toBe('push');
    expect(ackWay({ via: 'slack', chatUser: '@ana' })).toBe('slack');
    expect(ackWay({ via: 'mattermost', chatUser: 'ana' })).toBe('mattermost');
    // A `via` this version does not know is still a signed token's way, never "the console".
    expect(ackWay({ via: 'pager-duty-app' })).toBe('link');
    expect(ackWay({ via: 'console' })).toBe('link');
  });

  it('says each way in words', () => {
    expect(ACK_WAYS.map(ackWayText)).toEqual([
      'via the console',
      'by acknowledging an alert',
      'via link',
      'via push notification',
      'via Slack button',
      'via Mattermost button',
    ]);
  });

  it('takes the latest acknowledgement, with who and when', () => {
    const events = [
      { type: 'incident.opened', at: 't0', by: null, data: { auto: true } },
      ack('t1', bo, { via: 'link' }),
      { type: 'incident.status_changed', at: 't2', by: bo, data: { from: 'acknowledged', to: 'open' } },
      ack('t3', ana, { via: 'push' }),
      { type: 'note.added', at: 't4', by: bo, data: {} },
    ];
    expect(latestAcknowledgement('acknowledged', events)).toEqual({ at: 't3', by: ana, via: 'push' });
    expect(latestAcknowledgement('resolved', events)).toEqual({ at: 't3', by: ana, via: 'push' });
  });

  it('has none while the incident is open, or when nobody acknowledged it', () => {
    expect(latestAcknowledgement('open', [ack('t1', ana, { via: 'push' })])).toBeNull();
    expect(
      latestAcknowledgement('resolved', [{ type: 'incident.opened', at: 't0', by: null, data: {} }]),
    ).toBeNull();
  });

  it('keeps an acknowledgement whose actor was deleted, without a name', () => {
    expect(latestAcknowledgement('mitigated', [ack('t1', null, { reason: null })])).toEqual({
      at: 't1',
      by: null,
      via: 'console',
    });
  });
});

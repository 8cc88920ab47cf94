import { describe, expect, it } from 'vitest';
import { makePage, makeTest } from './fixtures';
import { ntfyMessage } from './ntfy';

describe('ntfyMessage', () => {
  it('publishes a critical page at priority 5 with Acknowledge and Open view actions', () => {
    expect(ntfyMessage('ana-pages', makePage())).toEqual({
      topic: 'ana-pages',
      title: 'INC-7 [critical] API <down> & out',
      message: 'Error rate 12% on checkout',
      priority: 5,
      tags: ['rotating_light'],
      click: 'https://vigil.example.com/incidents/abc',
      actions: [
        { action: 'view', label: 'Acknowledge', url: 'https://vigil.example.com/a/ack-token', clear: true },
        { action: 'view', label: 'Open', url: 'https://vigil.example.com/incidents/abc' },
      ],
    });
  });

  it('uses priority 4 for other pages, 3 for a test, and the title as the message when there is no text', () => {
    expect(ntfyMessage('t', makePage({ severity: 'warning' })).priority).toBe(4);
    const test = ntfyMessage('t', makeTest({ text: '' }));
    expect(test).toMatchObject({ priority: 3, tags: ['bell'], message: 'Test from Vigil' });
    expect(test.actions).toEqual([
      { action: 'view', label: 'Open', url: 'https://vigil.example.com/people/me' },
    ]);
  });

  it('marks a follow-up done with a check mark, and a reminder of an incident still firing with an alarm clock', () => {
    const later = { actions: undefined };
    expect(ntfyMessage('t', makePage({ ...later, kind: 'followup' }))).toMatchObject({
      priority: 3,
      tags: ['white_check_mark'],
    });
    expect(ntfyMessage('t', makePage({ ...later, kind: 'reminder' }))).toMatchObject({
      priority: 3,
      tags: ['alarm_clock'],
    });
  });
});

import { describe, expect, it } from 'vitest';
import { contactDisplay, splitTopicUrl } from './display';

describe('what a contact method shows', () => {
  it('shows the address, hosts, a masked topic and the last three digits', () => {
    expect(contactDisplay({ kind: 'email', address: 'ana@example.com' })).toBe('ana@example.com');
    expect(contactDisplay({ kind: 'slack', url: 'https://hooks.slack.com/services/T0/B0/secret' })).toBe(
      'webhook on hooks.slack.com',
    );
    expect(contactDisplay({ kind: 'slack', botToken: 'xoxb-1', slackUserId: 'U024BE7LH' })).toBe(
      'direct message to U024BE7LH',
    );
    expect(contactDisplay({ kind: 'mattermost', url: 'https://chat.example.com/hooks/abc' })).toBe(
      'webhook on chat.example.com',
    );
    expect(
      contactDisplay({ kind: 'teams', url: 'https://prod-1.westeurope.logic.azure.com/wf/x?sig=s' }),
    ).toBe('workflow on prod-1.westeurope.logic.azure.com');
    expect(contactDisplay({ kind: 'ntfy', topicUrl: 'https://ntfy.sh/ana-pages-x7' })).toBe('ntfy.sh/an…x7');
    expect(contactDisplay({ kind: 'ntfy', topicUrl: 'https://ntfy.sh/short', token: 't' })).toBe(
      'ntfy.sh/… (with token)',
    );
    expect(contactDisplay({ kind: 'voice', phone: '+32470123456' })).toBe('+… 456');
  });

  it('never contains the secret part', () => {
    const shown = contactDisplay({ kind: 'slack', url: 'https://hooks.slack.com/services/T0/B0/secret' });
    expect(shown).not.toContain('secret');
  });

  it('splits a topic URL, also under a path', () => {
    expect(splitTopicUrl('https://push.example.com/ntfy/alerts')).toEqual({
      base: 'https://push.example.com/ntfy',
      host: 'push.example.com',
      topic: 'alerts',
    });
    expect(splitTopicUrl('http://127.0.0.1:8080/t1/')).toEqual({
      base: 'http://127.0.0.1:8080',
      host: '127.0.0.1:8080',
      topic: 't1',
    });
  });
});

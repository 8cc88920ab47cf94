import { describe, expect, it } from 'vitest';
import { createBody } from './contact-fields';

describe('createBody', () => {
  it('keeps the kind’s own fields, trimmed, and leaves out blank optional ones and a blank label', () => {
    expect(createBody('ntfy', ' ', { topicUrl: ' https://ntfy.sh/t ', token: '', address: 'stray' })).toEqual(
      {
        kind: 'ntfy',
        topicUrl: 'https://ntfy.sh/t',
      },
    );
    expect(createBody('slack', 'Work', { botToken: 'xoxb-1', slackUserId: 'U1AB' })).toEqual({
      kind: 'slack',
      label: 'Work',
      botToken: 'xoxb-1',
      slackUserId: 'U1AB',
    });
  });

  it('sends a required field even when blank, so the server names it', () => {
    expect(createBody('email', '', {})).toEqual({ kind: 'email', address: '' });
  });
});

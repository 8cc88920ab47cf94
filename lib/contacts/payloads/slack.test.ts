import { describe, expect, it } from 'vitest';
import { makePage, makeTest } from './fixtures';
import { slackMessage } from './slack';

describe('slackMessage', () => {
  it('renders a page with Acknowledge, Silence 1 h, Escalate (each valued with its own token) and Open', () => {
    expect(slackMessage(makePage())).toEqual({
      text: 'INC-7 [critical] API &lt;down&gt; &amp; out: Error rate 12% on checkout',
      blocks: [
        {
          type: 'section',
          text: {
            type: 'mrkdwn',
            text: '*INC-7 [critical] API &lt;down&gt; &amp; out*\nError rate 12% on checkout',
          },
        },
        {
          type: 'actions',
          block_id: 'vigil_actions',
          elements: [
            {
              type: 'button',
              action_id: 'vigil_ack',
              text: { type: 'plain_text', text: 'Acknowledge' },
              value: 'tok-1',
              style: 'primary',
            },
            {
              type: 'button',
              action_id: 'vigil_silence_1h',
              text: { type: 'plain_text', text: 'Silence 1 h' },
              value: 'tok-silence',
            },
            {
              type: 'button',
              action_id: 'vigil_escalate',
              text: { type: 'plain_text', text: 'Escalate' },
              value: 'tok-escalate',
              style: 'danger',
            },
            {
              type: 'button',
              action_id: 'vigil_open',
              text: { type: 'plain_text', text: 'Open' },
              url: 'https://vigil.example.com/incidents/abc',
            },
          ],
        },
      ],
    });
  });

  it('renders only Open without actions (a test, a follow-up)', () => {
    const { blocks, text } = slackMessage(makeTest());
    expect(text).toBe('Test from Vigil: This contact method works.');
    expect(blocks[1]).toEqual({
      type: 'actions',
      block_id: 'vigil_actions',
      elements: [
        {
          type: 'button',
          action_id: 'vigil_open',
          text: { type: 'plain_text', text: 'Open' },
          url: 'https://vigil.example.com/people/me',
        },
      ],
    });
  });
});

import { describe, expect, it } from 'vitest';
import { makePage, makeTest } from './fixtures';
import { teamsMessage } from './teams';

describe('teamsMessage', () => {
  it('wraps an Adaptive Card 1.4 with Acknowledge and Open as Action.OpenUrl', () => {
    expect(teamsMessage(makePage())).toEqual({
      type: 'message',
      attachments: [
        {
          contentType: 'application/vnd.microsoft.card.adaptive',
          contentUrl: null,
          content: {
            $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
            type: 'AdaptiveCard',
            version: '1.4',
            body: [
              {
                type: 'TextBlock',
                text: 'INC-7 [critical] API <down> & out',
                weight: 'Bolder',
                size: 'Medium',
                wrap: true,
                color: 'Attention',
              },
              { type: 'TextBlock', text: 'Error rate 12% on checkout', wrap: true },
            ],
            actions: [
              { type: 'Action.OpenUrl', title: 'Acknowledge', url: 'https://vigil.example.com/a/ack-token' },
              { type: 'Action.OpenUrl', title: 'Open', url: 'https://vigil.example.com/incidents/abc' },
            ],
          },
        },
      ],
    });
  });

  it('offers only Open on a test, in the default colour', () => {
    const card = teamsMessage(makeTest()).attachments[0]?.content;
    expect(card?.actions).toEqual([
      { type: 'Action.OpenUrl', title: 'Open', url: 'https://vigil.example.com/people/me' },
    ]);
    expect(card?.body[0]).not.toHaveProperty('color');
  });
});

import { describe, expect, it } from 'vitest';
import { makePage, makeTest } from './fixtures';
import { mattermostMessage } from './mattermost';

const integration = (action: string, token: string) => ({
  url: 'https://vigil.example.com/api/v1/integrations/mattermost/actions',
  context: { action, token },
});

describe('mattermostMessage', () => {
  it('renders a page as an attachment with buttons posting {action, token} to the console', () => {
    expect(mattermostMessage(makePage())).toEqual({
      attachments: [
        {
          fallback: 'INC-7 [critical] API <down> & out: Error rate 12% on checkout',
          color: '#d92d20',
          title: 'INC-7 [critical] API <down> & out',
          title_link: 'https://vigil.example.com/incidents/abc',
          text: 'Error rate 12% on checkout',
          actions: [
            {
              id: 'vigilack',
              name: 'Acknowledge',
              type: 'button',
              style: 'primary',
              integration: integration('ack', 'tok-1'),
            },
            {
              id: 'vigilsilence1h',
              name: 'Silence 1 h',
              type: 'button',
              style: 'default',
              integration: integration('silence', 'tok-silence'),
            },
            {
              id: 'vigilescalate',
              name: 'Escalate',
              type: 'button',
              style: 'danger',
              integration: integration('escalate', 'tok-escalate'),
            },
          ],
        },
      ],
    });
  });

  it('has no buttons without actions, and a green bar for a test', () => {
    const [attachment] = mattermostMessage(makeTest()).attachments;
    expect(attachment).not.toHaveProperty('actions');
    expect(attachment?.color).toBe('#12b76a');
  });

  it('posts clicks to the origin the page links to, whatever its path', () => {
    const [attachment] = mattermostMessage(
      makePage({ openUrl: 'http://127.0.0.1:3000/incidents/x' }),
    ).attachments;
    expect(attachment?.actions?.[0]?.integration.url).toBe(
      'http://127.0.0.1:3000/api/v1/integrations/mattermost/actions',
    );
  });
});

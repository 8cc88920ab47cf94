import { describe, expect, it } from 'vitest';
import { chatSummary, mattermostUpdate, slackReplacement } from './chat-messages';
import type { ActionDone } from './perform';

const done: ActionDone = {
  incident: { id: 'c1', ref: 'INC-7', title: 'API <down>', status: 'acknowledged', severity: 'critical' },
  actor: 'Ana',
  done: 'acknowledged',
};
const at = new Date('2026-12-05T03:12:40Z');

describe('chat replacement messages', () => {
  it('says what happened, by whom, how and when (UTC)', () => {
    expect(chatSummary(done, 'slack', at)).toBe(
      'INC-7 API <down>: acknowledged by Ana via Slack at 03:12 UTC',
    );
  });

  it('Slack: replaces the original, escapes the title, shows the time in each reader’s zone', () => {
    const body = slackReplacement(done, at);
    expect(body.replace_original).toBe(true);
    expect(body.blocks[0]).toEqual({
      type: 'section',
      text: { type: 'mrkdwn', text: '*INC-7* API &lt;down&gt;' },
    });
    expect(JSON.stringify(body.blocks[1])).toContain(
      'Acknowledged by Ana via Slack at <!date^1796440360^{time}|03:12 UTC>',
    );
  });

  it('Mattermost: an update that drops the buttons', () => {
    expect(mattermostUpdate(done, at)).toEqual({
      update: {
        message: 'INC-7 API <down>: acknowledged by Ana via Mattermost at 03:12 UTC',
        props: { attachments: [] },
      },
    });
  });
});

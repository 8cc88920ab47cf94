import { describe, expect, it } from 'vitest';
import { parseSlackPayload } from './slack-payload';

const form = (payload: unknown) => new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
const press = {
  type: 'block_actions',
  user: { id: 'U1', username: 'ana.l', name: 'ana.l' },
  response_url: 'https://hooks.slack.com/actions/T1/1/abc',
  actions: [{ action_id: 'vigil_silence_1h', value: 'tok.en', block_id: 'b', type: 'button' }],
  team: { id: 'T1' },
};

describe('Slack block_actions payloads', () => {
  it('reads the button, its token, the presser and the response URL', () => {
    expect(parseSlackPayload(form(press))).toEqual({
      ok: true,
      press: { action: 'silence', token: 'tok.en', user: '@ana.l', responseUrl: press.response_url },
    });
  });

  it('tells the Open link button apart, which needs no action', () => {
    expect(parseSlackPayload(form({ ...press, actions: [{ action_id: 'vigil_open', value: 'x' }] }))).toEqual(
      {
        ok: false,
        link: true,
      },
    );
  });

  it('refuses a button that is not ours, another payload type, and a body that is not one', () => {
    expect(parseSlackPayload(form({ ...press, actions: [{ action_id: 'other', value: 'x' }] })).ok).toBe(
      false,
    );
    expect(parseSlackPayload(form({ ...press, type: 'view_submission' })).ok).toBe(false);
    expect(parseSlackPayload('payload=%7Bnot-json').ok).toBe(false);
    expect(parseSlackPayload('text=hello').ok).toBe(false);
  });
});

import { z } from 'zod';
import type { ChatAction } from './perform';

/**
 * The part of a Slack `block_actions` payload Vigil reads (api.slack.com/reference/interaction-payloads
 * /block-actions-payload): who pressed which button, its value (a signed action token) and where to send
 * the replacement message. The body is form-encoded with the JSON in `payload`. Pure.
 *
 *   parseSlackPayload('payload=%7B%22type%22%3A%22block_actions%22…') →
 *     {ok: true, action: 'ack', token: 'eyJ2…', user: '@ana', responseUrl: 'https://hooks.slack.com/…'}
 */

const ACTION_IDS = { vigil_ack: 'ack', vigil_silence_1h: 'silence', vigil_escalate: 'escalate' } as const;

/**
 * The Open button is a plain link (its `url` opens the page); Slack still sends a press for it, which
 * must be answered 200 or Slack marks the button with an error.
 */
const OPEN_ACTION_ID = 'vigil_open';

const payloadSchema = z.object({
  type: z.literal('block_actions'),
  user: z.object({
    id: z.string().max(64),
    username: z.string().max(128).optional(),
    name: z.string().max(128).optional(),
  }),
  response_url: z.url({ protocol: /^https?$/ }),
  actions: z
    .array(
      z.object({
        action_id: z.enum([...(Object.keys(ACTION_IDS) as (keyof typeof ACTION_IDS)[]), OPEN_ACTION_ID]),
        value: z.string().max(512),
      }),
    )
    .min(1),
});

type SlackPress = { action: ChatAction; token: string; user: string; responseUrl: string };

export type SlackParse = { ok: true; press: SlackPress } | { ok: false; link?: true };

export function parseSlackPayload(body: string): SlackParse {
  const raw = new URLSearchParams(body).get('payload');
  if (!raw) return { ok: false };
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { ok: false };
  }
  const parsed = payloadSchema.safeParse(json);
  if (!parsed.success) return { ok: false };
  const { user, actions, response_url } = parsed.data;
  const [first] = actions;
  if (!first) return { ok: false };
  if (first.action_id === OPEN_ACTION_ID) return { ok: false, link: true };
  return {
    ok: true,
    press: {
      action: ACTION_IDS[first.action_id],
      token: first.value,
      user: `@${user.username ?? user.name ?? user.id}`,
      responseUrl: response_url,
    },
  };
}

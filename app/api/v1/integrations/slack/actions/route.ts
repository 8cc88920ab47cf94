import { slackActionsOp } from '@/lib/actions/api';
import { slackRefusal, slackReplacement } from '@/lib/actions/chat-messages';
import { actFromChat } from '@/lib/actions/perform';
import { firstSeen } from '@/lib/actions/replays';
import { parseSlackPayload } from '@/lib/actions/slack-payload';
import { replaceSlackMessage } from '@/lib/actions/slack-reply';
import { verifySlackSignature } from '@/lib/actions/slack-signature';
import { config } from '@/lib/config/current';
import { ConflictError, UnauthorizedError, ValidationError } from '@/lib/errors';
import { readRawBody, route } from '@/lib/http/route';

/**
 * Slack's interactivity requests, in this order: the signature over the exact body and its timestamp
 * (401), a replay of a request already handled (409), the payload (400), then the action as the person
 * the page was for. A press that cannot act (the incident changed, the token expired) is told to the
 * presser only; one that acted replaces the message for everyone.
 */
export const POST = route(slackActionsOp, async (_input, { request }) => {
  const secret = config().slack?.signingSecret;
  if (!secret)
    throw new UnauthorizedError(
      'Slack interactivity is not set up here: put the Slack app’s signing secret in VIGIL_CONFIG as slack.signingSecret.',
    );
  const body = await readRawBody(slackActionsOp, request);
  const signature = request.headers.get('x-slack-signature');
  const verdict = verifySlackSignature(
    { secret, timestamp: request.headers.get('x-slack-request-timestamp'), signature, body },
    Math.floor(Date.now() / 1000),
  );
  if (!verdict.ok)
    throw new UnauthorizedError(
      verdict.reason === 'stale'
        ? 'The request’s X-Slack-Request-Timestamp is more than 5 minutes off: check this server’s clock.'
        : 'The request is not signed with the Slack app’s signing secret (slack.signingSecret in VIGIL_CONFIG).',
    );
  if (!(await firstSeen(signature ?? '')))
    throw new ConflictError('This Slack request was received before and acted once; it is not done again.');
  const parsed = parseSlackPayload(body);
  // The Open button opened its link in the presser's browser; Slack only wants its press answered.
  if (!parsed.ok && parsed.link) return {};
  if (!parsed.ok)
    throw new ValidationError('The payload is not a block_actions press of a Vigil button.', {
      payload: 'not ours',
    });
  const { press } = parsed;
  try {
    const done = await actFromChat(press.token, press.action, { via: 'slack', chatUser: press.user });
    await replaceSlackMessage(press.responseUrl, slackReplacement(done, new Date()));
    return {};
  } catch (error) {
    if (error instanceof UnauthorizedError || error instanceof ConflictError)
      return slackRefusal(error.message);
    throw error;
  }
});

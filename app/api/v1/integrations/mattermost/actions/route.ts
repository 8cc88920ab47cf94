import { NextResponse } from 'next/server';
import { mattermostActionsOp } from '@/lib/actions/api';
import { mattermostRefusal, mattermostUpdate } from '@/lib/actions/chat-messages';
import { actFromChat } from '@/lib/actions/perform';
import { ConflictError, UnauthorizedError } from '@/lib/errors';
import { route } from '@/lib/http/route';

/**
 * Mattermost does not sign its requests: the signed token in the button's context is the proof. A
 * refusal is answered with its status and an `ephemeral_text`, which Mattermost shows to the presser.
 */
export const POST = route(mattermostActionsOp, async ({ body }) => {
  try {
    const done = await actFromChat(body.context.token, body.context.action, {
      via: 'mattermost',
      chatUser: `@${body.user_name ?? body.user_id}`,
    });
    return mattermostUpdate(done, new Date());
  } catch (error) {
    if (error instanceof UnauthorizedError || error instanceof ConflictError)
      return NextResponse.json(mattermostRefusal(error.message), { status: error.status });
    throw error;
  }
});

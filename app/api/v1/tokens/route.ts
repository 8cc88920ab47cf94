import { createTokenOp, listTokensOp } from '@/lib/admin/api';
import { createApiToken, listTokens } from '@/lib/admin/users';
import { route } from '@/lib/http/route';

export const GET = route(listTokensOp, async (_input, { actor }) => ({ tokens: await listTokens(actor) }));

/** `{name, userId?, expiresInDays?}` → `{id, token}`; the token is shown only in this answer. */
export const POST = route(createTokenOp, async ({ body }, { actor }) => {
  const { id, secret } = await createApiToken(actor, body);
  return { id, token: secret };
});
